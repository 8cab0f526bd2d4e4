import type { TRunDetail, TRunEvent, TStepAttempt, TStepRun } from "./run-types.ts";

type TEventData = {
  nodeId?: unknown;
  attempt?: unknown;
  error?: unknown;
  output?: unknown;
  generation?: unknown;
  scope?: unknown;
};

const dataOf = (event: TRunEvent): TEventData =>
  typeof event.data === "object" && event.data !== null ? (event.data as TEventData) : {};

const at = (iso: string): number => Date.parse(iso);

type TStepPatch = Partial<Omit<TStepRun, "attempts" | "task">>;

const STEP_PATCHES: Record<string, (event: TRunEvent, step: TStepRun) => TStepPatch> = {
  "step.scheduled": (e) => ({ status: "scheduled", scheduledAt: e.createdAt, endedAt: null }),
  "step.skipped": (e) => ({ status: "skipped", endedAt: e.createdAt }),
  "step.started": (e, s) => ({
    status: "running",
    attempt: numberOr(dataOf(e).attempt, s.attempt),
    startedAt: s.startedAt ?? e.createdAt,
  }),
  "step.waiting": () => ({ status: "waiting" }),
  "step.succeeded": (e) => ({ status: "succeeded", error: null, endedAt: e.createdAt }),
  "step.failed": (e) => ({
    status: "failed",
    error: jsonOf(dataOf(e).error),
    endedAt: e.createdAt,
  }),
  "step.retrying": (e) => ({ status: "retrying", error: jsonOf(dataOf(e).error) }),
  "step.cancelled": (e) => ({ status: "cancelled", endedAt: e.createdAt }),
  "step.superseded": () => ({ status: "superseded" }),
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

function numberOr(value: unknown, fallback: number): number {
  return typeof value === "number" ? value : fallback;
}

function jsonOf(value: unknown): TStepRun["error"] {
  return value === undefined ? null : (value as TStepRun["error"]);
}

const placeholderStep = (run: TRunDetail, event: TRunEvent, nodeId: string): TStepRun => ({
  id: event.stepRunId ?? "",
  nodeId,
  // a body step of a map belongs to its item, never to the graph's own nodes
  scope: typeof dataOf(event).scope === "string" ? (dataOf(event).scope as string) : "",
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
  const number = numberOr(dataOf(event).attempt, step.attempt);
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
          error: ended === "failed" ? jsonOf(dataOf(event).error) : a.error,
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
  const nodeId = dataOf(event).nodeId;
  if (index < 0 && typeof nodeId !== "string") return false;
  const step = index >= 0 ? steps[index]! : placeholderStep(run, event, nodeId as string);
  // Stored events replay from the start of the run; the snapshot may already be newer.
  if (at(event.createdAt) < at(step.updatedAt)) return false;
  const decision = TASK_DECISIONS[event.type];
  const patch = STEP_PATCHES[event.type];
  if (!patch && !decision) return false;
  const next: TStepRun = {
    ...step,
    ...(patch ? patch(event, step) : {}),
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

const RUN_PATCHES: Record<string, (event: TRunEvent, run: TRunDetail) => Partial<TRunDetail>> = {
  "run.started": (e, r) => ({ status: "running", startedAt: r.startedAt ?? e.createdAt }),
  "run.succeeded": (e) => ({
    status: "succeeded",
    output: jsonOf(dataOf(e).output),
    error: null,
    endedAt: e.createdAt,
  }),
  "run.failed": (e) => ({ status: "failed", error: jsonOf(dataOf(e).error), endedAt: e.createdAt }),
  "run.cancelled": (e) => ({ status: "cancelled", endedAt: e.createdAt }),
  // a run pauses while a person decides, and goes on once nobody is asked any more
  "run.waiting": () => ({ status: "waiting" }),
  "run.running": () => ({ status: "running" }),
  "run.restarted": (e, r) => ({
    status: "running",
    generation: numberOr(dataOf(e).generation, r.generation + 1),
    output: null,
    error: null,
    endedAt: null,
  }),
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
    const runPatch = RUN_PATCHES[event.type];
    if (runPatch) {
      if (at(event.createdAt) >= at(run.updatedAt)) {
        run = { ...run, ...runPatch(event, run), updatedAt: event.createdAt };
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
