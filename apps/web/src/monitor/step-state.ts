import type { TNodeKind } from "@baton/model";

/** What a node of the run graph shows: the status of its latest step run, or pending without one. */
export type TStepState =
  | "pending"
  | "scheduled"
  | "running"
  | "retrying"
  | "waiting"
  | "succeeded"
  | "failed"
  | "cancelled"
  | "skipped"
  | "superseded";

export type TTone = "neutral" | "info" | "warn" | "good" | "bad" | "muted";

const TONES: Record<TStepState, TTone> = {
  pending: "neutral",
  scheduled: "neutral",
  running: "info",
  retrying: "warn",
  waiting: "warn",
  succeeded: "good",
  failed: "bad",
  cancelled: "muted",
  skipped: "muted",
  superseded: "muted",
};

/**
 * A map "waits" while its items run, a subscenario while its run does: the engine parks them,
 * but for a person they are running.
 */
const isBusy = (state: TStepState, kind: TNodeKind | undefined): boolean =>
  state === "waiting" && (kind === "map" || kind === "subscenario");

export const stepTone = (state: TStepState, kind?: TNodeKind): TTone =>
  isBusy(state, kind) ? "info" : TONES[state];

/** Whether a step shows as at work: its state pulses. */
export const isRunningState = (state: TStepState, kind?: TNodeKind): boolean =>
  state === "running" || state === "retrying" || isBusy(state, kind);

/**
 * A manual step waits for a person, a wait step for its time; a map or subscenario that the
 * engine parks is running. The words say which.
 */
export const stepStateLabel = (state: TStepState, kind?: TNodeKind): string => {
  if (isBusy(state, kind)) return "running";
  if (state === "waiting") {
    if (kind === "manual") return "waiting for a person";
    if (kind === "wait") return "waiting for its time";
  }
  if (state === "scheduled") return "queued";
  return state;
};

/** Still able to change without anyone acting. */
export const isActiveState = (state: TStepState): boolean =>
  state === "scheduled" || state === "running" || state === "retrying" || state === "waiting";

export const STEP_STATES: readonly TStepState[] = Object.keys(TONES) as TStepState[];
