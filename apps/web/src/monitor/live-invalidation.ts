/**
 * The queries a feed event makes stale, by the part of the app that shows them; "overview"
 * is every count of runs and tasks (navigation badges, the dashboard's counts per status).
 */
export type TLiveTarget = "runs" | "overview" | "tasks";

/**
 * Which lists an event from the all-runs feed changes: run events move the dashboard and
 * the counts, step events the dashboard's progress, task events the inbox and its badge.
 */
export const staleTargets = (eventType: string): TLiveTarget[] => {
  if (eventType.startsWith("run.")) return ["runs", "overview"];
  if (eventType.startsWith("task.")) return ["tasks", "overview", "runs"];
  if (eventType.startsWith("step.")) return ["runs"];
  return [];
};
