import { formatDateTime, timeAgo } from "../lib/format.ts";
import { dueState } from "./due.ts";

/** A task's due time, relative, red once passed and amber within the hour. */
export function DueLabel({ dueAt, now }: { dueAt: string | null; now: number }) {
  const state = dueState(dueAt, now);
  if (!dueAt || !state) return <span className="text-zinc-400">No due time</span>;
  const tone = state.overdue
    ? "text-red-600 dark:text-red-400 font-medium"
    : state.soon
      ? "text-amber-600 dark:text-amber-400"
      : "text-zinc-600 dark:text-zinc-300";
  return (
    <time dateTime={dueAt} title={formatDateTime(dueAt)} className={tone}>
      {state.overdue ? `overdue, ${timeAgo(dueAt, now)}` : timeAgo(dueAt, now)}
    </time>
  );
}
