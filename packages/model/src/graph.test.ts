import { describe, expect, it } from "vitest";
import { branch, chain, choice, end, fn, map, next, scenario, start } from "../test/fixtures.ts";
import {
  ancestors,
  descendants,
  findCycles,
  findNode,
  listNodes,
  predecessors,
  successors,
  topologicalOrder,
} from "./graph.ts";

// start → a → (b ‖ c) → join → end
const diamond = scenario(
  [start(), fn("a", "x"), fn("b", "x"), fn("c", "x"), fn("join", "x"), end()],
  [...chain("start", "a", "b", "join", "end"), ...chain("a", "c", "join")],
);

describe("graph helpers", () => {
  it("walks successors and predecessors, optionally by edge kind", () => {
    expect(successors(diamond, "a")).toEqual(["b", "c"]);
    expect(predecessors(diamond, "join")).toEqual(["b", "c"]);
    const routed = scenario(
      [start(), choice("route", [{ branch: "x", condition: "true" }], "y"), end()],
      [next("start", "route"), branch("route", "x", "end"), branch("route", "y", "end")],
    );
    expect(successors(routed, "route", ["next"])).toEqual([]);
    expect(successors(routed, "route", ["branch"])).toEqual(["end"]);
  });

  it("finds ancestors (what a step may read) and descendants (what a rework supersedes)", () => {
    expect([...ancestors(diamond, "join")].sort()).toEqual(["a", "b", "c", "start"]);
    expect([...ancestors(diamond, "b")].sort()).toEqual(["a", "start"]);
    expect([...descendants(diamond, "b")].sort()).toEqual(["end", "join"]);
  });

  it("orders nodes topologically and refuses cycles", () => {
    const order = topologicalOrder(diamond);
    for (const edge of diamond.edges) {
      expect(order.indexOf(edge.source)).toBeLessThan(order.indexOf(edge.target));
    }
    const looped = scenario(
      [start(), fn("a", "x"), fn("b", "x"), end()],
      chain("start", "a", "b", "a"),
    );
    expect(() => topologicalOrder(looped)).toThrow(/cycle through a, b/);
    expect(findCycles(looped)).toEqual([["a", "b"]]);
    expect(findCycles(scenario([fn("self", "x")], [next("self", "self")]))).toEqual([["self"]]);
    expect(findCycles(diamond)).toEqual([]);
  });

  it("copes with a long chain without deep recursion", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
    const long = scenario(
      ids.map((id) => fn(id, "x")),
      chain(...ids),
    );
    expect(findCycles(long)).toEqual([]);
    expect(topologicalOrder(long)).toHaveLength(20_000);
  });

  it("lists and finds nodes inside map bodies", () => {
    const withMap = scenario(
      [
        start(),
        map("each", { ref: "input.items" }, [start(undefined, "s"), end({}, "e")], chain("s", "e")),
        end(),
      ],
      chain("start", "each", "end"),
    );
    expect(listNodes(withMap).map((place) => place.node.id)).toEqual([
      "start",
      "each",
      "s",
      "e",
      "end",
    ]);
    expect(findNode(withMap, "e")?.map?.id).toBe("each");
    expect(findNode(withMap, "missing")).toBeUndefined();
  });
});
