import { createPreference } from "../lib/preference.ts";

/** Whether the app's navigation shows names or icons only; icons in a narrow window. */
export const useSidebar = createPreference(
  "baton.sidebar",
  ["open", "folded"] as const,
  "open",
  "folded",
);
