import { useStoreApi } from "@xyflow/react";
import { useCallback } from "react";
import { useLayoutDirection } from "../store/panel-preferences.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { autoLayout, type TLayoutDirection } from "./auto-layout.ts";
import { useReadableFit } from "./use-readable-fit.ts";

/**
 * Lays the graph out with ELK (one undo step) in the chosen direction, or `direction` when
 * given (which becomes the choice), wrapping long chains to the canvas; then fits it into view.
 */
export const useAutoLayout = (): ((direction?: TLayoutDirection) => Promise<void>) => {
  const { store } = useDesignerContext();
  const flow = useStoreApi();
  const fit = useReadableFit();
  return useCallback(
    async (direction) => {
      const preference = useLayoutDirection.getState();
      if (direction) preference.set(direction);
      const { nodes, edges, setPositions } = store.getState();
      const { width, height } = flow.getState();
      const positions = await autoLayout(nodes, edges, {
        direction: direction ?? preference.value,
        canvas: { width, height },
      });
      setPositions(positions);
      // Let React Flow render the new positions before fitting them.
      requestAnimationFrame(() => fit());
    },
    [store, flow, fit],
  );
};
