import type { TNode } from "@baton/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  databases,
  end,
  fn,
  mostAtOnce,
  next,
  openHarness,
  start,
  type THarness,
} from "../test/harness.ts";

const at = { x: 0, y: 0 };

const LIMITS = {
  valueBytes: 4_096,
  mapItems: 5,
  mapConcurrency: 2,
  expressions: { timeoutMs: 400, memoryMb: 32 },
};

/** start → one node → end */
const around = (node: TNode) => ({
  nodes: [start(), node, end()],
  edges: [next("start", node.id), next(node.id, "end")],
});

const itemsMap = (concurrency: number): TNode => ({
  id: "each",
  kind: "map",
  label: "Each item",
  position: at,
  items: { ref: "input.xs" },
  concurrency,
  body: {
    nodes: [
      { id: "itemStart", kind: "start", label: "Item", position: at },
      fn("pause", "Sleep", { ms: { literal: 200 } }),
      { id: "itemEnd", kind: "end", label: "Item done", position: at },
    ],
    edges: [next("itemStart", "pause"), next("pause", "itemEnd")],
  },
});

describe.each(databases)("limits on $kind", ({ kind }) => {
  let h: THarness;
  beforeAll(async () => {
    h = await openHarness(kind, { limits: LIMITS });
  });
  afterAll(async () => {
    await h?.close();
  });

  const failure = async (runId: string, nodeId: string) => {
    const run = await h.waitForRun(runId, 30_000);
    expect(run.status).toBe("failed");
    const step = await h.db.prisma.stepRun.findFirstOrThrow({ where: { runId, nodeId } });
    return { step, error: step.error as { code: string; message: string } };
  };

  it("fails a step whose expression never ends, within the time limit, and keeps serving meanwhile", async () => {
    const versionId = await h.publish(
      around(
        fn("add", "Add", {
          a: { expr: "($f := function($n){ $f($n + 1) }; $f(0))" },
          b: { literal: 1 },
        }),
      ),
    );
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const started = Date.now();
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    const { step, error } = await failure(runId, "add");
    clearInterval(ticker);
    expect(error).toMatchObject({
      code: "limit_exceeded",
      message: expect.stringMatching(/exceeded 400 ms and was stopped/),
    });
    // a failure like any other: not retried (its attempt is the only one), reworked the same way
    expect(step.attempt).toBe(1);
    expect(ticks).toBeGreaterThan((Date.now() - started) / 20 / 3);
    await h.engine.reworkRun(runId, { fromNodeIds: ["add"] });
    const again = await failure(runId, "add");
    expect(again.error.code).toBe("limit_exceeded");
  });

  it("fails a step whose expression needs more memory than its limit", async () => {
    const versionId = await h.publish(
      around(fn("add", "Add", { a: { expr: "$count([1..10000000])" }, b: { literal: 1 } })),
    );
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    const { error } = await failure(runId, "add");
    expect(error.message).toMatch(/exceeded (its memory limit of 32 MB|400 ms)/);
  });

  it("refuses a run input larger than a value may be", async () => {
    const versionId = await h.publish(
      around(fn("add", "Add", { a: { literal: 1 }, b: { literal: 2 } })),
    );
    await expect(
      h.engine.startRun({ versionId, input: { note: "x".repeat(5_000) } }),
    ).rejects.toThrow(
      /The run's input is 4\.9 KB; at most 4\.0 KB is allowed \(BATON_MAX_VALUE_BYTES\)/,
    );
  });

  it("fails a step whose function returns more than a value may hold", async () => {
    const versionId = await h.publish(around(fn("big", "Big", { bytes: { literal: 10_000 } })));
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    const { error } = await failure(runId, "big");
    expect(error).toMatchObject({
      code: "limit_exceeded",
      message: expect.stringMatching(/^The output of "big" is 9\.8 KB; at most 4\.0 KB/),
    });
  });

  it("fails a step whose function returns what cannot be stored, saying where", async () => {
    const nul = await h.publish(around(fn("odd", "Unstorable", {})));
    const first = await h.engine.startRun({ versionId: nul, input: {} });
    expect((await failure(first.runId, "odd")).error).toMatchObject({
      code: "limit_exceeded",
      message:
        'The output of "odd" cannot be kept: output.text contains a NUL character (\\u0000), which Baton cannot store: remove it.',
    });
    const deep = await h.publish(around(fn("odd", "Unstorable", { depth: { literal: 100 } })));
    const second = await h.engine.startRun({ versionId: deep, input: {} });
    expect((await failure(second.runId, "odd")).error.message).toMatch(
      /^The output of "odd" cannot be kept: output nests arrays and objects more than 64 levels deep/,
    );
  });

  it("fails a map over more items than a map takes", async () => {
    const versionId = await h.publish(around(itemsMap(2)));
    const { runId } = await h.engine.startRun({ versionId, input: { xs: [1, 2, 3, 4, 5, 6] } });
    const { error } = await failure(runId, "each");
    expect(error).toMatchObject({
      code: "limit_exceeded",
      message: '"Each item" got a list of 6 items; a map takes at most 5 (BATON_MAX_MAP_ITEMS).',
    });
  });

  it("runs no more items of a map at once than this server allows, whatever the map asks", async () => {
    const versionId = await h.publish(around(itemsMap(5)));
    const { runId } = await h.engine.startRun({ versionId, input: { xs: [1, 2, 3, 4, 5] } });
    expect((await h.waitForRun(runId, 30_000)).status).toBe("succeeded");
    const pauses = await h.db.prisma.stepRun.findMany({ where: { runId, nodeId: "pause" } });
    expect(pauses).toHaveLength(5);
    expect(mostAtOnce(pauses)).toBe(2);
  });
});
