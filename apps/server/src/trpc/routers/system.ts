import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { sessionIsLive } from "../../auth/sessions.ts";
import { readProcedure, router } from "../trpc.ts";
import { describeSystem, ZSystemInfo } from "./system-info.ts";

const probeDatabase = async (prisma: {
  $queryRaw: (q: TemplateStringsArray) => Promise<unknown>;
}) => {
  const started = performance.now();
  try {
    await prisma.$queryRaw`select 1`;
    return { ok: true as const, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    return { ok: false as const, error: (error as Error).message };
  }
};

export const systemRouter = router({
  info: readProcedure.output(ZSystemInfo).query(({ ctx }) => describeSystem(ctx)),

  /** Counts shown across the shell: navigation badges and the overview. */
  overview: readProcedure.query(async ({ ctx }) => {
    const { prisma } = ctx.db;
    const [connections, functions, missingFunctions, scenarios, versions, runGroups, openTasks] =
      await Promise.all([
        prisma.connection.count(),
        prisma.function.count({ where: { status: "active" } }),
        prisma.function.count({ where: { status: "missing" } }),
        prisma.scenario.count({ where: { archivedAt: null } }),
        // test runs of drafts and their snapshots are kept apart from what runs for real
        prisma.scenarioVersion.count({ where: { test: false } }),
        prisma.run.groupBy({ by: ["status"], where: { test: false }, _count: { _all: true } }),
        prisma.manualTask.count({ where: { status: "open", run: { test: false } } }),
      ]);
    const runs = Object.fromEntries(runGroups.map((g) => [g.status, g._count._all]));
    return { connections, functions, missingFunctions, scenarios, versions, runs, openTasks };
  }),

  /** A live heartbeat: the shell shows whether the server and its database answer. */
  status: readProcedure
    .input(
      z.object({ intervalMs: z.number().int().min(250).max(60_000).default(5_000) }).optional(),
    )
    .subscription(async function* ({ ctx, input, signal }) {
      const intervalMs = input?.intervalMs ?? 5_000;
      while (!signal?.aborted) {
        // a heartbeat opened before a logout ends with the session
        if (!(await sessionIsLive(ctx.db.prisma, ctx.session.id).catch(() => true))) return;
        yield { at: new Date(), database: await probeDatabase(ctx.db.prisma) };
        await sleep(intervalMs, undefined, { signal }).catch(() => {});
      }
    }),
});
