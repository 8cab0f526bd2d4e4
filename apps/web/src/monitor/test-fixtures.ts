import { type TRunEventType, ZRunEventData } from "@baton/model";
import type { TRunDetail, TRunEvent, TStepAttempt, TStepRun } from "./run-types.ts";

const RUN_ID = "00000000-0000-4000-8000-000000000001";
export const T0 = Date.parse("2026-11-21T10:00:00.000Z");
/** An ISO time `s` seconds after T0. */
export const t = (s: number): string => new Date(T0 + s * 1000).toISOString();

export const stepRun = (nodeId: string, overrides: Partial<TStepRun> = {}): TStepRun => ({
  id: `step-${nodeId}-${overrides.generation ?? 0}`,
  nodeId,
  scope: "",
  generation: 0,
  status: "succeeded",
  attempt: 1,
  error: null,
  createdAt: t(0),
  scheduledAt: t(0),
  startedAt: t(1),
  endedAt: t(2),
  updatedAt: t(2),
  attempts: [],
  task: null,
  ...overrides,
});

export const attempt = (n: number, overrides: Partial<TStepAttempt> = {}): TStepAttempt => ({
  attempt: n,
  status: "succeeded",
  error: null,
  startedAt: t(1),
  endedAt: t(2),
  ...overrides,
});

export const runDetail = (stepRuns: TStepRun[], overrides: Partial<TRunDetail> = {}): TRunDetail =>
  ({
    id: RUN_ID,
    status: "running",
    input: {},
    output: null,
    error: null,
    trigger: "ui",
    generation: 0,
    stepsTotal: 4,
    createdAt: t(0),
    startedAt: t(0),
    endedAt: null,
    updatedAt: t(0),
    startedBy: null,
    scenarioVersion: {
      id: "00000000-0000-4000-8000-000000000002",
      version: 1,
      definition: {},
      scenario: { id: "00000000-0000-4000-8000-000000000003", name: "Test", slug: "test" },
    },
    stepRuns,
    ...overrides,
  }) as TRunDetail;

let nextId = 1;
/** What a test leaves out of an event's data: a first attempt, outside any map. */
const usual = (type: TRunEventType): Record<string, unknown> => {
  if (type === "run.started") return { versionId: "v1", version: 1, trigger: "ui" };
  if (type === "run.succeeded" || type === "run.failed" || type === "run.cancelled") {
    return { output: null, error: null, actorId: null };
  }
  if (type === "run.restarted") {
    return {
      fromNodeIds: null,
      scopes: null,
      rerun: [],
      generation: 1,
      versionId: "v1",
      editedInput: false,
    };
  }
  if (type.startsWith("task.")) return { taskId: "task", nodeId: "step" };
  const step = { nodeId: "step", scope: "" };
  if (type === "step.started") return { ...step, attempt: 1, reclaimed: false, workerId: "w" };
  if (type === "step.succeeded" || type === "step.failed" || type === "step.retrying") {
    return { ...step, attempt: 1, ...(type === "step.retrying" ? { delayMs: 1000 } : {}) };
  }
  if (type === "step.superseded") return { ...step, generation: 0 };
  if (type.startsWith("step.")) return step;
  return {};
};

/** An event as the engine writes it: parsed by the union, so a shape it lacks fails the test. */
export const event = (
  type: TRunEventType,
  at: number,
  stepRunId: string | null,
  data: Record<string, unknown> = {},
): TRunEvent => ({
  id: String(nextId++),
  runId: RUN_ID,
  stepRunId,
  actorId: null,
  ...ZRunEventData.parse({ type, data: { ...usual(type), ...data } }),
  createdAt: t(at),
});
