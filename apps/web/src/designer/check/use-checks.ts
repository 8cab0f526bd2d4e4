import { useStore } from "zustand";
import { useDesignerContext } from "../use-designer-context.ts";
import type { TCheckState } from "./check-store.ts";

export const useChecks = <T>(selector: (state: TCheckState) => T): T =>
  useStore(useDesignerContext().checks, selector);
