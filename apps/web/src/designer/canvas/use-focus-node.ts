import { useReactFlow } from "@xyflow/react";
import { useEffect } from "react";
import { useDesignerContext } from "../use-designer-context.ts";

/** Brings the node the problems panel points at into view and selects it. */
export const useFocusNode = (): void => {
  const { store, checks } = useDesignerContext();
  const { getInternalNode, setCenter, getZoom } = useReactFlow();
  useEffect(
    () =>
      checks.subscribe((state, previous) => {
        if (!state.focus || state.focus === previous.focus) return;
        const node = getInternalNode(state.focus.nodeId);
        if (!node) return;
        store.getState().select([node.id]);
        const { x, y } = node.internals.positionAbsolute;
        const width = node.measured.width ?? 0;
        const height = node.measured.height ?? 0;
        void setCenter(x + width / 2, y + height / 2, {
          zoom: Math.max(getZoom(), 1),
          duration: 300,
        });
      }),
    [store, checks, getInternalNode, setCenter, getZoom],
  );
};
