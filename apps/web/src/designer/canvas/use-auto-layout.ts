import { useReactFlow } from "@xyflow/react";
import { useCallback } from "react";
import { useDesignerContext } from "../use-designer-context.ts";
import { autoLayout } from "./auto-layout.ts";

/** Lays the graph out with ELK (one undo step), then fits it into view. */
export const useAutoLayout = (): (() => Promise<void>) => {
  const { store } = useDesignerContext();
  const { fitView } = useReactFlow();
  return useCallback(async () => {
    const { nodes, edges, setPositions } = store.getState();
    setPositions(await autoLayout(nodes, edges));
    // Let React Flow render the new positions before fitting them.
    requestAnimationFrame(() => void fitView({ padding: 0.15, duration: 300 }));
  }, [store, fitView]);
};
