import type { TChoiceNode, TCondition } from "@baton/model";

/** A choice's branch names: its rules' in order, then the default, each once. */
export const branchesOf = (choice: Pick<TChoiceNode, "rules" | "default">): string[] => [
  ...new Set([...choice.rules.map((r) => r.branch), ...(choice.default ? [choice.default] : [])]),
];

const OPS: Record<string, string> = {
  eq: "=",
  ne: "≠",
  lt: "<",
  lte: "≤",
  gt: ">",
  gte: "≥",
  in: "in",
  exists: "exists",
  notExists: "missing",
};

export const conditionSummary = (condition: TCondition): string => {
  if (typeof condition === "string") return condition;
  const value = condition.value === undefined ? "" : ` ${JSON.stringify(condition.value)}`;
  return `${condition.ref} ${OPS[condition.op] ?? condition.op}${value}`;
};
