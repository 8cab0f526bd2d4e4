import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databases, end, fn, next, openHarness, start, type THarness } from "../test/harness.ts";

const add = fn("add", "Add", { a: { literal: 1 }, b: { literal: 2 } });

/** start → add → end: the run starts in one statement */
const chain = {
  nodes: [start(), add, end()],
  edges: [next("start", "add"), next("add", "end")],
};

/** start → add → end and start → end: the end joins two ways, so the start takes a transaction */
const joined = {
  nodes: [start(), add, end()],
  edges: [next("start", "add"), next("add", "end"), next("start", "end")],
};

describe.each(databases)("the audit entry of an action on $kind", ({ kind }) => {
  let h: THarness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  const counts = async () => ({
    runs: await h.db.prisma.run.count(),
    steps: await h.db.prisma.stepRun.count(),
    entries: await h.db.prisma.auditEntry.count(),
  });

  it.each([
    ["started in one statement", chain],
    ["started in a transaction", joined],
  ])("is written with a run %s, or neither is", async (_, graph) => {
    const versionId = await h.publish(graph);
    const { runId } = await h.engine.startRun({
      versionId,
      input: {},
      audit: ({ runId }) => ({
        actorId: null,
        action: "run.start",
        target: runId,
        data: { trigger: "test" },
      }),
    });
    expect(await h.db.prisma.auditEntry.findMany({ where: { target: runId } })).toMatchObject([
      { action: "run.start", actorId: null, data: { trigger: "test" } },
    ]);
    expect((await h.waitForRun(runId)).status).toBe("succeeded");

    // an entry naming someone who does not exist cannot be written: the run goes with it
    const before = await counts();
    await expect(
      h.engine.startRun({
        versionId,
        input: {},
        audit: ({ runId }) => ({ actorId: randomUUID(), action: "run.start", target: runId }),
      }),
    ).rejects.toThrow(/foreign key/i);
    expect(await counts()).toEqual(before);
  });

  it("is written with a cancel, or the run keeps running", async () => {
    const versionId = await h.publish({
      nodes: [start(), fn("pause", "Sleep", { ms: { literal: 60_000 } }), end()],
      edges: [next("start", "pause"), next("pause", "end")],
    });
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    await expect(
      h.engine.cancelRun(runId, undefined, () => ({
        actorId: randomUUID(),
        action: "run.cancel",
        target: runId,
      })),
    ).rejects.toThrow(/foreign key/i);
    expect((await h.db.prisma.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe(
      "running",
    );
    await h.engine.cancelRun(runId, undefined, () => ({
      actorId: null,
      action: "run.cancel",
      target: runId,
    }));
    expect((await h.db.prisma.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe(
      "cancelled",
    );
    expect(await h.db.prisma.auditEntry.count({ where: { target: runId } })).toBe(1);
  });
});
