import { useUpdateNodeInternals } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { useDesignerContext } from "../use-designer-context.ts";

/**
 * Nodes move their handles when they switch between compact and full form; React Flow
 * re-measures on resize, but a switch that keeps the size would leave edges at old handles.
 */
export const useRemeasureOnZoomLevel = (zoomedOut: boolean): void => {
  const { store } = useDesignerContext();
  const updateNodeInternals = useUpdateNodeInternals();
  const previous = useRef(zoomedOut);
  useEffect(() => {
    if (previous.current === zoomedOut) return;
    previous.current = zoomedOut;
    updateNodeInternals(store.getState().nodes.map((n) => n.id));
  }, [zoomedOut, store, updateNodeInternals]);
};
