import { useReactFlow } from "@xyflow/react";
import { type DragEvent, useCallback } from "react";
import { readStepDrag, STEP_MIME } from "../palette/drag-data.ts";
import { freeSpot } from "../store/free-spot.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { boxOf, DEFAULT_NODE_SIZE } from "./node-size.ts";

// Put the node's header, not its corner, under the pointer.
const GRAB = { x: 110, y: 18 };

/** Lets palette items be dropped onto the canvas, where they become steps. */
export const usePaletteDrop = () => {
  const { store } = useDesignerContext();
  const { screenToFlowPosition } = useReactFlow();
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(STEP_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const spec = readStepDrag(event.dataTransfer.getData(STEP_MIME));
      if (!spec) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const { nodes, addStep } = store.getState();
      // dropped onto another step, it lands just below it instead of hiding it
      const spot = freeSpot(
        { x: at.x - GRAB.x, y: at.y - GRAB.y },
        DEFAULT_NODE_SIZE,
        nodes.map(boxOf),
      );
      addStep(spec, spot);
    },
    [store, screenToFlowPosition],
  );
  return { onDragOver, onDrop };
};
