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

type TCallNode = TAstNode & {
  lhs?: TCallNode;
  rhs?: TCallNode;
  body?: TCallNode;
  thunk?: boolean;
  procedure?: TAstNode;
  arguments?: TAstNode[];
  expressions?: TAstNode[];
  expression?: TAstNode;
};

/** Operators that always evaluate both sides: `and`/`or` may stop early, so they are left out. */
const STRICT_BINARY = new Set([
  "+",
  "-",
  "*",
  "/",
  "%",
  "&",
  "=",
  "!=",
  "<",
  "<=",
  ">",
  ">=",
  "in",
]);

/**
 * The parts of a node that are evaluated whenever the node is: conditions, short-circuit
 * operators, paths, filters and the bodies of functions passed on may never evaluate theirs,
 * so a call found only through those is not certain to happen.
 */
const alwaysEvaluated = (node: TCallNode): TAstNode[] => {
  switch (node.type) {
    case "block":
      return node.expressions ?? [];
    case "bind":
      return node.rhs ? [node.rhs] : [];
    case "function":
    case "partial":
      return [...(node.procedure ? [node.procedure] : []), ...(node.arguments ?? [])];
    case "binary":
      return STRICT_BINARY.has(String(node.value)) ? [node.lhs, node.rhs].filter(isNode) : [];
    case "unary":
      return node.expression ? [node.expression] : [];
    case "lambda":
      return node.thunk && node.body ? [node.body] : [];
    default:
      return [];
  }
};

const callsAlways = (node: TAstNode, name: string): boolean => {
  const call = node as TCallNode;
  if (
    (call.type === "function" || call.type === "partial") &&
    call.procedure?.type === "variable" &&
    call.procedure.value === name
  ) {
    return true;
  }
  return alwaysEvaluated(call).some((child) => callsAlways(child, name));
};

/**
 * The functions an expression defines (`$f := function(…) { … }`) that call themselves
 * whatever their arguments: such a recursion never ends. A recursion behind a condition
 * may end, and is not reported.
 */
export const unboundedRecursion = (expression: TExpression): string[] => {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!isNode(value)) return;
    const node = value as TCallNode;
    if (
      node.type === "bind" &&
      node.lhs?.type === "variable" &&
      typeof node.lhs.value === "string" &&
      node.rhs?.type === "lambda" &&
      node.rhs.body &&
      callsAlways(node.rhs.body, node.lhs.value)
    ) {
      found.add(node.lhs.value);
    }
    for (const child of Object.values(value)) visit(child);
  };
  visit(expression.ast());
  return [...found];
};

/**
 * Evaluates an expression against a run's context. Baton's engine evaluates in a sandbox
 * bounded in time and memory; the same signature lets pure code take either.
 */
export type TEvaluateExpression = (text: string, context: TRunContext) => Promise<unknown>;

export const expressionFailed = (text: string, message: string, cause?: unknown): BatonError =>
  new BatonError("BAD_INPUT", `The expression "${text}" failed: ${message}.`, undefined, {
    cause,
  });

/** Functions (JavaScript's, or JSONata lambdas, which hold their closure) are not data. */
const withoutFunctions = (_key: string, value: unknown): unknown =>
  typeof value === "function" ||
  (typeof value === "object" && value !== null && "_jsonata_lambda" in value)
    ? undefined
    : value;

/**
 * Evaluates an expression against `{ input, steps, item, index }` and returns its result
 * as JSON text; nothing matched gives undefined, which leaves a mapped field out. JSONata
 * marks sequences and may return functions, so only the JSON of the result is kept.
 */
export const evaluateToJson = async (
  text: string,
  context: TRunContext,
): Promise<string | undefined> => {
  const result = parseExpression(text);
  if (!result.ok) {
    throw new BatonError(
      "BAD_INPUT",
      `The expression "${text}" is not valid JSONata: ${result.message}.`,
    );
  }
  let value: unknown;
  try {
    value = await result.expression.evaluate(context);
  } catch (error) {
    throw expressionFailed(text, (error as { message?: string }).message ?? String(error), error);
  }
  if (value === undefined) return undefined;
  try {
    return JSON.stringify(value, withoutFunctions) ?? "null";
  } catch (error) {
    throw expressionFailed(text, `its result is not JSON (${(error as Error).message})`, error);
  }
};

/**
 * Evaluates on the calling thread, with no bound on time or memory: for code that runs
 * what its own user wrote (the browser, tests). The engine runs expressions in its sandbox.
 */
export const evaluateExpression: TEvaluateExpression = async (text, context) => {
  const json = await evaluateToJson(text, context);
  return json === undefined ? undefined : (JSON.parse(json) as unknown);
};
