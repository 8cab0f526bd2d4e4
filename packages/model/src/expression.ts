import jsonata from "jsonata";
import { BatonError } from "./errors.ts";
import type { TRunContext } from "./reference.ts";

type TExpression = ReturnType<typeof jsonata>;
type TParsed =
  | { readonly ok: true; readonly expression: TExpression }
  | { readonly ok: false; readonly message: string };

const parsed = new Map<string, TParsed>();
const MAX_CACHED = 2_000;

/** Parses a JSONata expression once; the answer says where a syntax error is. */
export const parseExpression = (text: string): TParsed => {
  let result = parsed.get(text);
  if (!result) {
    try {
      result = { ok: true, expression: jsonata(text) };
    } catch (error) {
      const { message, position } = error as { message?: string; position?: number };
      result = {
        ok: false,
        message: `${message ?? "it does not parse"}${position === undefined ? "" : ` (at character ${position})`}`,
      };
    }
    if (parsed.size >= MAX_CACHED) parsed.clear();
    parsed.set(text, result);
  }
  return result;
};

/** What an expression reads: step ids, and whether it reads steps in ways Baton cannot follow. */
export type TExpressionReads = {
  readonly steps: readonly { readonly nodeId: string; readonly what: "output" | "error" }[];
  readonly roots: ReadonlySet<"input" | "item" | "index">;
  readonly dynamic: boolean;
};

type TAstNode = { type?: string; value?: unknown; steps?: TAstNode[]; stages?: unknown[] };

const isNode = (value: unknown): value is TAstNode => typeof value === "object" && value !== null;

export const expressionReads = (expression: TExpression): TExpressionReads => {
  const steps = new Map<string, { nodeId: string; what: "output" | "error" }>();
  const roots = new Set<"input" | "item" | "index">();
  let dynamic = false;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!isNode(value)) return;
    if (value.type === "path" && Array.isArray(value.steps)) {
      const path = value.steps;
      const start =
        path[0]?.type === "variable" && (path[0].value === "" || path[0].value === "$") ? 1 : 0;
      const head = path[start];
      if (head?.type === "name") {
        if (head.value === "input" || head.value === "item" || head.value === "index")
          roots.add(head.value);
        if (head.value === "steps") {
          const id = path[start + 1];
          if (id?.type === "name" && typeof id.value === "string" && !head.stages) {
            const what = path[start + 2]?.value === "error" ? "error" : "output";
            steps.set(`${id.value}.${what}`, { nodeId: id.value, what });
          } else {
            dynamic = true;
          }
        }
      }
    }
    for (const child of Object.values(value)) visit(child);
  };
  visit(expression.ast());
  return { steps: [...steps.values()], roots, dynamic };
};

/** JSONata marks sequences and may return functions; keep plain JSON only. */
const toJson = (value: unknown): unknown =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value) ?? "null") as unknown);

/**
 * Evaluates an expression against `{ input, steps, item, index }`. Nothing matched gives
 * undefined, which leaves the mapped field out.
 */
export const evaluateExpression = async (text: string, context: TRunContext): Promise<unknown> => {
  const result = parseExpression(text);
  if (!result.ok) {
    throw new BatonError(
      "BAD_INPUT",
      `The expression "${text}" is not valid JSONata: ${result.message}.`,
    );
  }
  try {
    return toJson(await result.expression.evaluate(context));
  } catch (error) {
    throw new BatonError(
      "BAD_INPUT",
      `The expression "${text}" failed: ${(error as { message?: string }).message ?? String(error)}.`,
      undefined,
      { cause: error },
    );
  }
};
