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

export const stepTone = (state: TStepState): TTone => TONES[state];

/** A manual step waits for a person, a wait step for its time; the words say which. */
export const stepStateLabel = (state: TStepState, kind?: TNodeKind): string => {
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
