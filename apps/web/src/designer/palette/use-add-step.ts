import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useCallback } from "react";
import { DEFAULT_NODE_SIZE } from "../canvas/node-size.ts";
import type { TNewStep } from "../store/new-step.ts";
import { useDesignerContext } from "../use-designer-context.ts";

/**
 * The keyboard's drag and drop (a click or Enter on a palette item): the step goes after the
 * selected one, wired to it, or else near the middle of what the canvas shows.
 */
export const useAddStep = (): ((spec: TNewStep) => void) => {
  const { store } = useDesignerContext();
  const flow = useStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(
    (spec) => {
      const { domNode } = flow.getState();
      const canvas = domNode?.getBoundingClientRect();
      const center = canvas
        ? { x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }
        : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
      const at = screenToFlowPosition(center);
      store.getState().addStepAfterSelection(spec, {
        x: at.x - DEFAULT_NODE_SIZE.width / 2,
        y: at.y - DEFAULT_NODE_SIZE.height / 2,
      });
    },
    [store, flow, screenToFlowPosition],
  );
};
