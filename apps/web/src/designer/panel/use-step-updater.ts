import type { TNodeKind } from "@baton/model";
import { useCallback } from "react";
import type { TStep } from "../canvas/canvas-types.ts";
import { useDesignerContext } from "../use-designer-context.ts";

/**
 * Edits one step of a known kind. `key` names the field being typed into, so a burst of
 * keystrokes becomes one undo step.
 */
export const useStepUpdater = <K extends TNodeKind>(id: string) => {
  const { store } = useDesignerContext();
  return useCallback(
    (recipe: (step: TStep<K>) => TStep<K>, key?: string) =>
      store.getState().updateStep(id, (step) => recipe(step as TStep<K>) as TStep, key),
    [store, id],
  );
};
