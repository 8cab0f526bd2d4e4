import { describe, expect, it } from "vitest";
import { everyKindScenario } from "../test/fixtures.ts";
import { handlesInUse } from "./handles-in-use.ts";
import { toCanvas } from "./to-canvas.ts";

describe("handlesInUse", () => {
  it("lists each node's handles that edges attach to", () => {
    const used = handlesInUse(toCanvas(everyKindScenario()).edges);
    expect([...(used.get("createUser") ?? [])].sort()).toEqual(["error", "in", "next"]);
    expect([...(used.get("route") ?? [])].sort()).toEqual(["branch:other", "branch:vip", "in"]);
    expect([...(used.get("start") ?? [])]).toEqual(["next"]);
  });
});
