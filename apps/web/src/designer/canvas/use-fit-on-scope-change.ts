import { useEffect, useRef } from "react";
import { useDesigner } from "../use-designer.ts";
import { useReadableFit } from "./use-readable-fit.ts";

/** Entering or leaving a map body shows a different graph: fit it into view once drawn. */
export const useFitOnScopeChange = (): void => {
  const depth = useDesigner((s) => s.frames.length);
  const fit = useReadableFit();
  const previous = useRef(depth);
  useEffect(() => {
    if (previous.current === depth) return;
    previous.current = depth;
    // Two frames: one to mount the new nodes, one for React Flow to measure them.
    requestAnimationFrame(() => requestAnimationFrame(() => fit(200)));
  }, [depth, fit]);
};
