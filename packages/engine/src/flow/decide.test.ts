import type { TEdge, TNode } from "@baton/model";
import { describe, expect, it } from "vitest";
import { branch, end, errorEdge, fn, next, start } from "../../test/scenario-builders.ts";
import { toVersion } from "../versions.ts";
import type { TNodeState } from "./advance.ts";
import {
  chainTargets,
  needsStates,
  onItemCounted,
  onItemFailed,
  onItemsTaken,
  onMapParked,
  onMoreItemsDue,
  onRunEnded,
  onStepDone,
  onTaskDecided,
} from "./decide.ts";
import type { TFact } from "./effects.ts";

const at = { x: 0, y: 0 };
const versionOf = (nodes: TNode[], edges: TEdge[]) =>
  toVersion({
    id: "v1",
    scenarioId: "s1",
    version: 1,
    definition: { format: "baton.scenario/v1", slug: "rules", name: "rules", nodes, edges },
  });

const top = { runId: "r1", versionId: "v1", scope: "" };
const ref = (nodeId: string, attempt = 1) => ({ id: `${nodeId}-run`, nodeId, attempt });
const done = (
  nodeId: string,
  outcome: Extract<TFact, { kind: "step-done" }>["outcome"] = { kind: "succeeded" },
  extra: Partial<Extract<TFact, { kind: "step-done" }>> = {},
): Extract<TFact, { kind: "step-done" }> => ({
  kind: "step-done",
  at: top,
  step: ref(nodeId),
  outcome,
  ...extra,
});
const states = (entries: [string, TNodeState["kind"]][]) =>
  new Map(entries.map(([id, kind]): [string, TNodeState] => [id, { kind } as TNodeState]));

// start → a → b → end
const chain = versionOf(
  [start(), fn("a", "Noop"), fn("b", "Noop"), end()],
  [next("start", "a"), next("a", "b"), next("b", "end")],
);

// start → a ⇉ (b, c) → join → end, with an error edge a !→ fix → end
const forked = versionOf(
  [start(), fn("a", "Noop"), fn("b", "Noop"), fn("c", "Noop"), fn("join", "Noop"), end()],
  [
    next("start", "a"),
    next("a", "b"),
    next("a", "c"),
    next("b", "join"),
    next("c", "join"),
    next("join", "end"),
  ],
);

// start → pick ?big→ big | small → end (both branches to end)
const choice: TNode = {
  id: "pick",
  kind: "choice",
  label: "Pick",
  position: at,
  rules: [{ branch: "big", condition: "input.n > 10" }],
  default: "small",
};
const picked = versionOf(
  [start(), choice, fn("big", "Noop"), fn("small", "Noop"), end()],
  [
    next("start", "pick"),
    branch("pick", "big", "big"),
    branch("pick", "small", "small"),
    next("big", "end"),
    next("small", "end"),
  ],
);

// start → each (map: item → double → itemEnd) → end
const mapNode: TNode = {
  id: "each",
  kind: "map",
  label: "Each",
  position: at,
  items: { ref: "input.xs" },
  concurrency: 25,
  body: {
    nodes: [
      { id: "item", kind: "start", label: "Item", position: at },
      fn("double", "Noop"),
      { id: "itemEnd", kind: "end", label: "Item done", position: at },
    ],
    edges: [next("item", "double"), next("double", "itemEnd")],
  },
};
const mapped = versionOf([start(), mapNode, end()], [next("start", "each"), next("each", "end")]);

const error = { message: "It broke.", nodeId: "a", attempts: 1 };

