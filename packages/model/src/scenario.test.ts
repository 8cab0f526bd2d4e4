import { describe, expect, it } from "vitest";
import { end, fn, ref, scenario, start } from "../test/fixtures.ts";
import { parseScenario } from "./check/check-scenario.ts";
import { ZMapping, ZNode, ZScenario } from "./scenario.ts";

const problems = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("scenario format", () => {
  it("parses a well-formed scenario", () => {
    const raw = scenario(
      [
        start({ type: "object" }),
        fn("a", "examples/CreateUser", { email: ref("input.email") }),
        end(),
      ],
      [],
    );
    expect(parseScenario(raw)).toEqual(raw);
  });

  it("wants node ids that expressions can name", () => {
    expect(problems(ZNode.safeParse({ ...fn("create-user", "x"), id: "create-user" }))).toEqual([
      "A node id is letters, digits and _, starting with a letter or _, so expressions can name it (steps.<id>.output)",
    ]);
  });

  it("checks mappings: references, whole-input and overlapping paths", () => {
    expect(ZMapping.safeParse({ a: { ref: "output.x" } }).success).toBe(false);
    expect(problems(ZMapping.safeParse({ $: { ref: "input" }, a: { literal: 1 } }))).toEqual([
      '"$" sets the whole input, so it cannot be combined with other fields',
    ]);
    expect(problems(ZMapping.safeParse({ a: { literal: {} }, "a.b": { literal: 1 } }))).toEqual([
      '"a" and "a.b" both set a; keep one',
    ]);
    expect(
      ZMapping.safeParse({ "a.b": { expr: "1 + 1", schema: { type: "integer" } } }).success,
    ).toBe(true);
  });

  it("checks node details", () => {
    const base = { id: "w", label: "Wait", position: { x: 0, y: 0 } };
    expect(ZNode.safeParse({ ...base, kind: "wait", duration: "PT1H" }).success).toBe(true);
    expect(
      problems(
        ZNode.safeParse({ ...base, kind: "wait", duration: "PT1H", until: { ref: "input.at" } }),
      ),
    ).toEqual(["A wait has either a duration or an until, not both"]);
    expect(ZNode.safeParse({ ...base, kind: "wait", duration: "P1M" }).success).toBe(false);
    const rule = { branch: "big", condition: { ref: "input.amount", op: "gt" } };
    expect(problems(ZNode.safeParse({ ...base, kind: "choice", rules: [rule] }))).toEqual([
      "exists and notExists take no value; every other operator needs one",
    ]);
    expect(
      problems(
        ZNode.safeParse({
          ...fn("f", "x"),
          retry: { initialIntervalMs: 5000, maxIntervalMs: 1000 },
        }),
      ),
    ).toEqual(["maxIntervalMs must be at least initialIntervalMs"]);
  });

  it("parses map bodies recursively", () => {
    const body = {
      nodes: [start(undefined, "s"), end({}, "e")],
      edges: [{ id: "b1", kind: "next", source: "s", target: "e" }],
    };
    const node = {
      id: "each",
      kind: "map",
      label: "Each",
      position: { x: 0, y: 0 },
      items: { ref: "input.list" },
      body,
    };
    expect(ZScenario.safeParse(scenario([start(), node as never, end()], [])).success).toBe(true);
  });

  it("throws a BatonError listing every problem", () => {
    expect(() => parseScenario({ format: "baton.scenario/v0" })).toThrow(/format: Invalid input/);
  });
});
