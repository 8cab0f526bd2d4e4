import { memo } from "react";
import { eventSummary, eventTitle, isBusyWait, type TNameStep } from "./event-summary.ts";
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

// one formatter for every row: creating one per call is what makes dates slow
const TIME = new Intl.DateTimeFormat(undefined, {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

const clock = (iso: string) => {
  const d = new Date(iso);
  return `${TIME.format(d)}.${String(d.getMilliseconds()).padStart(3, "0")}`;
};

const nodeIdOf = (event: TRunEvent): string | undefined => {
  const nodeId = (event.data as { nodeId?: unknown } | null)?.nodeId;
  return typeof nodeId === "string" ? nodeId : undefined;
};

/**
 * One event: exact time, what happened and what it adds (the step by its label when
 * `nameStep` is given). Rows never change, so each renders once.
 */
export const EventRow = memo(function EventRow({
  event,
  nameStep,
  kindOf,
}: {
  event: TRunEvent;
  nameStep: TNameStep | undefined;
  kindOf: TNameStep;
}) {
  const nodeId = nodeIdOf(event);
  const kind = nodeId ? kindOf(nodeId)?.kind : undefined;
  const verb = isBusyWait(event, kind) ? "started" : (event.type.split(".")[1] ?? "");
  const summary = eventSummary(event, nameStep);
  return (
    <li className="flex gap-2">
      <time dateTime={event.createdAt} className="shrink-0 text-zinc-400 tabular-nums">
        {clock(event.createdAt)}
      </time>
      <span
        className={`shrink-0 ${TYPE_TONES[verb] ?? "text-zinc-600 dark:text-zinc-300"}`}
        title={event.type}
      >
        {eventTitle(event, kind)}
      </span>
      <span className="min-w-0 truncate text-zinc-500" title={summary}>
        {summary}
      </span>
    </li>
  );
});
