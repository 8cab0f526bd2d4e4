import { useReactFlow } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { useDesigner } from "../use-designer.ts";

/** Entering or leaving a map body shows a different graph: fit it into view once drawn. */
export const useFitOnScopeChange = (): void => {
  const depth = useDesigner((s) => s.frames.length);
  const { fitView } = useReactFlow();
  const previous = useRef(depth);
  useEffect(() => {
    if (previous.current === depth) return;
    previous.current = depth;
    // Two frames: one to mount the new nodes, one for React Flow to measure them.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => void fitView({ padding: 0.2, maxZoom: 1, duration: 200 })),
    );
  }, [depth, fitView]);
};
