import type { TStep } from "../canvas/canvas-types.ts";
import { useDesigner } from "../use-designer.ts";

/** One step's content (not its position), or undefined once it is gone. */
export const useStep = (id: string): TStep | undefined =>
  useDesigner((s) => s.nodes.find((n) => n.id === id)?.data.step);
