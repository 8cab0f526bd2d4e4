import { stepOfEvent, type TNodeKind, type TRunEventType } from "@baton/model";
import { readStepError } from "../lib/step-error.ts";
import type { TRunEvent } from "./run-types.ts";

/** A step of the run's scenario as events name it. */
export type TStepName = { label: string; kind: TNodeKind };
export type TNameStep = (nodeId: string) => TStepName | undefined;

/** A map item's scope in words: "2" → "item 2", "1/0" → "item 1 › item 0". */
export const itemPhrase = (scope: string): string =>
  scope
    .split("/")
    .map((index) => `item ${index}`)
    .join(" › ");

// every event of the union has its words: a new event without them fails the typecheck
const TITLES: Record<TRunEventType, string> = {
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
  if (event.type === "step.waiting" && kind) return WAITING[kind] ?? TITLES[event.type];
  return TITLES[event.type];
};

/** Whether the event reads as work going on rather than a wait (a map's or subscenario's). */
export const isBusyWait = (event: TRunEvent, kind?: TNodeKind): boolean =>
  event.type === "step.waiting" && (kind === "map" || kind === "subscenario");

/**
 * One line about an event, beside its title: the step by its label (when `nameStep` is given)
 * and map item, the attempt, the error, the restart.
 */
export const eventSummary = (event: TRunEvent, nameStep?: TNameStep): string => {
  const parts: string[] = [];
  const step = stepOfEvent(event);
  if (step && nameStep) parts.push(nameStep(step.nodeId)?.label ?? step.nodeId);
  if (step?.scope) parts.push(itemPhrase(step.scope));
  if ("attempt" in event.data && event.data.attempt > 1)
    parts.push(`attempt ${event.data.attempt}`);
  if (event.type === "step.waiting" && event.data.items !== undefined) {
    parts.push(`${event.data.items} item${event.data.items === 1 ? "" : "s"}`);
  }
  if (event.type === "step.started" && event.data.reclaimed) {
    parts.push("taken over from a stopped worker");
  }
  if (event.type === "run.started") parts.push(`from ${event.data.trigger}`);
  if (event.type === "run.restarted") {
    const from = event.data.fromNodeIds
      ? event.data.fromNodeIds.map((id) => nameStep?.(id)?.label ?? id).join(", ")
      : "start";
    parts.push(`from ${from}`);
    if (event.data.editedInput) parts.push("with an edited input");
  }
  const error = readStepError("error" in event.data ? event.data.error : undefined);
  if (error) parts.push(error.code ? `${error.code}: ${error.message}` : error.message);
  return parts.join(" · ");
};
