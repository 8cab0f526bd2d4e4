import { useEffect } from "react";
import type { TDesignerStore } from "../store/designer-store.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { useAutoLayout } from "./use-auto-layout.ts";
import { useReadableFit } from "./use-readable-fit.ts";

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * Escape leaves a field (which keeps what was typed), then closes the inspector by clearing
 * the selection; a dialog, popover or open list it closes is left to do so alone.
 */
const dismiss = (event: KeyboardEvent, store: TDesignerStore): void => {
  const target = event.target instanceof HTMLElement ? event.target : undefined;
  if (event.defaultPrevented || target?.closest("dialog, [role=dialog]")) return;
  if (target?.getAttribute("aria-expanded") === "true") return;
  if (target && isTyping(target)) {
    target.blur();
    return;
  }
  const { nodes, edges, select } = store.getState();
  if (nodes.some((n) => n.selected) || edges.some((e) => e.selected)) select([]);
};

/**
 * The editor's keys (React Flow itself handles Delete/Backspace and Shift-drag selection,
 * except for edges while zoomed out, which it does not hold then).
 * Ignored while typing in a field, where the browser's own undo and copy apply.
 */
export const useCanvasShortcuts = (zoomedOut: boolean): void => {
  const { store, readOnly } = useDesignerContext();
  const fit = useReadableFit();
  const layout = useAutoLayout();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        dismiss(event, store);
        return;
      }
      // a read-only designer keeps React Flow's own keys (arrows, zoom) and none of the edits
      if (readOnly || isTyping(event.target)) return;
      const mod = event.metaKey || event.ctrlKey;
      const key = event.key.toLowerCase();
      const state = store.getState();
      const run = (action: () => void) => {
        event.preventDefault();
        action();
      };
      if (mod && key === "z" && !event.shiftKey) return run(state.undo);
      if (mod && ((key === "z" && event.shiftKey) || key === "y")) return run(state.redo);
      if (mod && key === "c") return run(() => state.copySelection());
      if (mod && key === "v") return run(state.paste);
      if (mod && key === "d") {
        return run(() => {
          if (state.copySelection() > 0) state.paste();
        });
      }
      if (mod && key === "a") return run(state.selectAll);
      if (
        zoomedOut &&
        (key === "delete" || key === "backspace") &&
        state.edges.some((e) => e.selected)
      ) {
        return run(state.deleteSelection);
      }
      if (!mod && event.shiftKey && key === "l") return run(() => void layout());
      if (!mod && event.shiftKey && event.code === "Digit1") {
        return run(() => fit());
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store, readOnly, fit, layout, zoomedOut]);
};
