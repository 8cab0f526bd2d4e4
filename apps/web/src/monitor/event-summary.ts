import type { TNodeKind } from "@baton/model";
import type { TRunEvent } from "./run-types.ts";
import { readStepError } from "./step-error.ts";

/** A step of the run's scenario as events name it. */
export type TStepName = { label: string; kind: TNodeKind };
export type TNameStep = (nodeId: string) => TStepName | undefined;

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};

/** A map item's scope in words: "2" → "item 2", "1/0" → "item 1 › item 0". */
export const itemPhrase = (scope: string): string =>
  scope
    .split("/")
    .map((index) => `item ${index}`)
    .join(" › ");

const TITLES: Record<string, string> = {
  "run.started": "run started",
  "run.succeeded": "run succeeded",
  "run.failed": "run failed",
  "run.cancelled": "run cancelled",
  "run.restarted": "run restarted",
  "run.waiting": "run waits for a person",
  "run.running": "run goes on",
  "step.scheduled": "queued",
  "step.started": "started",
  "step.succeeded": "succeeded",
  "step.failed": "failed",
  "step.retrying": "failed, will retry",
  "step.waiting": "waiting",
  "step.cancelled": "cancelled",
  "step.superseded": "replaced by rework",
  "step.skipped": "skipped",
  "task.opened": "task opened",
  "task.approved": "approved",
  "task.rejected": "rejected",
  "task.expired": "expired",
};

// a map waits for its items and a subscenario for its run: both are at work, not idle
const WAITING: Partial<Record<TNodeKind, string>> = {
  manual: "waiting for a person",
  wait: "waiting for its time",
  map: "running its items",
  subscenario: "running its scenario",
};

/** What an event says happened, in words: "succeeded", "running its items", "run started". */
export const eventTitle = (event: TRunEvent, kind?: TNodeKind): string => {
  if (event.type === "step.waiting" && kind) return WAITING[kind] ?? TITLES[event.type]!;
  return TITLES[event.type] ?? event.type;
};

/** Whether the event reads as work going on rather than a wait (a map's or subscenario's). */
export const isBusyWait = (event: TRunEvent, kind?: TNodeKind): boolean =>
  event.type === "step.waiting" && (kind === "map" || kind === "subscenario");

/**
 * One line about an event, beside its title: the step by its label (when `nameStep` is given)
 * and map item, the attempt, the error, the restart.
 */
export const eventSummary = (event: TRunEvent, nameStep?: TNameStep): string => {
  const data = record(event.data);
  const parts: string[] = [];
  const nodeId = typeof data.nodeId === "string" ? data.nodeId : undefined;
  if (nodeId && nameStep) parts.push(nameStep(nodeId)?.label ?? nodeId);
  if (typeof data.scope === "string" && data.scope) parts.push(itemPhrase(data.scope));
  if (typeof data.attempt === "number" && data.attempt > 1) parts.push(`attempt ${data.attempt}`);
  if (typeof data.items === "number") {
    parts.push(`${data.items} item${data.items === 1 ? "" : "s"}`);
  }
  if (data.reclaimed === true) parts.push("taken over from a stopped worker");
  if (event.type === "run.started" && typeof data.trigger === "string") {
    parts.push(`from ${data.trigger}`);
  }
  if (event.type === "run.restarted") {
    const from = Array.isArray(data.fromNodeIds)
      ? data.fromNodeIds.map((id) => nameStep?.(String(id))?.label ?? String(id)).join(", ")
      : "start";
    parts.push(`from ${from}`);
    if (data.editedInput === true) parts.push("with an edited input");
  }
  const error = readStepError(data.error);
  if (error) parts.push(error.code ? `${error.code}: ${error.message}` : error.message);
  return parts.join(" · ");
};
