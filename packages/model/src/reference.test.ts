import { describe, expect, it } from "vitest";
import { expressionReads, parseExpression } from "./expression.ts";
import { formatReference, parseReference, resolveReference } from "./reference.ts";

describe("references", () => {
  it("parses and formats each kind", () => {
    expect(parseReference("input.user.email")).toEqual({ root: "input", path: ["user", "email"] });
    expect(parseReference("steps.createUser.output.id")).toEqual({
      root: "output",
      nodeId: "createUser",
      path: ["id"],
    });
    expect(parseReference("steps.ship.error")).toEqual({ root: "error", nodeId: "ship", path: [] });
    expect(parseReference("item.sku")).toEqual({ root: "item", path: ["sku"] });
    for (const bad of [
      "",
      "steps.x",
      "steps.x.result",
      "output.x",
      "input..a",
      "steps.1x.output",
    ]) {
      expect(parseReference(bad)).toBeUndefined();
    }
    expect(formatReference({ root: "output", nodeId: "a", path: ["b", "0"] })).toBe(
      "steps.a.output.b.0",
    );
  });

  it("resolves against run data, missing parts giving undefined", () => {
    const context = {
      input: { lines: [{ sku: "MUG-001" }] },
      steps: { a: { output: { n: 0 } } },
      item: { sku: "X" },
      index: 2,
    };
    expect(resolveReference("input.lines.0.sku", context)).toBe("MUG-001");
    expect(resolveReference("input.lines.sku", context)).toBeUndefined();
    expect(resolveReference("steps.a.output.n", context)).toBe(0);
    expect(resolveReference("steps.constructor.output", context)).toBeUndefined();
    expect(resolveReference("item.sku", context)).toBe("X");
    expect(resolveReference("index", context)).toBe(2);
  });
});

describe("expression reads", () => {
  const reads = (text: string) => {
    const parsed = parseExpression(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return expressionReads(parsed.expression);
  };

  it("finds the steps and roots an expression reads", () => {
    const found = reads(
      "$.steps.a.output.x > 5 and $count(steps.b.error.message) and input.y and item",
    );
    expect(found.steps).toEqual([
      { nodeId: "a", what: "output" },
      { nodeId: "b", what: "error" },
    ]);
    expect([...found.roots].sort()).toEqual(["input", "item"]);
    expect(found.dynamic).toBe(false);
  });

  it("notices reads it cannot follow", () => {
    expect(reads("$lookup(steps, 'a')").dynamic).toBe(true);
    expect(reads("steps[0]").dynamic).toBe(true);
  });

  it("explains syntax errors with a position", () => {
    expect(parseExpression("foo((")).toEqual({
      ok: false,
      message: 'Expected ")" before end of expression (at character 5)',
    });
  });
});
