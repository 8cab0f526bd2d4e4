import { BatonError } from "@baton/model";
import { z } from "zod";
import { deleteTestRun } from "../../runs/delete-test-runs.ts";
import { listTestRuns } from "../../runs/list-test-runs.ts";
import { startTestRun } from "../../runs/start-test-run.ts";
import { listPins, pinStep, unpinStep } from "../../runs/step-pins.ts";
import { listStepSamples } from "../../runs/step-samples.ts";
import { ZInstant } from "../input-bounds.ts";
import { designProcedure, readProcedure, router } from "../trpc.ts";

const ZScenarioId = z.strictObject({ scenarioId: z.uuid() });
const ZNodeId = z.string().min(1).max(200);
const ZRunId = z.strictObject({ id: z.uuid() });

/**
 * Trying a draft before publishing it: test runs of the whole draft or of one step, and
 * step outputs pinned so test runs skip calling those steps. Test runs are runs like any
 * other (the monitor shows them), marked `test` and kept out of real runs' lists and counts
 * (audited as `run.test`, not `run.start`); they are the designer's, so this needs the
 * designer role.
 */
export const testRunsRouter = router({
  /** Refused with PRECONDITION_FAILED (diagnostics in the error's details) when the check fails. */
  start: designProcedure
    .input(
      z.strictObject({
        scenarioId: z.uuid(),
        /** the draft the person sees; refused when it changed since */
        draftUpdatedAt: ZInstant,
        input: z.json().default({}),
        /** a function step to run alone, with `input` as its input */
        nodeId: ZNodeId.optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      startTestRun(
        {
          prisma: ctx.db.prisma,
          engine: ctx.engine,
          limits: ctx.config.limits,
          testRunsKept: ctx.config.testRunsKept,
        },
        {
          id: input.scenarioId,
          draftUpdatedAt: input.draftUpdatedAt,
          input: input.input,
          nodeId: input.nodeId,
        },
        ctx.user.id,
      ),
    ),

  list: readProcedure
    .input(ZScenarioId.extend({ limit: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => listTestRuns(ctx.db.prisma, input.scenarioId, input.limit)),

  /** Stops a test run still going; real runs are cancelled with `runs.cancel`. */
  cancel: designProcedure.input(ZRunId).mutation(async ({ ctx, input }) => {
    const run = await ctx.db.prisma.run.findUnique({
      where: { id: input.id },
      select: { test: true },
    });
    if (!run?.test) throw new BatonError("NOT_FOUND", `No test run ${input.id}.`);
    await ctx.engine.cancelRun(input.id, ctx.user.id);
    return { ok: true };
  }),

  /** Deletes a test run that has ended, with what it started; real runs are never deleted. */
  delete: designProcedure.input(ZRunId).mutation(async ({ ctx, input }) => {
    await deleteTestRun(ctx.db.prisma, input.id);
    return { ok: true };
  }),

  /** Recent step runs of one step (real and test runs), to reuse their input or output. */
  stepSamples: readProcedure
    .input(ZScenarioId.extend({ nodeId: ZNodeId }))
    .query(({ ctx, input }) => listStepSamples(ctx.db.prisma, input.scenarioId, input.nodeId)),

  pins: readProcedure
    .input(ZScenarioId)
    .query(({ ctx, input }) => listPins(ctx.db.prisma, input.scenarioId)),

  /** Pins a typed output, or the output of one of the step's earlier step runs. */
  pin: designProcedure
    .input(
      z.union([
        ZScenarioId.extend({ nodeId: ZNodeId, output: z.json() }),
        ZScenarioId.extend({ nodeId: ZNodeId, stepRunId: z.uuid() }),
      ]),
    )
    .mutation(async ({ ctx, input }) => {
      await pinStep(ctx.db.prisma, {
        scenarioId: input.scenarioId,
        nodeId: input.nodeId,
        value: "stepRunId" in input ? { stepRunId: input.stepRunId } : { output: input.output },
        pinnedById: ctx.user.id,
      });
      return { ok: true };
    }),

  unpin: designProcedure
    .input(ZScenarioId.extend({ nodeId: ZNodeId }))
    .mutation(async ({ ctx, input }) => {
      await unpinStep(ctx.db.prisma, input.scenarioId, input.nodeId);
      return { ok: true };
    }),
});
