import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { end, fn, next, openHarness, start, type THarness } from "../test/harness.ts";
import { spawnWorker, stopWorker } from "../test/worker-processes.ts";

const RUNS = 200;
const STEPS = 10;
const KILLS = 8;

describe("crash test: workers killed with SIGKILL mid-load", () => {
  let h: THarness;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    // this process only starts runs; the work happens in separate worker processes
    h = await openHarness("postgres", { concurrency: 0 });
  });
  afterAll(async () => {
    await Promise.all(workers.map(stopWorker));
    await h?.close();
  });

  it(`completes ${RUNS} runs of ${STEPS} steps, every step result exactly once`, async () => {
    const url = h.db.databaseUrl!;
    const chain = Array.from({ length: STEPS }, (_, i) =>
      fn(`s${i}`, "Sleep", { ms: { literal: 20 } }, { timeoutMs: 2_000 }),
    );
    const versionId = await h.publish({
      nodes: [start(), ...chain, end({ last: { ref: `steps.s${STEPS - 1}.output.slept` } })],
      edges: [
        next("start", "s0"),
        ...chain.slice(1).map((node, i) => next(`s${i}`, node.id)),
        next(`s${STEPS - 1}`, "end"),
      ],
    });
    workers.push(await spawnWorker(url), await spawnWorker(url));
    const runIds: string[] = [];
    for (let i = 0; i < RUNS; i += 20) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(20, RUNS - i) }, () =>
          h.engine.startRun({ versionId, input: {} }),
        ),
      );
      runIds.push(...batch.map((b) => b.runId));
    }

    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
      const victim = workers.splice(Math.floor(Math.random() * workers.length), 1)[0]!;
      victim.kill("SIGKILL");
      workers.push(await spawnWorker(url));
    }

    await h.waitFor(async () => {
      const done = await h.db.prisma.run.count({
        where: { id: { in: runIds }, status: "succeeded" },
      });
      return done === RUNS ? true : undefined;
    }, 540_000);

    const failed = await h.db.prisma.run.count({
      where: { id: { in: runIds }, status: { not: "succeeded" } },
    });
    expect(failed).toBe(0);
    const results = await h.db.prisma.stepRun.groupBy({
      by: ["runId", "nodeId"],
      where: { runId: { in: runIds }, status: "succeeded" },
      _count: { _all: true },
    });
    expect(results).toHaveLength(RUNS * (STEPS + 2));
    expect(results.every((r) => r._count._all === 1)).toBe(true);

    const reclaimed = await h.db.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "RunEvent" WHERE type = 'step.started' AND (data->>'reclaimed')::boolean`,
    );
    const attempts = await h.db.prisma.stepAttempt.count({
      where: { stepRun: { runId: { in: runIds } } },
    });
    console.log(
      `[crash test] ${RUNS} runs × ${STEPS} steps, ${KILLS} workers killed: all succeeded; ` +
        `${reclaimed[0]!.n} steps re-executed after a crash (at-least-once), ${attempts} attempts recorded`,
    );
  }, 600_000);

  it("aborts a step in a worker process, which hears only cancels, when the run is cancelled elsewhere", async () => {
    const sleep = (ms: number) => ({
      nodes: [start(), fn("sleep", "Sleep", { ms: { literal: ms } }, { timeoutMs: 60_000 }), end()],
      edges: [next("start", "sleep"), next("sleep", "end")],
    });
    const [long, short] = [await h.publish(sleep(30_000)), await h.publish(sleep(10))];
    // one worker with room for one step: the short run gets it only if the long call ends
    workers.push(await spawnWorker(h.db.databaseUrl!, 1));
    const { runId } = await h.engine.startRun({ versionId: long, input: {} });
    const step = () => h.db.prisma.stepRun.findFirstOrThrow({ where: { runId, nodeId: "sleep" } });
    await h.waitFor(async () => ((await step()).status === "running" ? true : undefined));
    const cancelled = Date.now();
    await h.engine.cancelRun(runId);
    const quick = await h.engine.startRun({ versionId: short, input: {} });
    expect((await h.waitForRun(quick.runId, 10_000)).status).toBe("succeeded");
    expect(Date.now() - cancelled).toBeLessThan(10_000);
    const attempt = await h.db.prisma.stepAttempt.findFirstOrThrow({
      where: { stepRunId: (await step()).id },
    });
    expect(attempt).toMatchObject({ status: "cancelled", endedAt: expect.any(Date) });
  }, 60_000);
});
