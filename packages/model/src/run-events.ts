import { z } from "zod";

/**
 * Every event a run can record: the engine writes them, the server streams them, the
 * monitor applies them, and the webhook and `baton run` wait on them. One union, so a
 * new event is added here first and every reader sees its shape.
 */

const ZStep = z.object({ nodeId: z.string(), scope: z.string() });
const ZAttempt = ZStep.extend({ attempt: z.number().int() });
/** A step error as stored (see `STEP_ERROR_SCHEMA`): kept open, its details vary by provider. */
const ZError = z.looseObject({ message: z.string() });

export const ZRunEventData = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("run.started"),
    data: z.object({ versionId: z.string(), version: z.number().int(), trigger: z.string() }),
  }),
  z.object({
    type: z.enum(["run.succeeded", "run.failed", "run.cancelled"]),
    data: z.object({ output: z.unknown(), error: z.unknown(), actorId: z.string().nullable() }),
  }),
  z.object({ type: z.enum(["run.waiting", "run.running"]), data: z.object({}) }),
  z.object({
    type: z.literal("run.restarted"),
    data: z.object({
      fromNodeIds: z.array(z.string()).nullable(),
      scopes: z.array(z.string()).nullable(),
      rerun: z.array(z.string()),
      generation: z.number().int(),
      versionId: z.string(),
      editedInput: z.boolean(),
    }),
  }),
  z.object({ type: z.enum(["step.scheduled", "step.skipped"]), data: ZStep }),
  z.object({
    type: z.literal("step.started"),
    data: ZAttempt.extend({
      reclaimed: z.boolean(),
      reclaims: z.number().int().optional(),
      workerId: z.string(),
    }),
  }),
  z.object({ type: z.literal("step.succeeded"), data: ZAttempt }),
  z.object({ type: z.literal("step.failed"), data: ZAttempt.extend({ error: ZError }) }),
  z.object({
    type: z.literal("step.retrying"),
    data: ZAttempt.extend({ error: ZError, delayMs: z.number() }),
  }),
  z.object({
    type: z.literal("step.waiting"),
    data: ZStep.extend({
      /** a manual task is open */
      task: z.literal(true).optional(),
      /** a wait, until this time */
      until: z.string().optional(),
      /** a subscenario's run, of this scenario */
      subscenario: z.string().optional(),
      /** a map, over this many items */
      items: z.number().int().optional(),
      /** a map step waiting again after a rework */
      reopened: z.literal(true).optional(),
    }),
  }),
  z.object({ type: z.literal("step.cancelled"), data: ZStep }),
  z.object({
    type: z.literal("step.superseded"),
    data: ZStep.extend({ generation: z.number().int() }),
  }),
  z.object({
    type: z.enum(["task.opened", "task.approved", "task.rejected", "task.expired"]),
    data: z.object({ taskId: z.string(), nodeId: z.string() }),
  }),
]);

/** An event's type and data, as written. */
export type TRunEventData = z.infer<typeof ZRunEventData>;
export type TRunEventType = TRunEventData["type"];

/** A stored event: its type and data with where and when it happened. */
export type TRunEvent<TDate = Date> = TRunEventData & {
  id: string;
  runId: string;
  stepRunId: string | null;
  actorId: string | null;
  createdAt: TDate;
};

export const RUN_ENDED_TYPES = ["run.succeeded", "run.failed", "run.cancelled"] as const;

export const isRunEnd = (
  event: TRunEventData,
): event is Extract<TRunEventData, { type: (typeof RUN_ENDED_TYPES)[number] }> =>
  (RUN_ENDED_TYPES as readonly string[]).includes(event.type);
