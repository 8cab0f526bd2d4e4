import { stepOfEvent } from "@baton/model";
import type { TRunDetail, TRunEvent, TStepAttempt, TStepRun } from "./run-types.ts";

const at = (iso: string): number => Date.parse(iso);

type TStepPatch = Partial<Omit<TStepRun, "attempts" | "task">>;

const errorOf = (error: unknown): TStepRun["error"] =>
  error === undefined ? null : (error as TStepRun["error"]);

/** What a step event says of its step now; nothing for other events. */
const stepPatch = (e: TRunEvent, s: TStepRun): TStepPatch | undefined => {
  switch (e.type) {
    case "step.scheduled":
      return { status: "scheduled", scheduledAt: e.createdAt, endedAt: null };
    case "step.skipped":
      return { status: "skipped", endedAt: e.createdAt };
    case "step.started":
      return { status: "running", attempt: e.data.attempt, startedAt: s.startedAt ?? e.createdAt };
    case "step.waiting":
      return { status: "waiting" };
    case "step.succeeded":
      return { status: "succeeded", error: null, endedAt: e.createdAt };
    case "step.failed":
      return { status: "failed", error: errorOf(e.data.error), endedAt: e.createdAt };
    case "step.retrying":
      return { status: "retrying", error: errorOf(e.data.error) };
    case "step.cancelled":
      return { status: "cancelled", endedAt: e.createdAt };
    case "step.superseded":
      return { status: "superseded" };
    default:
      return undefined;
  }
};

const ATTEMPT_ENDS: Record<string, TStepAttempt["status"]> = {
  "step.succeeded": "succeeded",
  "step.failed": "failed",
  "step.retrying": "failed",
};

const TASK_DECISIONS: Record<string, NonNullable<TStepRun["task"]>["status"]> = {
  "task.approved": "approved",
  "task.rejected": "rejected",
  "task.expired": "expired",
};

const placeholderStep = (
  run: TRunDetail,
  event: TRunEvent,
  { nodeId, scope }: { nodeId: string; scope: string },
): TStepRun => ({
  id: event.stepRunId ?? "",
  nodeId,
  // a body step of a map belongs to its item, never to the graph's own nodes
  scope,
  generation: run.generation,
  status: "pending",
  attempt: 0,
  error: null,
  createdAt: event.createdAt,
  scheduledAt: null,
  startedAt: null,
  endedAt: null,
  updatedAt: event.createdAt,
  attempts: [],
  task: null,
});

const withAttempt = (step: TStepRun, event: TRunEvent): TStepAttempt[] => {
  const number = "attempt" in event.data ? event.data.attempt : step.attempt;
  if (event.type === "step.started") {
    const rest = step.attempts.filter((a) => a.attempt !== number);
    const started: TStepAttempt = {
      attempt: number,
      status: "running",
      error: null,
      startedAt: event.createdAt,
      endedAt: null,
    };
    return [...rest, started].sort((a, b) => a.attempt - b.attempt);
  }
  const ended = ATTEMPT_ENDS[event.type];
  if (!ended) return step.attempts;
  return step.attempts.map((a) =>
    a.attempt === number
      ? {
          ...a,
          status: ended,
          endedAt: event.createdAt,
          error: ended === "failed" && "error" in event.data ? errorOf(event.data.error) : a.error,
        }
      : a,
  );
};

const applyStepEvent = (
  run: TRunDetail,
  steps: TStepRun[],
  positions: Map<string, number>,
  event: TRunEvent,
): boolean => {
  const index = positions.get(event.stepRunId ?? "") ?? -1;
  const about = stepOfEvent(event);
  if (index < 0 && !about) return false;
  const step = index >= 0 ? steps[index]! : placeholderStep(run, event, about!);
  // Stored events replay from the start of the run; the snapshot may already be newer.
  if (at(event.createdAt) < at(step.updatedAt)) return false;
  const decision = TASK_DECISIONS[event.type];
  const patch = stepPatch(event, step);
  if (!patch && !decision) return false;
  const next: TStepRun = {
    ...step,
    ...patch,
    attempts: withAttempt(step, event),
    task:
      decision && step.task
        ? { ...step.task, status: decision, decidedAt: event.createdAt }
        : step.task,
    updatedAt: event.createdAt,
  };
  if (index >= 0) steps[index] = next;
  else positions.set(next.id, steps.push(next) - 1);
  return true;
};

/** What a run event says of the run now; nothing for other events. */
const runPatch = (e: TRunEvent, r: TRunDetail): Partial<TRunDetail> | undefined => {
  switch (e.type) {
    case "run.started":
      return { status: "running", startedAt: r.startedAt ?? e.createdAt };
    case "run.succeeded":
      return {
        status: "succeeded",
        output: errorOf(e.data.output),
        error: null,
        endedAt: e.createdAt,
      };
    case "run.failed":
      return { status: "failed", error: errorOf(e.data.error), endedAt: e.createdAt };
    case "run.cancelled":
      return { status: "cancelled", endedAt: e.createdAt };
    // a run pauses while a person decides, and goes on once nobody is asked any more
    case "run.waiting":
      return { status: "waiting" };
    case "run.running":
      return { status: "running" };
    case "run.restarted":
      return {
        status: "running",
        generation: e.data.generation,
        output: null,
        error: null,
        endedAt: null,
      };
    default:
      return undefined;
  }
};

/**
 * The run as the events say it is now: the `runs.get` snapshot with every event newer
 * than the state it already holds applied (status, attempts, timings, errors, outputs the
 * events carry).
 * Applying events in two parts gives the same run as applying them at once, so a page
 * only applies what is new.
 */
export const applyEvents = (snapshot: TRunDetail, events: readonly TRunEvent[]): TRunDetail => {
  let run = snapshot;
  let changed = false;
  const steps = events.length ? [...snapshot.stepRuns] : snapshot.stepRuns;
  const positions = new Map(steps.map((s, i) => [s.id, i]));
  for (const event of events) {
    if (event.runId !== snapshot.id) continue;
    const patch = runPatch(event, run);
    if (patch) {
      if (at(event.createdAt) >= at(run.updatedAt)) {
        run = { ...run, ...patch, updatedAt: event.createdAt };
        changed = true;
      }
      continue;
    }
    if (event.stepRunId && applyStepEvent(run, steps, positions, event)) changed = true;
  }
  // the same object when nothing was news, so nothing downstream re-renders
  return changed ? { ...run, stepRuns: steps } : snapshot;
};

/** The newest moment the snapshot knows about; events after it are news to it. */
export const snapshotWatermark = (run: TRunDetail): number =>
  run.stepRuns.reduce((max, s) => Math.max(max, at(s.updatedAt)), at(run.updatedAt));

// Events whose whole effect the page applies itself. A decision is the busy moment of an
// approval: the run goes on at once, and a snapshot read then would hold up its first events.
const SELF_CONTAINED = new Set(["run.waiting", "run.running", ...Object.keys(TASK_DECISIONS)]);

/**
 * Whether an event changes what only a new snapshot brings: the run's restart and end,
 * and the tasks manual steps open. Everything else the events carry themselves.
 */
export const needsRefetch = (event: TRunEvent): boolean =>
  !SELF_CONTAINED.has(event.type) &&
  (event.type.startsWith("run.") ||
    event.type.startsWith("task.") ||
    event.type === "step.waiting");
