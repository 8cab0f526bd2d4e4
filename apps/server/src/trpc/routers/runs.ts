import { BatonError, storedRunEvent } from "@baton/model";
import { tracked } from "@trpc/server";
import { z } from "zod";
import { sessionIsLive } from "../../auth/sessions.ts";
import { checkReworkVersion } from "../../runs/check-rework-version.ts";
import { loadRunMonitor } from "../../runs/load-run-monitor.ts";
import { startRun } from "../../runs/start-run.ts";
import { loadCatalog } from "../../scenarios/load-catalog.ts";
import { streamEventBatches } from "../event-stream.ts";
import { ZInstant, ZVersionNumber } from "../input-bounds.ts";
import { pageArgs, toPage, ZPage } from "../paging.ts";
import { operateProcedure, readProcedure, router } from "../trpc.ts";

export const ZRunStatus = z.enum([
  "pending",
  "running",
  "waiting",
  "succeeded",
  "failed",
  "cancelled",
]);
// stored events resent on (re)subscribing go in messages of at most this many
const STORED_BATCH = 500;

const ZRunId = z.object({ id: z.string().uuid() });
// Only what finding a step's function needs; the version was fully checked when published.
type TFunctionNodes = { nodes: { id: string; function?: string; body?: TFunctionNodes }[] };
const ZFunctionNodes: z.ZodType<TFunctionNodes> = z.looseObject({
  nodes: z.array(
    z.looseObject({
      id: z.string(),
      function: z.string().optional(),
      get body() {
        return ZFunctionNodes.optional();
      },
    }),
  ),
});

/** The function a node calls, looking inside map bodies too. */
const functionOf = (graph: TFunctionNodes | undefined, nodeId: string): string | undefined => {
  for (const node of graph?.nodes ?? []) {
    if (node.id === nodeId) return node.function;
    const inBody = functionOf(node.body, nodeId);
    if (inBody) return inBody;
  }
  return undefined;
};

// The dashboard's filters besides status: its list and its counts per status share them.
const ZRunScope = z.object({
  scenarioId: z.string().uuid().optional(),
  since: ZInstant.optional(),
  /** test runs of drafts instead of real runs; they are never mixed */
  test: z.boolean().default(false),
});
const inScope = (scope: z.infer<typeof ZRunScope>) => ({
  test: scope.test,
  ...(scope.scenarioId ? { scenarioVersion: { scenarioId: scope.scenarioId } } : {}),
  ...(scope.since ? { createdAt: { gte: scope.since } } : {}),
});

