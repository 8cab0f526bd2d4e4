import { startThrowawayPostgres, type TThrowawayPostgres } from "@baton/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { end, fn, next, openHarness, start, type THarness } from "../test/harness.ts";

const RUNS = 30;

describe("a PostgreSQL restart in the middle of a load", () => {
  let postgres: TThrowawayPostgres;
  let h: THarness;
  beforeAll(async () => {
    // a server of its own, so restarting it disturbs no other test
    postgres = await startThrowawayPostgres();
    h = await openHarness("postgres", { concurrency: 8, serverUrl: postgres.url });
  });
  afterAll(async () => {
    await h?.close().catch(() => {});
    await postgres?.stop();
  });

  it("loses no run: every run resumes and succeeds", async () => {
    const chain = Array.from({ length: 8 }, (_, i) =>
      fn(`s${i}`, "Sleep", { ms: { literal: 50 } }, { timeoutMs: 2_000 }),
    );
    const versionId = await h.publish({
      nodes: [start(), ...chain, end()],
      edges: [
        next("start", "s0"),
        ...chain.slice(1).map((n, i) => next(`s${i}`, n.id)),
        next("s7", "end"),
      ],
    });
    const runIds = (
      await Promise.all(
        Array.from({ length: RUNS }, () => h.engine.startRun({ versionId, input: {} })),
      )
    ).map((r) => r.runId);
    await new Promise((r) => setTimeout(r, 700));
    const unfinished = () =>
      h.db.prisma.run.count({
        where: { id: { in: runIds }, status: { in: ["pending", "running"] } },
      });
    expect(await unfinished()).toBeGreaterThan(0);
    await postgres.restart();
    // every event after this one was written once the server was back
    const mark = await h.waitFor(async () => {
      try {
        const [row] = await h.db.prisma.$queryRawUnsafe<{ id: bigint }[]>(
          `SELECT coalesce(max(id), 0) AS id FROM "RunEvent"`,
        );
        return row!.id;
      } catch {
        return undefined; // the pool reconnects on its own
      }
    }, 60_000);
    const done = await h.waitFor(async () => {
      try {
        const count = await h.db.prisma.run.count({
          where: { id: { in: runIds }, status: "succeeded" },
        });
        return count === RUNS ? count : undefined;
      } catch {
        return undefined; // the pool reconnects on its own
      }
    }, 120_000);
    expect(done).toBe(RUNS);
    const failed = await h.db.prisma.run.count({
      where: { id: { in: runIds }, status: { not: "succeeded" } },
    });
    expect(failed).toBe(0);
    // runs were in flight across the restart: they ended after the server came back
    const endedAfter = await h.db.prisma.runEvent.count({
      where: { runId: { in: runIds }, type: "run.succeeded", id: { gt: mark } },
    });
    expect(endedAfter).toBeGreaterThan(0);
    // the event feed reconnected: a new run's events arrive
    const seen: string[] = [];
    const unsubscribe = h.engine.events.subscribe(null, (e) => seen.push(e.type));
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    await h.waitForRun(runId, 60_000);
    await h.waitFor(async () => (seen.includes("run.succeeded") ? true : undefined), 10_000);
    unsubscribe();
  }, 240_000);
});
