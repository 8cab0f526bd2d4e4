import { PanelRightClose, PanelRightOpen, X } from "lucide-react";
import { SidePanel } from "../panel/SidePanel.tsx";
import { useSelectedEdgeIds, useSelectedIds } from "../panel/use-selected-ids.ts";
import { useInspectorPanel } from "../store/panel-preferences.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { FoldedPanel } from "./FoldedPanel.tsx";

const ICON_BUTTON =
  "rounded-md p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

/**
 * The side panel of the selection in a frame that closes it (Escape too: it clears the
 * selection) or folds it to a strip, to see the canvas while the selection stays.
 */
export function Inspector() {
  const { store, readOnly } = useDesignerContext();
  const nodes = useSelectedIds();
  const edges = useSelectedEdgeIds();
  const folded = useInspectorPanel((s) => s.value === "folded");
  const setPanel = useInspectorPanel((s) => s.set);
  // what SidePanel shows: steps, or else one edge
  if (nodes.length === 0 && edges.length !== 1) return null;
  if (folded) {
    return (
      <FoldedPanel
        label="Inspector"
        action="Show the inspector"
        icon={PanelRightOpen}
        side="right"
        onOpen={() => setPanel("open")}
      />
    );
  }
  return (
    <div className="baton-inspector flex min-h-0 shrink-0 flex-col border-zinc-200 border-l bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex h-8 shrink-0 items-center gap-1 border-zinc-100 border-b pr-1.5 pl-3 dark:border-zinc-800">
        <span className="flex-1 font-semibold text-[10px] text-zinc-500 uppercase tracking-wider dark:text-zinc-400">
          Inspector
        </span>
        <button
          type="button"
          onClick={() => setPanel("folded")}
          aria-label="Fold the inspector"
          title="Fold the inspector"
          className={ICON_BUTTON}
        >
          <PanelRightClose className="size-3.5" aria-hidden />
        </button>
        <button
          type="button"
          onClick={() => store.getState().select([])}
          aria-label="Close the inspector"
          title="Close the inspector (Esc)"
          className={ICON_BUTTON}
        >
          <X className="size-3.5" aria-hidden />
        </button>
      </div>
      {readOnly ? (
        // the panel shows every setting; a disabled fieldset keeps each one from changing
        <fieldset disabled className="contents">
          <SidePanel />
        </fieldset>
      ) : (
        <SidePanel />
      )}
    </div>
  );
}
