import { createPreference } from "../../lib/preference.ts";
import type { TLayoutDirection } from "../canvas/auto-layout.ts";

/** Whether the palette shows its steps or folds to a strip, for room to draw. */
export const usePalettePanel = createPreference(
  "baton.designer.palette",
  ["open", "folded"] as const,
  "open",
);

/** Whether the inspector of the selection shows, or folds to a strip while it stays selected. */
export const useInspectorPanel = createPreference(
  "baton.designer.inspector",
  ["open", "folded"] as const,
  "open",
);

/** Which way auto-layout lays the graph out. */
export const useLayoutDirection = createPreference<TLayoutDirection>(
  "baton.designer.layout",
  ["RIGHT", "DOWN"],
  "RIGHT",
);
