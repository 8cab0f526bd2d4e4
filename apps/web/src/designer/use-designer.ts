import { useStore } from "zustand";
import type { TDesignerState } from "./store/designer-store.ts";
import { useDesignerContext } from "./use-designer-context.ts";

/** A slice of the graph store; components re-render only when their slice changes. */
export const useDesigner = <T>(selector: (state: TDesignerState) => T): T =>
  useStore(useDesignerContext().store, selector);
