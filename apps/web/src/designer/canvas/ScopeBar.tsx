import { Panel } from "@xyflow/react";
import { ArrowLeft, ChevronRight } from "lucide-react";
import { useDesigner } from "../use-designer.ts";
import { useDesignerContext } from "../use-designer-context.ts";

/** Where the canvas is while it shows a map body: the way back out, level by level. */
export function ScopeBar() {
  const { store } = useDesignerContext();
  const name = useDesigner((s) => s.meta.name);
  const frames = useDesigner((s) => s.frames);
  const path = frames.map((frame) => ({
    id: frame.mapId,
    label: frame.nodes.find((n) => n.id === frame.mapId)?.data.step.label ?? frame.mapId,
  }));
  if (path.length === 0) return null;
  const exit = (levels: number) => store.getState().exitMap(levels);
  return (
    <Panel position="top-left">
      <nav
        aria-label="Map body"
        className="flex items-center gap-1 rounded-lg border border-sky-200 bg-white/95 px-2 py-1 text-[12px] shadow-sm dark:border-sky-900 dark:bg-zinc-900/95"
      >
        <button
          type="button"
          onClick={() => exit(1)}
          className="flex items-center gap-1 rounded px-1.5 py-0.5 font-medium text-sky-700 hover:bg-sky-50 dark:text-sky-300 dark:hover:bg-sky-500/10"
        >
          <ArrowLeft className="size-3.5" aria-hidden />
          Back
        </button>
        <span className="mx-1 h-4 w-px bg-zinc-200 dark:bg-zinc-700" aria-hidden />
        <button
          type="button"
          onClick={() => exit(path.length)}
          className="rounded px-1 text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
        >
          {name}
        </button>
        {path.map(({ id, label }, i) => (
          <span key={id} className="flex items-center gap-1">
            <ChevronRight className="size-3 text-zinc-400" aria-hidden />
            {i === path.length - 1 ? (
              <span className="font-semibold text-zinc-900 dark:text-zinc-100" aria-current="page">
                {label} · per item
              </span>
            ) : (
              <button
                type="button"
                onClick={() => exit(path.length - 1 - i)}
                className="rounded px-1 text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
              >
                {label}
              </button>
            )}
          </span>
        ))}
      </nav>
    </Panel>
  );
}
