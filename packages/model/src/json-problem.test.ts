import { describe, expect, it } from "vitest";
import { jsonProblem } from "./json-problem.ts";

describe("jsonProblem", () => {
  it("lets ordinary JSON through", () => {
    expect(
      jsonProblem({ a: [1, "two", { b: null }], "c d": true, ü: "日本" }, 64, "input"),
    ).toBeUndefined();
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

  it("names where half a surrogate pair is, and lets whole pairs through", () => {
    expect(jsonProblem({ name: "\udfff\ud800" }, 64, "input")).toBe(
      "input.name contains half of a UTF-16 surrogate pair (\\ud800–\\udfff), which is not Unicode text: remove it.",
    );
    expect(jsonProblem({ "a\ud800": 1 }, 64, "input")).toMatch(/ has half of a UTF-16/);
    expect(jsonProblem({ name: "😀 \ud83d\ude00" }, 64, "input")).toBeUndefined();
  });

  it("refuses a key named __proto__, which copying an object would turn into its prototype", () => {
    expect(jsonProblem(JSON.parse('{"a": {"__proto__": {"admin": true}}}'), 64, "input")).toBe(
      "input.a.__proto__ is named __proto__, which JavaScript gives a meaning of its own: rename it.",
    );
    expect(jsonProblem({ constructor: 1, prototype: 2 }, 64, "input")).toBeUndefined();
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
