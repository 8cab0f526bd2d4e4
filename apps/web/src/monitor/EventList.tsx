import { eventSummary } from "./event-summary.ts";
import type { TRunEvent } from "./run-types.ts";

const TYPE_TONES: Record<string, string> = {
  succeeded: "text-emerald-600 dark:text-emerald-400",
  approved: "text-emerald-600 dark:text-emerald-400",
  failed: "text-red-600 dark:text-red-400",
  rejected: "text-red-600 dark:text-red-400",
  retrying: "text-amber-600 dark:text-amber-400",
  waiting: "text-amber-600 dark:text-amber-400",
  opened: "text-amber-600 dark:text-amber-400",
  started: "text-sky-600 dark:text-sky-400",
  restarted: "text-indigo-600 dark:text-indigo-400",
};

const clock = (iso: string) => {
  const d = new Date(iso);
  return `${d.toLocaleTimeString(undefined, { hour12: false })}.${String(d.getMilliseconds()).padStart(3, "0")}`;
};

/** Events newest first, each with its exact time. */
export function EventList({
  events,
  label,
  limit = 200,
}: {
  events: readonly TRunEvent[];
  label: string;
  limit?: number;
}) {
  if (events.length === 0) return <p className="text-xs text-zinc-400 italic">No events yet</p>;
  const shown = events.slice(-limit).reverse();
  return (
    <ol aria-label={label} className="space-y-0.5 font-mono text-[11px] leading-5">
      {shown.map((e) => {
        const verb = e.type.split(".")[1] ?? "";
        return (
          <li key={e.id} className="flex gap-2">
            <time dateTime={e.createdAt} className="shrink-0 text-zinc-400 tabular-nums">
              {clock(e.createdAt)}
            </time>
            <span className={`shrink-0 ${TYPE_TONES[verb] ?? "text-zinc-600 dark:text-zinc-300"}`}>
              {e.type}
            </span>
            <span className="min-w-0 truncate text-zinc-500" title={eventSummary(e)}>
              {eventSummary(e)}
            </span>
          </li>
        );
      })}
      {events.length > limit && (
        <li className="text-zinc-400">… {events.length - limit} earlier events</li>
      )}
    </ol>
  );
}
