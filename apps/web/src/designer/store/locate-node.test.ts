import { describe, expect, it } from "vitest";
import { everyKindScenario } from "../test/fixtures.ts";
import { locateNode } from "./locate-node.ts";

describe("locateNode", () => {
  it("finds top-level nodes, nodes in map bodies, and nothing else", () => {
    const scenario = everyKindScenario();
    expect(locateNode(scenario, "createUser")).toEqual([]);
    expect(locateNode(scenario, "bodyEnd")).toEqual(["each"]);
    expect(locateNode(scenario, "nope")).toBeUndefined();
  });
});
