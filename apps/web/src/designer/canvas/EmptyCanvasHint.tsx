import { Panel } from "@xyflow/react";
import { MousePointerClick } from "lucide-react";
import { useDesigner } from "../use-designer.ts";
import { useDesignerContext } from "../use-designer-context.ts";

const kbd =
  "rounded border border-zinc-300 bg-white px-1 font-mono text-[11px] dark:border-zinc-600 dark:bg-zinc-800";

/** What to do first on a canvas that holds nothing but its start and end. */
export function EmptyCanvasHint() {
  const { readOnly } = useDesignerContext();
  const empty = useDesigner((s) => s.nodes.every((n) => n.type === "start" || n.type === "end"));
  if (readOnly || !empty) return null;
  return (
    <Panel position="top-center">
      <div
        role="note"
        aria-label="How to start"
        className="flex max-w-md items-start gap-3 rounded-lg border border-indigo-200 bg-white/95 px-4 py-3 text-xs text-zinc-600 shadow-sm dark:border-indigo-500/30 dark:bg-zinc-900/95 dark:text-zinc-300"
      >
        <MousePointerClick className="mt-0.5 size-4 shrink-0 text-indigo-500" aria-hidden />
        <div className="space-y-1">
          <p className="font-semibold text-[13px] text-zinc-900 dark:text-zinc-100">
            Add the first step
          </p>
          <p>
            Drag a function from the palette onto the canvas, or select a step here and press{" "}
            <kbd className={kbd}>Enter</kbd> on a palette item: it goes after that step, wired to
            it. Draw an edge by dragging from a step's right-hand dot to another step.
          </p>
        </div>
      </div>
    </Panel>
  );
}
