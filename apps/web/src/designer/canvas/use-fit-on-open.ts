import { useEffect } from "react";
import { useDesignerContext } from "../use-designer-context.ts";
import { useReadableFit } from "./use-readable-fit.ts";

/**
 * The canvas opens at a viewport guessed from positions and the window; once the first steps
 * are measured, fit again with their real sizes and the canvas's real size.
 */
export const useFitOnOpen = (): void => {
  const { store } = useDesignerContext();
  const fit = useReadableFit();
  useEffect(() => {
    if (store.getState().nodes.some((n) => n.measured)) return;
    const stop = store.subscribe((state) => {
      if (!state.nodes.some((n) => n.measured)) return;
      stop();
      requestAnimationFrame(() => fit(0));
    });
    return stop;
  }, [store, fit]);
};
