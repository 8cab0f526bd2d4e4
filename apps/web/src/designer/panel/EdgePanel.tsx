import { CircleCheck, CircleX, Trash2, TriangleAlert } from "lucide-react";
import { useShallow } from "zustand/react/shallow";
import { useEdgeDiagnostics } from "../check/use-edge-diagnostics.ts";
import { Button } from "../ui/Button.tsx";
import { useDesigner } from "../use-designer.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { PanelSection } from "./PanelSection.tsx";

const KIND_NAMES = {
  next: "Next: runs when the step succeeds",
  error: "Error: runs when the step fails after its retries",
  branch: "Branch of a choice",
};

/** The selected edge: what kind it is, what it joins, what the check says of it, delete. */
export function EdgePanel({ id }: { id: string }) {
  const { store } = useDesignerContext();
  const edge = useDesigner((s) => s.edges.find((e) => e.id === id));
  const [source, target] = useDesigner(
    useShallow((s) => {
      const labelOf = (nodeId: string | undefined) =>
        s.nodes.find((n) => n.id === nodeId)?.data.step.label ?? nodeId ?? "";
      return [labelOf(edge?.source), labelOf(edge?.target)];
    }),
  );
  const diagnostics = useEdgeDiagnostics(id);
  if (!edge) return null;
  const kind = edge.type ?? "next";
  return (
    <section aria-label="Edge">
      <div className="space-y-1 border-zinc-100 border-b p-3 dark:border-zinc-800">
        <h2 className="font-semibold text-[13px]">
          {source} → {target}
        </h2>
        <p className="text-xs text-zinc-500">
          {KIND_NAMES[kind]}
          {edge.type === "branch" && ` "${edge.data?.branch}"`}
        </p>
      </div>
      <PanelSection title="Type check">
        {diagnostics.length === 0 ? (
          <p className="flex items-start gap-1.5 text-xs text-zinc-600 dark:text-zinc-400">
            <CircleCheck className="mt-px size-3.5 shrink-0 text-emerald-500" aria-hidden />
            The live check finds no problem with what this edge carries to {target}.
          </p>
        ) : (
          <ul className="space-y-1.5">
            {diagnostics.map((d) => {
              const Icon = d.severity === "error" ? CircleX : TriangleAlert;
              return (
                <li key={`${d.code}|${d.message}`} className="flex items-start gap-1.5 text-xs">
                  <Icon
                    className={`mt-px size-3.5 shrink-0 ${d.severity === "error" ? "text-red-500" : "text-amber-500"}`}
                    aria-label={d.severity}
                  />
                  <span className="text-zinc-700 dark:text-zinc-300">
                    {d.message}
                    {d.fix && <span className="block text-zinc-500">{d.fix}</span>}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </PanelSection>
      <div className="p-3">
        <Button
          variant="danger"
          icon={Trash2}
          onClick={() => store.getState().onEdgesChange([{ type: "remove", id }])}
        >
          Delete edge
        </Button>
      </div>
    </section>
  );
}