export const runsRouter = router({
  list: readProcedure
    .input(ZPage.extend({ status: ZRunStatus.optional(), ...ZRunScope.shape }))
    .query(async ({ ctx, input }) => {
      const { prisma } = ctx.db;
      const rows = await prisma.run.findMany({
        where: { ...(input.status ? { status: input.status } : {}), ...inScope(input) },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        select: {
          id: true,
          status: true,
          trigger: true,
          test: true,
          stepsTotal: true,
          createdAt: true,
          startedAt: true,
          endedAt: true,
          startedBy: { select: { id: true, name: true } },
          scenarioVersion: {
            select: {
              version: true,
              // a test snapshot says what it tested (the draft, one step) instead of a number
              test: true,
              note: true,
              scenario: { select: { id: true, name: true, slug: true } },
            },
          },
        },
        ...pageArgs(input),
      });
      const page = toPage(rows, input.limit);
      // the steps of the scenario's own graph, as stepsTotal counts them, not a map's items
      const done = await prisma.stepRun.groupBy({
        by: ["runId"],
        where: {
          runId: { in: page.items.map((r) => r.id) },
          scope: "",
          status: { in: ["succeeded", "skipped"] },
        },
        _count: { _all: true },
      });
      const doneByRun = new Map(done.map((d) => [d.runId, d._count._all]));
      return {
        ...page,
        items: page.items.map((r) => ({ ...r, stepsDone: doneByRun.get(r.id) ?? 0 })),
      };
    }),

  /** Runs per status among those of a scenario and start time, as the dashboard filters them. */
  counts: readProcedure.input(ZRunScope).query(async ({ ctx, input }) => {
    const rows = await ctx.db.prisma.run.groupBy({
      by: ["status"],
      where: inScope(input),
      _count: { _all: true },
    });
    return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
  }),

  get: readProcedure.input(ZRunId).query(async ({ ctx, input }) => {
    const run = await ctx.db.prisma.run.findUnique({
      where: { id: input.id },
      include: {
        startedBy: { select: { id: true, name: true } },
        scenarioVersion: {
          select: {
            id: true,
            version: true,
            definition: true,
            scenario: { select: { id: true, name: true, slug: true } },
          },
        },
        stepRuns: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          include: { attempts: { orderBy: { attempt: "asc" } }, task: true },
        },
      },
    });
    if (!run) throw new BatonError("NOT_FOUND", `No run ${input.id}.`);
    return run;
  }),

  /**
   * A run as the live monitor draws it: like `get`, but step runs carry their state,
   * timings, attempts and errors without inputs and outputs (`stepRun` has those), so a
   * run of hundreds of steps stays a small answer.
   */
  monitor: readProcedure.input(ZRunId).query(async ({ ctx, input }) => {
    const run = await loadRunMonitor(ctx.db, input.id);
    if (!run) throw new BatonError("NOT_FOUND", `No run ${input.id}.`);
    return run;
  }),

  /**
   * A run's stored events in one answer, oldest first (the newest 5,000 of a longer
   * history), so a monitor can load history at once and follow `events` from the last.
   */
  eventLog: readProcedure
    .input(z.object({ runId: z.string().uuid() }))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.db.prisma.runEvent.findMany({
        where: { runId: input.runId },
        orderBy: { id: "desc" },
        take: 5_000,
      });
      return rows.reverse().map(storedRunEvent);
    }),

  /** One step run in full: its input, output and error, every attempt, and its task. */
  stepRun: readProcedure.input(ZRunId).query(async ({ ctx, input }) => {
    const step = await ctx.db.prisma.stepRun.findUnique({
      where: { id: input.id },
      include: { attempts: { orderBy: { attempt: "asc" } }, task: true },
    });
    if (!step) throw new BatonError("NOT_FOUND", `No step run ${input.id}.`);
    return step;
  }),

  /**
   * The catalog entry (with the input schema restarts are checked against) of the function
   * a step of the run calls; null when the step calls none.
   */
  stepFunction: readProcedure
    .input(ZRunId.extend({ nodeId: z.string().min(1).max(200) }))
    .query(async ({ ctx, input }) => {
      const run = await ctx.db.prisma.run.findUnique({
        where: { id: input.id },
        select: { scenarioVersion: { select: { definition: true } } },
      });
      if (!run) throw new BatonError("NOT_FOUND", `No run ${input.id}.`);
      const graph = ZFunctionNodes.safeParse(run.scenarioVersion.definition);
      const ref = functionOf(graph.data, input.nodeId);
      if (!ref) return null;
      const fn = (await loadCatalog(ctx.db.prisma, [ref]))[ref];
      return fn ? { ref: fn.ref, name: fn.name, inputSchema: fn.inputSchema } : null;
    }),

  start: operateProcedure
    .input(
      z.object({
        versionId: z.string().uuid().optional(),
        scenario: z.string().min(1).max(200).optional(),
        version: ZVersionNumber.optional(),
        input: z.json().default({}),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { versionId, scenario, version } = input;
      return startRun(ctx, {
        target: { versionId, scenario, ...(version ? { version } : {}) },
        input: input.input,
        trigger: "ui",
        actorId: ctx.user.id,
      });
    }),

  cancel: operateProcedure.input(ZRunId).mutation(async ({ ctx, input }) => {
    await ctx.engine.cancelRun(input.id, ctx.user.id, () => ({
      actorId: ctx.user.id,
      action: "run.cancel",
      target: input.id,
    }));
    return { ok: true };
  }),

  restart: operateProcedure
    .input(
      ZRunId.extend({
        fromNodeId: z.string().min(1).optional(),
        /** the map item of a step inside a map body, e.g. "2" (see the engine README) */
        scope: z
          .string()
          .regex(
            /^([0-9]+(\/[0-9]+)*)?$/,
            'An item is a number such as "2", or "2/0" in a nested map',
          )
          .optional(),
        input: z.json().optional(),
        versionId: z.string().uuid().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (input.versionId) await checkReworkVersion(ctx.db.prisma, input.id, input.versionId);
      const reworked = await ctx.engine.reworkRun(input.id, {
        ...(input.fromNodeId ? { fromNodeIds: [input.fromNodeId] } : {}),
        ...(input.scope ? { scope: input.scope } : {}),
        ...(input.input !== undefined ? { input: input.input } : {}),
        ...(input.versionId ? { versionId: input.versionId } : {}),
        actorId: ctx.user.id,
        audit: ({ generation }) => ({
          actorId: ctx.user.id,
          action: "run.restart",
          target: input.id,
          data: {
            fromNodeId: input.fromNodeId ?? null,
            scope: input.scope ?? null,
            editedInput: input.input !== undefined,
            versionId: input.versionId ?? null,
            generation,
          },
        }),
      });
      return reworked;
    }),

  retryFailed: operateProcedure.input(ZRunId).mutation(async ({ ctx, input }) => {
    return ctx.engine.retryFailed(input.id, ctx.user.id, ({ generation }) => ({
      actorId: ctx.user.id,
      action: "run.retry",
      target: input.id,
      data: { generation },
    }));
  }),

  /**
   * A run's events in batches, each tracked by its last id: those stored so far (after
   * lastEventId when resuming), then live ones as they come.
   */
  events: readProcedure
    .input(z.object({ runId: z.string().uuid(), lastEventId: z.string().regex(/^\d+$/).nullish() }))
    .subscription(async function* ({ ctx, input, signal }) {
      const live = streamEventBatches(ctx.engine.events, input.runId, signal, () =>
        sessionIsLive(ctx.db.prisma, ctx.session.id),
      );
      const stored = await ctx.db.prisma.runEvent.findMany({
        where: {
          runId: input.runId,
          ...(input.lastEventId ? { id: { gt: BigInt(input.lastEventId) } } : {}),
        },
        orderBy: { id: "asc" },
      });
      const sent = new Set<string>();
      for (let i = 0; i < stored.length; i += STORED_BATCH) {
        const batch = stored.slice(i, i + STORED_BATCH).map((row) => {
          const event = storedRunEvent(row);
          sent.add(event.id);
          return event;
        });
        const last = batch.at(-1);
        if (last) yield tracked(last.id, batch);
      }
      for await (const events of live) {
        const batch = events.filter((event) => !sent.has(event.id));
        const last = batch.at(-1);
        if (last) yield tracked(last.id, batch);
      }
    }),

  /** Every run's events as they happen, in batches, for the dashboard. */
  feed: readProcedure.subscription(async function* ({ ctx, signal }) {
    const allowed = () => sessionIsLive(ctx.db.prisma, ctx.session.id);
    for await (const events of streamEventBatches(ctx.engine.events, null, signal, allowed)) {
      yield events.map(({ id, runId, type, createdAt }) => ({ id, runId, type, createdAt }));
    }
  }),
});
