import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, end, fn, next, openHarness, start, type THarness } from "../../test/harness.ts";
import { succeedChainSteps } from "./chain.ts";
import { claimSteps } from "./claims.ts";
import { createBoss, createJobSql, type TJobSql } from "./queue.ts";
import { createSqlClient, type TSqlClient } from "./sql-client.ts";

const chain = {
  nodes: [start(), fn("a", "Noop", {}), fn("b", "Noop", {}), end()],
  edges: [next("start", "a"), next("a", "b"), next("b", "end")],
};

describe.each(databases)("the chain's statements on $kind", ({ kind }) => {
  describe("with no workers, steps taken by hand", () => {
    let h: THarness;
    let sql: TSqlClient;
    let jobSql: TJobSql;
    let stopBoss: () => Promise<void>;
    beforeAll(async () => {
      h = await openHarness(kind, { concurrency: 0 });
      sql = createSqlClient(h.db);
      const boss = createBoss(h.db);
      await boss.start();
      jobSql = await createJobSql(boss);
      stopBoss = () => boss.stop({ graceful: false });
    });
    afterAll(async () => {
      await stopBoss?.();
      await h?.close();
    });

    /** A run whose first step `a` is claimed by the worker "w", as a worker would. */
    const runAtA = async (versionId: string) => {
      const { runId } = await h.engine.startRun({ versionId, input: { n: 1 } });
      const a = await h.db.prisma.stepRun.findFirstOrThrow({ where: { runId, nodeId: "a" } });
      const [claimed] = await claimSteps(sql, "w", [{ stepRunId: a.id, readable: [] }]);
      expect(claimed).toMatchObject({ runId, nodeId: "a", attempt: 1, child: false });
      return { runId, stepRunId: a.id };
    };

    it("stores several runs' steps in one statement, each with its successor claimed, and skips a stale attempt", async () => {
      const versionId = await h.publish(chain);
      const runs = [await runAtA(versionId), await runAtA(versionId), await runAtA(versionId)];
      const stepRunIds = runs.map(() => randomUUID());
      const jobIds = runs.map(() => randomUUID());
      const done = await succeedChainSteps(
        sql,
        "w",
        jobSql,
        runs.map((run, i) => ({
          // the second run's attempt is no longer current (a reclaimed step, say)
          step: { id: run.stepRunId, attempt: i === 1 ? 2 : 1 },
          output: { i },
          input: i === 2 ? { edited: true } : undefined,
          targets: ["b"],
          versionId,
          stepRunIds: [stepRunIds[i]!],
          jobIds: [jobIds[i]!],
          leases: [40],
        })),
      );
      expect(done[1]).toBeUndefined();
      for (const i of [0, 2]) {
        expect(done[i]).toEqual({
          created: [{ id: stepRunIds[i], nodeId: "b" }],
          claimed: expect.objectContaining({
            id: stepRunIds[i],
            runId: runs[i]!.runId,
            nodeId: "b",
            attempt: 1,
            reclaimed: false,
          }),
        });
      }

      const stepsOf = (runId: string) =>
        h.db.prisma.stepRun.findMany({
          where: { runId, nodeId: { in: ["a", "b"] } },
          orderBy: { nodeId: "asc" },
          include: { attempts: true },
        });
      const [first, second, third] = await Promise.all(runs.map((r) => stepsOf(r.runId)));
      expect(first).toMatchObject([
        { nodeId: "a", status: "succeeded", output: { i: 0 }, attempts: [{ status: "succeeded" }] },
        {
          nodeId: "b",
          status: "running",
          attempt: 1,
          attempts: [
            {
              status: "running",
              workerId: "w",
              idempotencyKey: `${runs[0]!.runId}:b:0:1`,
            },
          ],
        },
      ]);
      expect(second).toMatchObject([{ nodeId: "a", status: "running" }]);
      expect(third![0]).toMatchObject({ status: "succeeded", input: { edited: true } });

      const events = await h.db.prisma.runEvent.findMany({
        where: { runId: runs[0]!.runId },
        orderBy: { id: "asc" },
      });
      expect(events.slice(-3).map((e) => [e.type, (e.data as { nodeId: string }).nodeId])).toEqual([
        ["step.succeeded", "a"],
        ["step.scheduled", "b"],
        ["step.started", "b"],
      ]);

      // the claimed step's job is held back for its lease: the queue hands it out only if "w" dies
      const jobs = await h.db.prisma.$queryRawUnsafe<{ id: string; held: number }[]>(
        `SELECT id::text, extract(epoch FROM start_after - now())::int AS held
           FROM pgboss.job WHERE id = ANY($1::uuid[])`,
        jobIds,
      );
      expect(jobs.map((j) => j.id).sort()).toEqual([jobIds[0], jobIds[2]].sort());
      for (const job of jobs) expect(job.held).toBeGreaterThan(30);
    });
    it("claims several steps in one statement, each with the results it may read, and none twice", async () => {
      const versionId = await h.publish(chain);
      const started = await Promise.all(
        [1, 2, 3].map((n) => h.engine.startRun({ versionId, input: { n } })),
      );
      const stepA = (runId: string) =>
        h.db.prisma.stepRun.findFirstOrThrow({ where: { runId, nodeId: "a" } });
      const [a1, a2, a3] = await Promise.all(started.map((r) => stepA(r.runId)));
      await h.engine.cancelRun(started[2]!.runId);
      const claimed = await claimSteps(sql, "w", [
        { stepRunId: a1!.id, readable: ["|start"] },
        { stepRunId: a2!.id, readable: [] },
        { stepRunId: a3!.id, readable: ["|start"] },
        { stepRunId: a1!.id, readable: ["|start"] },
      ]);
      expect(claimed[0]).toMatchObject({
        id: a1!.id,
        attempt: 1,
        reclaimed: false,
        runInput: { n: 1 },
        steps: { start: { output: { n: 1 } } },
      });
      expect(claimed[1]).toMatchObject({ id: a2!.id, attempt: 1, runInput: { n: 2 }, steps: null });
      expect(claimed[2]).toBeUndefined();
      expect(claimed[3]).toBeUndefined();
      const attempts = await h.db.prisma.stepAttempt.count({ where: { stepRunId: a1!.id } });
      expect(attempts).toBe(1);
    });
  });

  describe("with workers", () => {
    let h: THarness;
    beforeAll(async () => {
      h = await openHarness(kind);
    });
    afterAll(async () => {
      await h?.close();
    });

    it("records a whole chain run's events in order, from its start to its end", async () => {
      const versionId = await h.publish(chain);
      const runs = await Promise.all(
        Array.from({ length: 12 }, () => h.engine.startRun({ versionId, input: { n: 1 } })),
      );
      for (const { runId } of runs) {
        await expect(h.waitForRun(runId)).resolves.toMatchObject({
          status: "succeeded",
          output: null,
        });
        const events = await h.db.prisma.runEvent.findMany({
          where: { runId },
          orderBy: { id: "asc" },
        });
        expect(
          events.map((e) => `${e.type} ${(e.data as { nodeId?: string }).nodeId ?? ""}`),
        ).toEqual([
          "run.started ",
          "step.scheduled start",
          "step.succeeded start",
          "step.scheduled a",
          "step.started a",
          "step.succeeded a",
          "step.scheduled b",
          "step.started b",
          "step.succeeded b",
          "step.scheduled end",
          "step.started end",
          "step.succeeded end",
          "run.succeeded ",
        ]);
        const steps = await h.db.prisma.stepRun.findMany({ where: { runId } });
        expect(steps.map((s) => [s.nodeId, s.status, s.attempt]).sort()).toEqual([
          ["a", "succeeded", 1],
          ["b", "succeeded", 1],
          ["end", "succeeded", 1],
          ["start", "succeeded", 1],
        ]);
      }
    });
  });
});