describe("after a step is done", () => {
  it("schedules the next steps of a plain chain without reading anything", () => {
    expect(chainTargets(chain, "a", { kind: "succeeded" })).toEqual(["b"]);
    expect(needsStates(chain, done("a"))).toBe(false);
    expect(onStepDone(chain, done("a"))).toEqual([{ kind: "schedule", at: top, nodeIds: ["b"] }]);
  });

  it("reads the scope's states where a join may be involved, and waits for every branch", () => {
    expect(needsStates(forked, done("b"))).toBe(true);
    expect(onStepDone(forked, done("b"))).toEqual([]);
    const waiting = states([
      ["a", "succeeded"],
      ["b", "succeeded"],
      ["c", "active"],
    ]);
    expect(onStepDone(forked, done("b"), waiting)).toEqual([]);
    const both = states([
      ["a", "succeeded"],
      ["b", "succeeded"],
      ["c", "succeeded"],
    ]);
    expect(onStepDone(forked, done("c"), both)).toEqual([
      { kind: "schedule", at: top, nodeIds: ["join"] },
    ]);
  });

  it("follows the branch a choice picked and skips the other", () => {
    const fact = done("pick", { kind: "succeeded", branch: "big" });
    expect(needsStates(picked, fact)).toBe(true);
    expect(onStepDone(picked, fact, states([["pick", "succeeded"]]))).toEqual([
      { kind: "skip", at: top, nodeIds: ["small"] },
      { kind: "schedule", at: top, nodeIds: ["big"] },
    ]);
  });

  it("ends the run with its output when the end node is done", () => {
    expect(needsStates(chain, done("end"))).toBe(false);
    expect(onStepDone(chain, done("end", { kind: "succeeded" }, { output: { id: 7 } }))).toEqual([
      { kind: "end-run", runId: "r1", status: "succeeded", output: { id: 7 } },
    ]);
  });

  it("fails the run with the step's error (and its label) when no error edge is wired", () => {
    const fact = done("a", { kind: "failed" }, { error });
    expect(needsStates(chain, fact)).toBe(false);
    expect(onStepDone(chain, fact)).toEqual([
      {
        kind: "end-run",
        runId: "r1",
        status: "failed",
        error: { ...error, label: "a" },
      },
    ]);
  });

  it("takes the error edge when one is wired", () => {
    const guarded = versionOf(
      [start(), fn("a", "Noop"), fn("fix", "Noop"), end()],
      [next("start", "a"), errorEdge("a", "fix"), next("a", "end"), next("fix", "end")],
    );
    const fact = done("a", { kind: "failed" }, { error });
    expect(needsStates(guarded, fact)).toBe(true);
    // the end waits: fix still leads to it
    expect(onStepDone(guarded, fact, states([["a", "failed"]]))).toEqual([
      { kind: "schedule", at: top, nodeIds: ["fix"] },
    ]);
  });

  it("ends the run without output when every path ended before the end node", () => {
    const stuck = versionOf(
      [start(), fn("a", "Noop"), fn("fix", "Noop"), end()],
      [next("start", "a"), errorEdge("a", "fix"), next("a", "end")],
    );
    const fact = done("fix");
    expect(
      onStepDone(
        stuck,
        fact,
        states([
          ["a", "failed"],
          ["fix", "succeeded"],
          ["end", "skipped"],
        ]),
      ),
    ).toEqual([{ kind: "end-run", runId: "r1", status: "succeeded", output: null }]);
  });

  it("ends an item of a map, or fails it, instead of the run", () => {
    const item = { ...top, scope: "4" };
    expect(onStepDone(mapped, { ...done("itemEnd"), at: item })).toEqual([
      { kind: "end-item", at: item, mapNodeId: "each", withoutEnd: false },
    ]);
    const failed = { ...done("double", { kind: "failed" }, { error }), at: item };
    expect(onStepDone(mapped, failed)).toEqual([
      { kind: "fail-item", at: item, mapNodeId: "each", error },
    ]);
  });
});

describe("after a run ends", () => {
  const ended = { kind: "run-ended" as const, runId: "child", status: "succeeded" as const };
  const parent = { at: { runId: "p", versionId: "v0", scope: "" }, step: ref("sub", 2) };

  it("cancels the runs it started that are still going", () => {
    expect(onRunEnded({ ...ended, actorId: "u1" }, { children: ["c1", "c2"] })).toEqual([
      {
        kind: "end-run",
        runId: "c1",
        status: "cancelled",
        error: { message: "The run that started it ended." },
        actorId: "u1",
      },
      {
        kind: "end-run",
        runId: "c2",
        status: "cancelled",
        error: { message: "The run that started it ended." },
        actorId: "u1",
      },
    ]);
  });

  it("hands its output to the step waiting for it, or fails that step with its error", () => {
    expect(onRunEnded({ ...ended, output: { ok: true } }, { children: [], parent })).toEqual([
      { kind: "succeed-step", ...parent, output: { ok: true } },
    ]);
    const failed = { ...ended, status: "failed" as const, error: { message: "No." } };
    expect(onRunEnded(failed, { children: [], parent })).toEqual([
      {
        kind: "fail-step",
        ...parent,
        error: {
          message: "The subscenario run failed: No.",
          code: "subscenario_failed",
          nodeId: "sub",
          attempts: 2,
          details: { runId: "child", error: { message: "No." } },
        },
      },
    ]);
  });
});

