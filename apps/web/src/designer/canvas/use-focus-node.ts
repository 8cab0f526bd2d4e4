import { useReactFlow } from "@xyflow/react";
import { useEffect } from "react";
import { useDesignerContext } from "../use-designer-context.ts";

// Frames to wait for a node that just appeared (in a map body) to be measured.
const MEASURE_FRAMES = 30;

/**
 * Brings the node the problems panel points at into view and selects it, showing the map
 * body it is in first when it is in one.
 */
export const useFocusNode = (): void => {
  const { store, checks } = useDesignerContext();
  const { getInternalNode, setCenter, getZoom } = useReactFlow();
  useEffect(
    () =>
      checks.subscribe((state, previous) => {
        if (!state.focus || state.focus === previous.focus) return;
        const { nodeId } = state.focus;
        if (!store.getState().showNode(nodeId)) return;
        store.getState().select([nodeId]);
        const center = (framesLeft: number) => {
          const node = getInternalNode(nodeId);
          if (!node?.measured.width) {
            if (framesLeft > 0) requestAnimationFrame(() => center(framesLeft - 1));
            return;
          }
          const { x, y } = node.internals.positionAbsolute;
          const width = node.measured.width ?? 0;
          const height = node.measured.height ?? 0;
          void setCenter(x + width / 2, y + height / 2, {
            zoom: Math.max(getZoom(), 1),
            duration: 300,
          });
        };
        center(MEASURE_FRAMES);
      }),
    [store, checks, getInternalNode, setCenter, getZoom],
  );
};
