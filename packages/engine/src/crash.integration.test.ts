import type { ChildProcess } from "node:child_process";
import { hostname } from "node:os";
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

  /** Steps of these runs whose current attempt a dead worker held: in flight when it died. */
  const orphansOf = async (workerId: string, runIds: string[]) =>
    (
      await h.db.prisma.$queryRawUnsafe<{ id: string }[]>(
        `SELECT s.id FROM "StepRun" s
           JOIN "StepAttempt" a ON a."stepRunId" = s.id AND a.attempt = s.attempt
          WHERE s."runId" = ANY($1::uuid[]) AND s.status = 'running' AND a."workerId" = $2`,
        runIds,
        workerId,
      )
    ).map((r) => r.id);

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

    // per kill, the steps the dead worker was running: each kill must hit work in flight
    const orphans: string[][] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
      const victim = workers.splice(Math.floor(Math.random() * workers.length), 1)[0]!;
      const dead = new Promise((r) => victim.once("exit", r));
      victim.kill("SIGKILL");
      await dead;
      orphans.push(await orphansOf(`${hostname()}:${victim.pid}`, runIds));
      workers.push(await spawnWorker(url));
    }
    expect(orphans.map((o) => o.length > 0)).toEqual(Array(KILLS).fill(true));

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
    // exactly once: each step of the generation has one success recorded, however often it ran
    const successes = await h.db.prisma.$queryRawUnsafe<{ nodeId: string; n: number }[]>(
      `SELECT s."nodeId", count(e.id)::int AS n FROM "StepRun" s
         LEFT JOIN "RunEvent" e ON e."stepRunId" = s.id AND e.type = 'step.succeeded'
        WHERE s."runId" = ANY($1::uuid[]) AND s.generation = 0
        GROUP BY s.id, s."nodeId"`,
      runIds,
    );
    expect(successes).toHaveLength(RUNS * (STEPS + 2));
    expect(successes.filter((s) => s.n !== 1)).toEqual([]);
    // at least once: the steps a killed worker held were taken up again, same attempt
    const reclaimed = await h.db.prisma.$queryRawUnsafe<{ stepRunId: string }[]>(
      `SELECT "stepRunId" FROM "RunEvent"
        WHERE "runId" = ANY($1::uuid[]) AND type = 'step.started' AND (data->>'reclaimed')::boolean`,
      runIds,
    );
    const retaken = new Set(reclaimed.map((r) => r.stepRunId));
    expect(orphans.map((o) => o.some((id) => retaken.has(id)))).toEqual(Array(KILLS).fill(true));
    console.log(
      `[crash test] ${RUNS} runs × ${STEPS} steps, ${KILLS} workers killed holding ` +
        `${orphans.map((o) => o.length).join(", ")} steps: all succeeded once each; ` +
        `${reclaimed.length} steps re-executed after a crash (at-least-once)`,
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
