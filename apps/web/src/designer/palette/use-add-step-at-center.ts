import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import type { TNewStep } from "../store/new-step.ts";
import { useDesignerContext } from "../use-designer-context.ts";

/** Adds a step in the middle of what the canvas shows: the keyboard's way to drag and drop. */
export const useAddStepAtCenter = (): ((spec: TNewStep) => void) => {
  const { store } = useDesignerContext();
  const { screenToFlowPosition } = useReactFlow();
  return useCallback(
    (spec) => {
      const canvas = document.querySelector(".react-flow")?.getBoundingClientRect();
      const center = canvas
        ? { x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 }
        : { x: window.innerWidth / 2, y: window.innerHeight / 2 };
      const at = screenToFlowPosition(center);
      store.getState().addStep(spec, { x: at.x - 120, y: at.y - 40 });
    },
    [store, screenToFlowPosition],
  );
};
