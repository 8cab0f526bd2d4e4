import type { TNode } from "@baton/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  databases,
  end,
  errorEdge,
  fn,
  mostAtOnce,
  next,
  openHarness,
  start,
  type THarness,
} from "../test/harness.ts";

const at = { x: 0, y: 0 };

/** A map step over `items` whose body runs `body` between its own start and end. */
const map = (
  items: Extract<TNode, { kind: "map" }>["items"],
  body: TNode[],
  output: Record<string, { ref: string }>,
  concurrency?: number,
): TNode => ({
  id: "each",
  kind: "map",
  label: "Each item",
  position: at,
  items,
  ...(concurrency ? { concurrency } : {}),
  body: {
    nodes: [
      { id: "itemStart", kind: "start", label: "Item", position: at },
      ...body,
      { id: "itemEnd", kind: "end", label: "Item done", position: at, output },
    ],
    edges: [
      next("itemStart", body[0]!.id),
      ...body.slice(1).map((n, i) => next(body[i]!.id, n.id)),
      next(body.at(-1)!.id, "itemEnd"),
    ],
  },
});

describe.each(databases)("map steps on $kind", ({ kind }) => {
  let h: THarness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  const stepRuns = (runId: string, nodeId: string) =>
    h.db.prisma.stepRun.findMany({ where: { runId, nodeId }, orderBy: { scope: "asc" } });

  /** start → base (100) → each item: pause, add item + index, add base → end with the list */
  const publishSums = (concurrency?: number) =>
    h.publish({
      nodes: [
        start(),
        fn("base", "Add", { a: { literal: 100 }, b: { literal: 0 } }),
        map(
          { ref: "input.xs" },
          [
            fn("pause", "Sleep", { ms: { literal: 150 } }),
            fn("plusIndex", "Add", { a: { ref: "item" }, b: { ref: "index" } }),
            fn("plusBase", "Add", {
              a: { ref: "steps.plusIndex.output.sum" },
              b: { ref: "steps.base.output.sum" },
            }),
          ],
          { value: { ref: "steps.plusBase.output.sum" } },
          concurrency,
        ),
        end({ values: { ref: "steps.each.output" } }),
      ],
      edges: [next("start", "base"), next("base", "each"), next("each", "end")],
    });

  it("runs the body once per item, at most `concurrency` at once, and lists the outputs in item order", async () => {
    const versionId = await publishSums(2);
    const { runId } = await h.engine.startRun({ versionId, input: { xs: [1, 2, 3, 4, 5] } });
    const run = await h.waitForRun(runId, 30_000);
    expect(run).toMatchObject({
      status: "succeeded",
      output: { values: [101, 103, 105, 107, 109].map((value) => ({ value })) },
    });
    const pauses = await stepRuns(runId, "pause");
    expect(pauses.map((p) => p.scope)).toEqual(["0", "1", "2", "3", "4"]);
    // never more than two items inside the body at once
    expect(mostAtOnce(pauses)).toBeLessThanOrEqual(2);
    const [each] = await stepRuns(runId, "each");
    expect(each).toMatchObject({ status: "succeeded", input: [1, 2, 3, 4, 5] });
  });

  it("succeeds at once with an empty list, and fails a map over something that is not a list", async () => {
    const versionId = await publishSums();
    const empty = await h.engine.startRun({ versionId, input: { xs: [] } });
    expect(await h.waitForRun(empty.runId)).toMatchObject({
      status: "succeeded",
      output: { values: [] },
    });
    const notList = await h.engine.startRun({ versionId, input: { xs: 7 } });
    const failed = await h.waitForRun(notList.runId);
    expect(failed.status).toBe("failed");
    expect((failed.error as { message: string }).message).toMatch(/needs a list to iterate/);
  });

  it("fails the map when an item fails, then reworks that one item with an edited input, keeping the others", async () => {
    const versionId = await publishSums(1);
    const { runId } = await h.engine.startRun({ versionId, input: { xs: [1, "two", 3] } });
    const failed = await h.waitForRun(runId, 30_000);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatchObject({
      code: "item_failed",
      nodeId: "each",
      message: expect.stringMatching(/^Item 1 failed at "plusIndex": .*a/),
    });
    // one item at a time: the third never started
    expect((await stepRuns(runId, "pause")).map((p) => p.scope)).toEqual(["0", "1"]);

    await expect(
      h.engine.reworkRun(runId, { fromNodeIds: ["plusIndex"], input: { a: 2, b: 1 } }),
    ).rejects.toMatchObject({ code: "BAD_INPUT", message: expect.stringMatching(/name the item/) });
    await h.engine.reworkRun(runId, {
      fromNodeIds: ["plusIndex"],
      scope: "1",
      input: { a: 2, b: 1 },
    });
    const done = await h.waitForRun(runId, 30_000);
    expect(done).toMatchObject({
      status: "succeeded",
      output: { values: [{ value: 101 }, { value: 103 }, { value: 105 }] },
    });
    // item 0 was kept, item 1 redone from plusIndex (its pause kept), item 2 ran for the first time
    const pauses = await stepRuns(runId, "pause");
    expect(pauses.map((p) => [p.scope, p.status])).toEqual([
      ["0", "succeeded"],
      ["1", "succeeded"],
      ["2", "succeeded"],
    ]);
    const plusIndex = await stepRuns(runId, "plusIndex");
    expect(plusIndex.map((p) => [p.scope, p.status]).sort()).toEqual([
      ["0", "succeeded"],
      ["1", "succeeded"],
      ["1", "superseded"],
      ["2", "succeeded"],
    ]);
    const maps = await stepRuns(runId, "each");
    expect(maps.map((m) => m.status).sort()).toEqual(["succeeded", "superseded"]);
  });

  it("cancels the other items when one fails, aborting their calls", async () => {
    // items 0 and 1 call Sleep for 30 s, filling the local function pool (two workers);
    // item 2 waits a second, so they are running, then fails on its input
    const hold: TNode = {
      id: "hold",
      kind: "wait",
      label: "Hold",
      position: at,
      until: { ref: "item.at" },
    };
    const versionId = await h.publish({
      nodes: [
        start(),
        map(
          { ref: "input.items" },
          [hold, fn("work", "Sleep", { ms: { ref: "item.ms" } }, { timeoutMs: 60_000 })],
          { slept: { ref: "steps.work.output.slept" } },
          3,
        ),
        end(),
      ],
      edges: [next("start", "each"), next("each", "end")],
    });
    const now = Date.now();
    const items = [
      { at: new Date(now).toISOString(), ms: 30_000 },
      { at: new Date(now).toISOString(), ms: 30_000 },
      { at: new Date(now + 1_000).toISOString(), ms: "bad" },
    ];
    const { runId } = await h.engine.startRun({ versionId, input: { items } });
    const failed = await h.waitForRun(runId, 20_000);
    expect(failed).toMatchObject({
      status: "failed",
      error: { code: "item_failed", details: { index: 2 } },
    });
    const works = await stepRuns(runId, "work");
    expect(works.map((w) => [w.scope, w.status])).toEqual([
      ["0", "cancelled"],
      ["1", "cancelled"],
      ["2", "failed"],
    ]);
    const attempts = await h.db.prisma.stepAttempt.findMany({
      where: { stepRunId: { in: works.slice(0, 2).map((w) => w.id) } },
    });
    expect(attempts.map((a) => a.status)).toEqual(["cancelled", "cancelled"]);
    // the pool has room again only if both calls were aborted
    const quick = await h.publish({
      nodes: [start(), fn("a", "Noop", {}), end()],
      edges: [next("start", "a"), next("a", "end")],
    });
    const ended = Date.now();
    const after = await h.engine.startRun({ versionId: quick, input: {} });
    expect((await h.waitForRun(after.runId, 20_000)).status).toBe("succeeded");
    expect(Date.now() - ended).toBeLessThan(5_000);
  });

  it("cancels the other items when one fails and takes the map's error edge", async () => {
    const hold: TNode = {
      id: "hold",
      kind: "wait",
      label: "Hold",
      position: at,
      until: { ref: "item.at" },
    };
    const versionId = await h.publish({
      nodes: [
        start(),
        map(
          { ref: "input.items" },
          [hold, fn("work", "Sleep", { ms: { ref: "item.ms" } }, { timeoutMs: 10_000 })],
          { slept: { ref: "steps.work.output.slept" } },
          2,
        ),
        fn("recover", "Sleep", { ms: { literal: 1_000 } }),
        end({ why: { ref: "steps.each.error.message" } }),
      ],
      edges: [
        next("start", "each"),
        next("each", "end"),
        errorEdge("each", "recover"),
        next("recover", "end"),
      ],
    });
    const now = Date.now();
    const items = [
      { at: new Date(now).toISOString(), ms: 3_000 },
      { at: new Date(now + 500).toISOString(), ms: "bad" },
    ];
    const { runId } = await h.engine.startRun({ versionId, input: { items } });
    // while the run goes on along the error edge, the other item is already cancelled
    await h.waitFor(async () =>
      (await stepRuns(runId, "recover"))[0]?.status === "running" ? true : undefined,
    );
    const works = await stepRuns(runId, "work");
    expect(works.map((w) => [w.scope, w.status])).toEqual([
      ["0", "cancelled"],
      ["1", "failed"],
    ]);
    expect(
      await h.db.prisma.stepAttempt.findMany({ where: { stepRunId: works[0]!.id } }),
    ).toMatchObject([{ status: "cancelled" }]);
    expect(await h.waitForRun(runId, 20_000)).toMatchObject({
      status: "succeeded",
      output: { why: expect.stringMatching(/^Item 1 failed at "work"/) },
    });
  });

  it("retries only the failed item of a map with retryFailed", async () => {
    const versionId = await h.publish({
      nodes: [
        start(),
        map(
          { ref: "input.xs" },
          [fn("check", "Add", { a: { ref: "item" }, b: { literal: 0 } })],
          { value: { ref: "steps.check.output.sum" } },
          1,
        ),
        end({ values: { ref: "steps.each.output" } }),
      ],
      edges: [next("start", "each"), next("each", "end")],
    });
    const { runId } = await h.engine.startRun({ versionId, input: { xs: [5, 7, "eight"] } });
    expect((await h.waitForRun(runId, 30_000)).status).toBe("failed");
    // the failed item fails again: its input did not change, but only it runs again
    await h.engine.retryFailed(runId);
    expect((await h.waitForRun(runId, 30_000)).status).toBe("failed");
    const checks = await stepRuns(runId, "check");
    const current = checks.filter((c) => c.status !== "superseded");
    expect(current.map((c) => [c.scope, c.status]).sort()).toEqual([
      ["0", "succeeded"],
      ["1", "succeeded"],
      ["2", "failed"],
    ]);
    expect(checks.filter((c) => c.scope !== "2")).toHaveLength(2);
    expect(checks.filter((c) => c.scope === "2").map((c) => c.status)).toEqual(
      expect.arrayContaining(["superseded", "failed"]),
    );
  });
});
