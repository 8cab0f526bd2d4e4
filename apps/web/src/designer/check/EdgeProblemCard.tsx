import { Panel } from "@xyflow/react";
import { AlertTriangle } from "lucide-react";
import { useShallow } from "zustand/react/shallow";
import { useDesigner } from "../use-designer.ts";
import { useChecks } from "./use-checks.ts";

const SHOWN = 4;

/**
 * The reasons an edge is red, for the edge whose marker is hovered (or the selected one).
 * A panel over the canvas rather than a popup at the edge, so nodes never cover it.
 */
export function EdgeProblemCard() {
  const selected = useDesigner((s) => s.edges.find((e) => e.selected)?.id);
  const hovered = useChecks((s) => s.edge);
  const id = hovered ?? selected;
  const edge = useDesigner((s) => (id ? s.edges.find((e) => e.id === id) : undefined));
  const diagnostics = useChecks((s) => (id ? s.index.byEdge.get(id) : undefined));
  const labels = useDesigner(
    useShallow((s) =>
      edge
        ? [edge.source, edge.target].map(
            (nodeId) => s.nodes.find((n) => n.id === nodeId)?.data.step.label ?? nodeId,
          )
        : [],
    ),
  );
  if (!edge || !diagnostics || diagnostics.length === 0) return null;
  const errors = diagnostics.some((d) => d.severity === "error");
  return (
    <Panel position="top-center">
      <div
        role="tooltip"
        className={`w-[34rem] max-w-[70vw] rounded-lg border bg-white p-3 shadow-lg dark:bg-zinc-900 ${errors ? "border-red-200 dark:border-red-900" : "border-amber-200 dark:border-amber-900"}`}
      >
        <div className="mb-1.5 flex items-center gap-2 font-semibold text-[12px]">
          <AlertTriangle
            className={`size-3.5 ${errors ? "text-red-500" : "text-amber-500"}`}
            aria-hidden
          />
          {labels[0]} → {labels[1]}: {diagnostics.length} problem
          {diagnostics.length === 1 ? "" : "s"}
        </div>
        <ul className="space-y-1 text-[12px] text-zinc-700 dark:text-zinc-300">
          {diagnostics.slice(0, SHOWN).map((d) => (
            <li key={`${d.code}:${d.path ?? ""}:${d.message}`} className="flex gap-1.5">
              <span className={d.severity === "error" ? "text-red-500" : "text-amber-500"}>•</span>
              <span>{d.message}</span>
            </li>
          ))}
        </ul>
        <p className="mt-1.5 text-[11px] text-zinc-500">
          {diagnostics.length > SHOWN
            ? `…and ${diagnostics.length - SHOWN} more in Problems. `
            : ""}
          Map the target's input fields, or apply a quick fix from Problems.
        </p>
      </div>
    </Panel>
  );
}
