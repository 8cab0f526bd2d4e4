import { describe, expect, it } from "vitest";
import { jsonProblem } from "./json-problem.ts";

describe("jsonProblem", () => {
  it("lets ordinary JSON through", () => {
    expect(jsonProblem({ a: [1, "two", { b: null }], "c d": true }, 64, "input")).toBeUndefined();
    expect(jsonProblem("text", 64, "input")).toBeUndefined();
    expect(jsonProblem(undefined, 64, "input")).toBeUndefined();
  });

  it("names where a NUL character is, in a value or a key", () => {
    expect(jsonProblem({ items: [{ name: "a\u0000b" }] }, 64, "input")).toBe(
      "input.items[0].name contains a NUL character (\\u0000), which Baton cannot store: remove it.",
    );
    expect(jsonProblem({ "odd key": { "x\u0000": 1 } }, 64, "body")).toMatch(
      /^body\["odd key"\]\["x\\u0000"\] has a NUL character/,
    );
  });

  it("refuses nesting deeper than the limit, however deep", () => {
    const nested = (levels: number) => JSON.parse("[".repeat(levels) + "]".repeat(levels));
    expect(jsonProblem(nested(3), 3, "input")).toBeUndefined();
    expect(jsonProblem(nested(4), 3, "input")).toBe(
      "input nests arrays and objects more than 3 levels deep (at input[0][0][0]): flatten it, or raise BATON_MAX_JSON_DEPTH on the server.",
    );
    expect(jsonProblem(nested(100_000), 64, "input")).toMatch(
      /more than 64 levels deep \(at input\[0\]\[0\].*…\)/,
    );
  });
});
