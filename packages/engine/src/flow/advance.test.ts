import type { TEdge } from "@baton/model";
import { describe, expect, it } from "vitest";
import { advance, type TFlowGraph, type TNodeState } from "./advance.ts";

const graphOf = (edges: TEdge[]): TFlowGraph => ({
  outgoing: (id) => edges.filter((e) => e.source === id),
  incoming: (id) => edges.filter((e) => e.target === id),
});
const next = (source: string, target: string): TEdge => ({
  id: `${source}-${target}`,
  kind: "next",
  source,
  target,
});
const branch = (source: string, target: string, name: string): TEdge => ({
  id: `${source}-${name}`,
  kind: "branch",
  source,
  target,
  branch: name,
});
const error = (source: string, target: string): TEdge => ({
  id: `${source}!${target}`,
  kind: "error",
  source,
  target,
});
const states = (entries: [string, TNodeState][]) => new Map(entries);

describe("advance", () => {
  it("schedules the next node of a chain", () => {
    const g = graphOf([next("a", "b"), next("b", "c")]);
    expect(advance(g, states([]), "a", { kind: "succeeded" })).toEqual({
      schedule: ["b"],
      skip: [],
    });
  });

  it("fans out to parallel branches", () => {
    const g = graphOf([next("a", "b"), next("a", "c")]);
    expect(advance(g, states([]), "a", { kind: "succeeded" }).schedule).toEqual(["b", "c"]);
  });

  it("makes a join wait for every branch, then runs it once", () => {
    const g = graphOf([next("a", "b"), next("a", "c"), next("b", "j"), next("c", "j")]);
    const first = advance(
      g,
      states([
        ["a", { kind: "succeeded" }],
        ["c", { kind: "active" }],
      ]),
      "b",
      {
        kind: "succeeded",
      },
    );
    expect(first.schedule).toEqual([]);
    const second = advance(
      g,
      states([
        ["a", { kind: "succeeded" }],
        ["b", { kind: "succeeded" }],
      ]),
      "c",
      {
        kind: "succeeded",
      },
    );
    expect(second.schedule).toEqual(["j"]);
  });

  it("follows only the branch a choice picked and skips the others down to the join", () => {
    const g = graphOf([
      branch("choice", "big", "big"),
      branch("choice", "small", "small"),
      next("small", "small2"),
      next("big", "join"),
      next("small2", "join"),
    ]);
    const picked = advance(g, states([]), "choice", { kind: "succeeded", branch: "big" });
    expect(picked).toEqual({ schedule: ["big"], skip: ["small", "small2"] });
    const joined = advance(
      g,
      states([
        ["choice", { kind: "succeeded", branch: "big" }],
        ["small", { kind: "skipped" }],
        ["small2", { kind: "skipped" }],
      ]),
      "big",
      { kind: "succeeded" },
    );
    expect(joined.schedule).toEqual(["join"]);
  });

  it("takes the error edge of a failed step and skips its normal path", () => {
    const g = graphOf([next("ship", "end"), error("ship", "refund"), next("refund", "end2")]);
    expect(advance(g, states([]), "ship", { kind: "failed" })).toEqual({
      schedule: ["refund"],
      skip: ["end"],
    });
  });

  it("does not take the error edge of a step that succeeded", () => {
    const g = graphOf([next("ship", "end"), error("ship", "refund")]);
    expect(advance(g, states([]), "ship", { kind: "succeeded" })).toEqual({
      schedule: ["end"],
      skip: ["refund"],
    });
  });

  it("never schedules a node that already has a state", () => {
    const g = graphOf([next("a", "b")]);
    expect(
      advance(g, states([["b", { kind: "active" }]]), "a", { kind: "succeeded" }).schedule,
    ).toEqual([]);
  });
});
