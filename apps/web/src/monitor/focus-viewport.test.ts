import type { TScenario } from "@baton/model";
import { describe, expect, it } from "vitest";
import { focusViewport } from "./focus-viewport.ts";
import { nodeStates } from "./node-states.ts";
import { runDetail, stepRun, T0 } from "./test-fixtures.ts";

const scenario: Pick<TScenario, "nodes"> = {
  nodes: [
    { id: "start", kind: "start", label: "Start", position: { x: 0, y: 0 } },
    { id: "a", kind: "function", label: "A", position: { x: 1000, y: 100 } },
    { id: "b", kind: "function", label: "B", position: { x: 2000, y: 200 } },
  ],
};
const ids = ["start", "a", "b"];

describe("focusViewport", () => {
  it("opens on a failed step before a running one, and on the start when all is quiet", () => {
    const failing = runDetail([
      stepRun("a", { status: "running" }),
      stepRun("b", { status: "failed" }),
    ]);
    expect(focusViewport(scenario, nodeStates(failing, ids, T0), 1)).toEqual({
      x: 120 - 2000,
      y: 280 - 200,
      zoom: 1,
    });
    const running = runDetail([stepRun("a", { status: "running" })]);
    expect(focusViewport(scenario, nodeStates(running, ids, T0), 0.5)).toMatchObject({
      x: 120 - 500,
    });
    expect(focusViewport(scenario, nodeStates(runDetail([]), ids, T0), 1)).toMatchObject({
      x: 120,
    });
  });
});
