import { useReactFlow, useStoreApi } from "@xyflow/react";
import { useCallback } from "react";
import { readableFit } from "../../lib/readable-fit.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { boxOf } from "./node-size.ts";

/**
 * Fits the graph into view, never below a readable zoom: a graph too large for that shows
 * its start, and the rest is a pan away (the toolbar's Fit view, Shift+1, after a layout).
 */
export const useReadableFit = (): ((duration?: number) => void) => {
  const { store } = useDesignerContext();
  const flow = useStoreApi();
  const { setViewport } = useReactFlow();
  return useCallback(
    (duration = 300) => {
      const { nodes } = store.getState();
      const { width, height } = flow.getState();
      const start = nodes.find((n) => n.type === "start");
      const view = readableFit(
        nodes.map(boxOf),
        { width, height },
        { focus: start && boxOf(start) },
      );
      void setViewport(view, { duration });
    },
    [store, flow, setViewport],
  );
};
