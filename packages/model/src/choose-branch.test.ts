import { describe, expect, it } from "vitest";
import { chooseBranch, evaluateCondition } from "./choose-branch.ts";
import { evaluateExpression } from "./expression.ts";
import type { TRunContext } from "./reference.ts";
import type { TChoiceNode } from "./scenario.ts";

const context: TRunContext = {
  input: { amount: 600, currency: "EUR", tags: [] },
  steps: { approve: { output: { decision: "approved" } } },
};

const choice = (rules: TChoiceNode["rules"], fallback?: string): TChoiceNode => ({
  id: "route",
  kind: "choice",
  label: "Route",
  position: { x: 0, y: 0 },
  rules,
  ...(fallback ? { default: fallback } : {}),
});

describe("conditions", () => {
  it("evaluates structured comparisons", async () => {
    const holds = (condition: Parameters<typeof evaluateCondition>[0]) =>
      evaluateCondition(condition, context, evaluateExpression);
    expect(await holds({ ref: "input.amount", op: "gte", value: 500 })).toBe(true);
    expect(await holds({ ref: "input.amount", op: "lt", value: 500 })).toBe(false);
    expect(await holds({ ref: "input.currency", op: "in", value: ["EUR", "USD"] })).toBe(true);
    expect(await holds({ ref: "input.currency", op: "gt", value: 5 })).toBe(false);
    expect(await holds({ ref: "steps.approve.output.decision", op: "eq", value: "approved" })).toBe(
      true,
    );
    expect(await holds({ ref: "input.missing", op: "notExists" })).toBe(true);
    expect(await holds({ ref: "input.tags", op: "exists" })).toBe(true);
  });

  it("evaluates JSONata conditions by JSONata's truth", async () => {
    expect(
      await evaluateCondition(
        "input.amount > 500 and input.currency = 'EUR'",
        context,
        evaluateExpression,
      ),
    ).toBe(true);
    expect(await evaluateCondition("input.tags", context, evaluateExpression)).toBe(false);
    expect(await evaluateCondition("input.nothing", context, evaluateExpression)).toBe(false);
  });

  it("takes the first rule that holds, else the default", async () => {
    const rules: TChoiceNode["rules"] = [
      { branch: "small", condition: { ref: "input.amount", op: "lt", value: 100 } },
      { branch: "large", condition: "input.amount >= 500" },
      { branch: "also-large", condition: "true" },
    ];
    expect(await chooseBranch(choice(rules, "other"), context, evaluateExpression)).toBe("large");
    expect(
      await chooseBranch(
        choice([rules[0] as TChoiceNode["rules"][number]], "other"),
        context,
        evaluateExpression,
      ),
    ).toBe("other");
    await expect(chooseBranch(choice([]), context, evaluateExpression)).rejects.toThrow(
      /no default branch/,
    );
  });
});