describe("a map's items", () => {
  const mapStep = ref("each");
  const limit = 100;

  it("start at most a transaction's worth at once, within the map's concurrency", () => {
    const parked = { kind: "map-parked" as const, at: top, mapStep, total: 500 };
    expect(onMapParked(mapped, parked, limit)).toEqual([
      { kind: "start-items", at: top, mapStep, count: 10 },
    ]);
    expect(onMapParked(mapped, { ...parked, total: 3 }, limit)).toEqual([
      { kind: "start-items", at: top, mapStep, count: 3 },
    ]);
    expect(onMapParked(mapped, parked, 4)).toEqual([
      { kind: "start-items", at: top, mapStep, count: 4 },
    ]);
  });

  it("each start an iteration in a scope of their own, and more follow while the concurrency allows", () => {
    const taken = {
      kind: "items-taken" as const,
      at: top,
      mapStep,
      items: [
        { index: 10, value: "k" },
        { index: 11, value: "l" },
      ],
      started: 12,
      done: 0,
      total: 500,
    };
    expect(onItemsTaken(mapped, taken, limit)).toEqual([
      { kind: "start-graph", at: { ...top, scope: "10" }, startNodeId: "item", input: "k" },
      { kind: "start-graph", at: { ...top, scope: "11" }, startNodeId: "item", input: "l" },
      { kind: "start-items-later", at: top, mapStep },
    ]);
    // 25 running: the map's concurrency is reached
    expect(onItemsTaken(mapped, { ...taken, started: 25 }, limit)).toHaveLength(2);
    expect(
      onMoreItemsDue(mapped, top, mapStep, { started: 12, done: 0, total: 500 }, limit),
    ).toEqual([{ kind: "start-items", at: top, mapStep, count: 10 }]);
    expect(
      onMoreItemsDue(mapped, top, mapStep, { started: 20, done: 0, total: 500 }, limit),
    ).toEqual([{ kind: "start-items", at: top, mapStep, count: 5 }]);
    expect(
      onMoreItemsDue(mapped, top, mapStep, { started: 25, done: 0, total: 500 }, limit),
    ).toEqual([]);
  });

  it("start the next one as one ends, and gather when the last ends", () => {
    const counted = {
      kind: "item-counted" as const,
      at: top,
      mapStep,
      done: 3,
      started: 25,
      total: 500,
    };
    expect(onItemCounted(counted)).toEqual([{ kind: "start-items", at: top, mapStep, count: 1 }]);
    expect(onItemCounted({ ...counted, started: 500 })).toEqual([]);
    expect(onItemCounted({ ...counted, done: 500, started: 500 })).toEqual([
      { kind: "gather-items", at: top, mapStep, total: 500 },
    ]);
  });

  it("fail the map step when one fails, naming the item and where", () => {
    const failed = {
      kind: "item-failed" as const,
      at: top,
      mapStep,
      index: 3,
      error: { ...error, nodeId: "double" },
    };
    expect(onItemFailed(mapped, failed)).toEqual([
      { kind: "sync-waiting", runId: "r1" },
      {
        kind: "fail-step",
        at: top,
        step: mapStep,
        error: {
          message: 'Item 3 failed at "double": It broke.',
          code: "item_failed",
          nodeId: "each",
          attempts: 1,
          details: { index: 3, scope: "3", error: { ...error, nodeId: "double" } },
        },
      },
    ]);
  });
});

describe("a decided task", () => {
  const step = ref("approve");
  it("is its step's output, and the run follows its open tasks again", () => {
    const output = {
      decision: "approved" as const,
      data: {},
      decidedBy: "a@b.c",
      decidedAt: "2026-12-08T00:00:00.000Z",
    };
    expect(onTaskDecided(top, step, { kind: "decided", output })).toEqual([
      { kind: "succeed-step", at: top, step, output },
      { kind: "sync-waiting", runId: "r1" },
    ]);
  });

  it("fails its step once its due time passed", () => {
    expect(onTaskDecided(top, step, { kind: "expired" })[0]).toMatchObject({
      kind: "fail-step",
      error: { message: "Nobody decided the task by its due time.", code: "timeout" },
    });
  });
});
