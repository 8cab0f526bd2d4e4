import type { Prisma } from "@baton/db";
import type { TScenario } from "@baton/model";
import { describe, expect, it } from "vitest";
import { databases, end, fn, next, start } from "../test/harness.ts";
import { harnessWithOwnWorkers } from "../test/own-workers.ts";

const at = { x: 0, y: 0 };

/** start → broken (always throws) → end, whose output is what `broken` gave */
const brokenStep = {
  nodes: [start(), fn("broken", "Fail", {}), end({ got: { ref: "steps.broken.output.value" } })],
  edges: [next("start", "broken"), next("broken", "end")],
};

describe.each(databases)("test runs on $kind", ({ kind }) => {
  const own = harnessWithOwnWorkers(kind);
  const { startWorker } = own;

  /** A test snapshot of the scenario's draft, as the server freezes one for a test run. */
  const snapshot = async (
    versionId: string,
    definition: Omit<TScenario, "format" | "slug" | "name">,
    pinned: Record<string, unknown> = {},
  ) => {
    const published = await own.h.db.prisma.scenarioVersion.findUniqueOrThrow({
      where: { id: versionId },
      select: { scenarioId: true, definition: true },
    });
    const row = await own.h.db.prisma.scenarioVersion.create({
      data: {
        scenarioId: published.scenarioId,
        version: 1,
        test: true,
        definition: {
          ...(published.definition as object),
          ...definition,
        } as Prisma.InputJsonValue,
        pinned: pinned as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    return row.id;
  };

  it("uses a test snapshot's pinned output instead of calling the step", async () => {
    await startWorker();
    const versionId = await own.h.publish(brokenStep);
    const testId = await snapshot(versionId, brokenStep, { broken: { value: 42 } });
    const { runId } = await own.h.engine.startRun({ versionId: testId, input: {} });
    expect(await own.h.waitForRun(runId)).toMatchObject({
      status: "succeeded",
      output: { got: 42 },
    });
    const step = await own.h.db.prisma.stepRun.findFirstOrThrow({
      where: { runId, nodeId: "broken" },
    });
    expect(step).toMatchObject({ status: "succeeded", input: {}, output: { value: 42 } });
    const run = await own.h.db.prisma.run.findUniqueOrThrow({ where: { id: runId } });
    // a run of a snapshot is a test run even when the caller did not say so
    expect(run.test).toBe(true);
  });

  it("ignores pins on a published version: only test snapshots have any", async () => {
    await startWorker();
    const versionId = await own.h.publish(brokenStep);
    await own.h.db.prisma.scenarioVersion.update({
      where: { id: versionId },
      data: { pinned: { broken: { value: 42 } } },
    });
    const { runId } = await own.h.engine.startRun({ versionId, input: {} });
    expect(await own.h.waitForRun(runId)).toMatchObject({ status: "failed" });
    expect((await own.h.db.prisma.run.findUniqueOrThrow({ where: { id: runId } })).test).toBe(
      false,
    );
  });

  it("makes what a test run's subscenario step starts a test run too", async () => {
    await startWorker();
    const childSlug = `child-${kind}-${Date.now()}`;
    await own.h.publish({
      slug: childSlug,
      nodes: [start(), end()],
      edges: [next("start", "end")],
    });
    const parent = {
      nodes: [
        start(),
        {
          id: "call",
          kind: "subscenario" as const,
          label: "Call",
          position: at,
          scenario: { slug: childSlug, version: 1 },
        },
        end(),
      ],
      edges: [next("start", "call"), next("call", "end")],
    };
    const versionId = await own.h.publish(parent);
    const real = await own.h.engine.startRun({ versionId, input: {} });
    const test = await own.h.engine.startRun({ versionId, input: {}, test: true });
    for (const { runId } of [real, test])
      expect((await own.h.waitForRun(runId)).status).toBe("succeeded");
    const childOf = async (runId: string) =>
      own.h.db.prisma.run.findFirstOrThrow({
        where: {
          parentStepRunId: (
            await own.h.db.prisma.stepRun.findFirstOrThrow({ where: { runId, nodeId: "call" } })
          ).id,
        },
        select: { test: true },
      });
    expect(await childOf(real.runId)).toEqual({ test: false });
    expect(await childOf(test.runId)).toEqual({ test: true });
  });

  it("drops the jobs a deleted test run left, on a worker that never saw its version", async () => {
    const first = await startWorker();
    const definition = {
      nodes: [
        start(),
        { id: "hold", kind: "wait" as const, label: "Hold", position: at, duration: 1_500 },
        fn("after", "Noop", {}),
        end(),
      ],
      edges: [next("start", "hold"), next("hold", "after"), next("after", "end")],
    };
    const testId = await snapshot(await own.h.publish(definition), definition);
    const { runId } = await own.h.engine.startRun({ versionId: testId, input: {} });
    await own.h.waitFor(async () => {
      const hold = await own.h.db.prisma.stepRun.findFirst({ where: { runId, nodeId: "hold" } });
      return hold?.status === "waiting" ? true : undefined;
    });
    await first.stop();
    await own.h.engine.cancelRun(runId);
    // as the server deletes an ended test run: the run, then its snapshot
    await own.h.db.prisma.run.delete({ where: { id: runId } });
    await own.h.db.prisma.scenarioVersion.delete({ where: { id: testId } });
    await startWorker();
    const states = () =>
      own.h.db.prisma.$queryRawUnsafe<{ state: string }[]>(
        `SELECT state::text AS state FROM pgboss.job WHERE data->>'runId' = $1 AND data->>'nodeId' = 'hold'`,
        runId,
      );
    // the wait's job comes back when due, finds its run gone, and is done with (not retried)
    const settled = await own.h.waitFor(async () => {
      const rows = await states();
      const pending = rows.some((row) => row.state === "created" || row.state === "active");
      return rows.length && !pending ? rows : undefined;
    }, 15_000);
    expect(settled.map((row) => row.state)).toEqual(settled.map(() => "completed"));
  });
});
