import { describe, expect, it } from "vitest";
import { isDrawableScenario, scenarioOfVersion } from "./run-scenario.ts";

const graph = {
  format: "baton.scenario/v1",
  nodes: [{ id: "start", kind: "start", label: "Start", position: { x: 0, y: 0 } }],
  edges: [{ id: "e", kind: "next", source: "start", target: "start" }],
};

describe("isDrawableScenario", () => {
  it("accepts a graph with placed, known nodes and wired edges", () => {
    expect(isDrawableScenario(graph)).toBe(true);
  });

  it("refuses what it could not draw", () => {
    expect(isDrawableScenario(null)).toBe(false);
    expect(isDrawableScenario({ nodes: [] })).toBe(false);
    expect(isDrawableScenario({ ...graph, nodes: [{ ...graph.nodes[0], kind: "teleport" }] })).toBe(
      false,
    );
    expect(
      isDrawableScenario({ ...graph, nodes: [{ ...graph.nodes[0], position: { x: "0" } }] }),
    ).toBe(false);
  });
});

describe("scenarioOfVersion", () => {
  it("reads each version once", () => {
    const first = scenarioOfVersion({ id: "v-1", definition: graph });
    expect(scenarioOfVersion({ id: "v-1", definition: { nodes: "changed" } })).toBe(first);
    expect(scenarioOfVersion({ id: "v-2", definition: {} })).toBeUndefined();
  });
});
