import { checkScenario, type TScenario } from "@baton/model";
import { describe, expect, it } from "vitest";
import { singleStepScenario, stepToTest } from "./single-step-scenario.ts";

const at = { x: 0, y: 0 };
const takes = { type: "object", properties: { n: { type: "integer" } }, required: ["n"] };
const catalog = {
  "t/Add": { ref: "t/Add", name: "Add", inputSchema: takes, outputSchema: takes },
};

const draft: TScenario = {
  format: "baton.scenario/v1",
  slug: "adding",
  name: "Adding",
  nodes: [
    { id: "start", kind: "start", label: "Start", position: at, inputSchema: takes },
    { id: "wait", kind: "wait", label: "Pause", position: at, duration: 10 },
    {
      id: "input",
      kind: "function",
      label: "Add",
      position: at,
      function: "t/Add",
      input: { n: { ref: "steps.wait.output.n" } },
      retry: { maxAttempts: 5 },
      timeoutMs: 2_000,
    },
    { id: "unset", kind: "function", label: "Unset", position: at },
    { id: "end", kind: "end", label: "End", position: at },
  ],
  edges: [
    { id: "a", kind: "next", source: "start", target: "wait" },
    { id: "b", kind: "next", source: "wait", target: "input" },
    { id: "c", kind: "next", source: "input", target: "unset" },
    { id: "d", kind: "next", source: "unset", target: "end" },
  ],
};

describe("singleStepScenario", () => {
  it("runs the step alone: the run's input is its input, its output the run's output", () => {
    const alone = singleStepScenario(draft, stepToTest(draft, "input"), takes);
    expect(alone.nodes).toEqual([
      expect.objectContaining({ id: "input_", kind: "start", inputSchema: takes }),
      // the mapping read steps that do not run here; the policy and timeout stay
      expect.objectContaining({
        id: "input",
        function: "t/Add",
        retry: { maxAttempts: 5 },
        timeoutMs: 2_000,
      }),
      expect.objectContaining({
        id: "output",
        kind: "end",
        output: { $: { ref: "steps.input.output" } },
      }),
    ]);
    expect(alone.nodes[1]).not.toHaveProperty("input");
    expect(checkScenario(alone, catalog).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("refuses what cannot run alone, saying why", () => {
    expect(() => stepToTest(draft, "nope")).toThrow(/The draft has no step "nope"/);
    expect(() => stepToTest(draft, "wait")).toThrow(
      /"Pause" is a wait step; only a function step runs alone/,
    );
    expect(() => stepToTest(draft, "unset")).toThrow(/"Unset" calls no function yet/);
  });
});
