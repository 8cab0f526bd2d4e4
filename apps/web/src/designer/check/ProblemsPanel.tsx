import { listNodes, type TDiagnostic } from "@baton/model";
import { CircleX, TriangleAlert, X } from "lucide-react";
import { useMemo } from "react";
import { composeScenario } from "../store/compose-scenario.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { QuickFixes } from "./QuickFixes.tsx";
import { useChecks } from "./use-checks.ts";

const sortKey = (d: TDiagnostic) => (d.severity === "error" ? 0 : 1);
const keyOf = (d: TDiagnostic) => `${d.code}|${d.nodeId ?? ""}|${d.edgeId ?? ""}|${d.message}`;

function ProblemRow({
  diagnostic: d,
  labelOf,
  onFocus,
}: {
  diagnostic: TDiagnostic;
  labelOf: ReadonlyMap<string, string>;
  onFocus: (nodeId: string) => void;
}) {
  const nodeId = d.nodeId;
  const Icon = d.severity === "error" ? CircleX : TriangleAlert;
  return (
    <li className="py-1.5">
      <button
        type="button"
        disabled={nodeId === undefined || !labelOf.has(nodeId)}
        onClick={() => nodeId && onFocus(nodeId)}
        className="flex w-full items-start gap-2 px-3 text-left text-xs hover:bg-zinc-50 disabled:cursor-default dark:hover:bg-zinc-800/50"
      >
        <Icon
          className={`mt-px size-3.5 shrink-0 ${d.severity === "error" ? "text-red-500" : "text-amber-500"}`}
          aria-label={d.severity}
        />
        {/* a table when the panel is wide, the step above its message when it is narrow */}
        <span className="min-w-0 flex-1 @xl:flex @xl:gap-2">
          <span className="block truncate font-medium text-zinc-700 @xl:w-32 @xl:shrink-0 dark:text-zinc-300">
            {nodeId ? (labelOf.get(nodeId) ?? nodeId) : d.edgeId ? `edge ${d.edgeId}` : "Scenario"}
          </span>
          <span className="block min-w-0 flex-1 text-zinc-600 dark:text-zinc-400">
            {d.message}
            {d.fix && <span className="block text-zinc-400 dark:text-zinc-500">{d.fix}</span>}
          </span>
        </span>
      </button>
      {/* under the message: past the icon, and past the step column when there is one */}
      <div className="pr-3 pl-[2.125rem] @xl:pl-[10.625rem]">
        <QuickFixes fixes={d.fixes} />
      </div>
    </li>
  );
}

/**
 * Every diagnostic of the live check, then what the server's check found beyond it when it
 * last refused to publish this draft, unedited since (its catalog may differ); a click
 * brings the node into view, and each problem offers its quick fixes.
 */
export function ProblemsPanel({ onClose }: { onClose: () => void }) {
  const { checks, store } = useDesignerContext();
  const all = useChecks((s) => s.index.all);
  const refused = useChecks((s) => s.refused);
  const focus = (nodeId: string) => checks.getState().focusNode(nodeId);
  // Rendered when the diagnostics change, which every edit brings, so labels read now are
  // current; map bodies included, since a click there opens the body.
  const labelOf = new Map(
    listNodes(composeScenario(store.getState())).map(({ node }) => [node.id, node.label]),
  );
  const sorted = useMemo(() => [...all].sort((a, b) => sortKey(a) - sortKey(b)), [all]);
  const serverOnly = useMemo(() => {
    const live = new Set(all.map(keyOf));
    return refused.filter((d) => !live.has(keyOf(d)));
  }, [all, refused]);
  return (
    <section
      aria-label="Problems"
      className="@container flex h-56 shrink-0 flex-col border-zinc-200 border-t bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex h-8 shrink-0 items-center gap-2 border-zinc-100 border-b px-3 dark:border-zinc-800">
        <h2 className="font-semibold text-xs">Problems</h2>
        <span className="text-xs text-zinc-500 tabular-nums">{all.length + serverOnly.length}</span>
        <div className="flex-1" />
        <button
          type="button"
          onClick={onClose}
          aria-label="Close problems"
          className="rounded p-0.5 text-zinc-400 hover:text-zinc-700 dark:hover:text-zinc-200"
        >
          <X className="size-3.5" />
        </button>
      </header>
      {sorted.length === 0 && serverOnly.length === 0 ? (
        <p className="px-3 py-3 text-xs text-zinc-500">
          No problems: every step's input can be built from what comes before it.
        </p>
      ) : (
        <ul className="flex-1 divide-y divide-zinc-100 overflow-y-auto dark:divide-zinc-800">
          {sorted.map((d) => (
            <ProblemRow key={keyOf(d)} diagnostic={d} labelOf={labelOf} onFocus={focus} />
          ))}
          {serverOnly.length > 0 && (
            <li className="bg-zinc-50 px-3 py-1 font-medium text-[11px] text-zinc-500 dark:bg-zinc-800/40">
              Found by the server when it refused to publish
            </li>
          )}
          {serverOnly.map((d) => (
            <ProblemRow
              key={`server|${keyOf(d)}`}
              diagnostic={d}
              labelOf={labelOf}
              onFocus={focus}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
