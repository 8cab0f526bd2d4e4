import { z } from "zod";
import { isIsoDuration } from "./duration.ts";
import { ZJsonSchema } from "./json-schema.ts";
import { NODE_ID_PATTERN, parseReference } from "./reference.ts";

export const SCENARIO_FORMAT = "baton.scenario/v1";

export const ZNodeId = z
  .string()
  .regex(
    NODE_ID_PATTERN,
    "A node id is letters, digits and _, starting with a letter or _, so expressions can name it (steps.<id>.output)",
  );

export const ZReference = z.string().refine((text) => parseReference(text) !== undefined, {
  message:
    "A reference is input.<path>, steps.<nodeId>.output.<path>, steps.<nodeId>.error.<path>, item.<path> or index",
});

export const ZRefSource = z.strictObject({ ref: ZReference });
export const ZLiteralSource = z.strictObject({ literal: z.json() });
/** A JSONata expression; `schema` declares its result, which is then checked at run time. */
export const ZExprSource = z.strictObject({
  expr: z.string().min(1),
  schema: ZJsonSchema.optional(),
});
// Ordered by how often each kind appears, since a union tries its options in turn.
export const ZSource = z.union([ZRefSource, ZExprSource, ZLiteralSource], {
  error:
    'A source is { "ref": "<reference>" }, { "literal": <JSON> } or { "expr": "<JSONata>", "schema"?: <JSON Schema> }',
});

export const WHOLE_INPUT = "$";

const mappingProblem = (paths: readonly string[]): string | undefined => {
  if (paths.includes(WHOLE_INPUT) && paths.length > 1) {
    return `"${WHOLE_INPUT}" sets the whole input, so it cannot be combined with other fields`;
  }
  const all = new Set(paths);
  for (const path of paths) {
    if (path === WHOLE_INPUT) continue;
    const segments = path.split(".");
    if (segments.some((segment) => segment === "")) {
      return `"${path}" is not a field path; write field names separated by dots`;
    }
    for (let end = 1; end < segments.length; end++) {
      const prefix = segments.slice(0, end).join(".");
      if (all.has(prefix)) return `"${prefix}" and "${path}" both set ${prefix}; keep one`;
    }
  }
  return undefined;
};

/**
 * How a step's input is built: target field path (dotted, e.g. `address.city`) → where the
 * value comes from. The single key "$" sets the whole input at once.
 */
export const ZMapping = z.record(z.string(), ZSource).superRefine((mapping, ctx) => {
  const problem = mappingProblem(Object.keys(mapping));
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** Milliseconds, or an ISO-8601 duration without years and months (`PT15M`, `P2D`). */
export const ZDuration = z.union([
  z.number().int().min(0),
  z.string().refine(isIsoDuration, {
    message: "Write an ISO-8601 duration such as PT15M or P2D (years and months are not allowed)",
  }),
]);

/** How a provider classifies a failed call (`ProviderError.classification`). */
export const ZErrorClass = z.enum([
  "timeout",
  "throttled",
  "unavailable",
  "rejected_input",
  "function_error",
  "bad_output",
]);

const STATUS_RANGE = /^([1-5]\d\d)-([1-5]\d\d)$/;

/** An HTTP status a provider answered with (500), or an inclusive range of them ("500-599"). */
export type THttpStatusMatch = number | `${number}-${number}`;

const isStatusMatch = (value: unknown): value is THttpStatusMatch => {
  if (typeof value === "number") return Number.isInteger(value) && value >= 100 && value <= 599;
  const range = typeof value === "string" ? STATUS_RANGE.exec(value) : null;
  return range !== null && Number(range[1]) <= Number(range[2]);
};

/** What a step retries: error classes and, for functions called over HTTP, statuses. */
export const ZRetryOn = z.array(
  z.custom<z.infer<typeof ZErrorClass> | THttpStatusMatch>(
    (value) => ZErrorClass.safeParse(value).success || isStatusMatch(value),
    {
      error: `An entry of retryOn is an error class (${ZErrorClass.options.join(", ")}), an HTTP status from 100 to 599, or a range of them written "from-to" such as "500-599"`,
    },
  ),
);

export const ZRetryPolicy = z
  .strictObject({
    maxAttempts: z.number().int().min(1).max(100).optional(),
    initialIntervalMs: z.number().int().min(0).optional(),
    backoffRate: z.number().min(1).max(100).optional(),
    maxIntervalMs: z.number().int().min(0).optional(),
    jitter: z.boolean().optional(),
    /** Every kind of failure that is retried; left out, the ones worth another try. */
    retryOn: ZRetryOn.optional(),
  })
  .refine(
    (policy) =>
      policy.initialIntervalMs === undefined ||
      policy.maxIntervalMs === undefined ||
      policy.maxIntervalMs >= policy.initialIntervalMs,
    { message: "maxIntervalMs must be at least initialIntervalMs", path: ["maxIntervalMs"] },
  );

export const ZPosition = z.strictObject({ x: z.number(), y: z.number() });

const base = {
  id: ZNodeId,
  label: z.string(),
  description: z.string().optional(),
  position: ZPosition,
};

export const ZStartNode = z.strictObject({
  ...base,
  kind: z.literal("start"),
  /** The scenario's input; inside a map body, an optional contract for the item. */
  inputSchema: ZJsonSchema.optional(),
});

export const ZEndNode = z.strictObject({
  ...base,
  kind: z.literal("end"),
  output: ZMapping.optional(),
  /** A declared contract for the output; the mapping must fit it. */
  outputSchema: ZJsonSchema.optional(),
});

export const ZFunctionNode = z.strictObject({
  ...base,
  kind: z.literal("function"),
  /** Catalog ref such as `examples/CreateUser`; a draft may leave it out until one is picked. */
  function: z.string().min(1).optional(),
  input: ZMapping.optional(),
  retry: ZRetryPolicy.optional(),
  timeoutMs: z.number().int().min(1).optional(),
});

export const ZRole = z.enum(["admin", "designer", "operator", "approver", "viewer"]);
export const ZAssignees = z.strictObject({
  roles: z.array(ZRole),
  users: z.array(z.string().min(1)),
});

export const ZManualNode = z.strictObject({
  ...base,
  kind: z.literal("manual"),
  title: z.string().min(1),
  /** Markdown shown above the form. */
  instructions: z.string().optional(),
  /** JSON Schema of what the person fills in; no form means approve or reject only. */
  form: ZJsonSchema.optional(),
  assignees: ZAssignees,
  due: ZDuration.optional(),
  /** What the person sees while deciding. */
  input: ZMapping.optional(),
});

export const ZBranchName = z.string().min(1);

export const ZComparisonOp = z.enum([
  "eq",
  "ne",
  "lt",
  "lte",
  "gt",
  "gte",
  "in",
  "exists",
  "notExists",
]);

export const ZComparison = z
  .strictObject({ ref: ZReference, op: ZComparisonOp, value: z.json().optional() })
  .refine((c) => (c.op === "exists" || c.op === "notExists") === (c.value === undefined), {
    message: "exists and notExists take no value; every other operator needs one",
    path: ["value"],
  })
  .refine((c) => c.op !== "in" || Array.isArray(c.value), {
    message: "in needs a list of values",
    path: ["value"],
  });

/** A JSONata expression (true when its result is truthy) or a structured comparison. */
export const ZCondition = z.union([z.string().min(1), ZComparison]);

export const ZChoiceRule = z.strictObject({ branch: ZBranchName, condition: ZCondition });

export const ZChoiceNode = z.strictObject({
  ...base,
  kind: z.literal("choice"),
  /** Tried in order; the first rule that holds picks its branch. */
  rules: z.array(ZChoiceRule),
  default: ZBranchName.optional(),
});

export const ZWaitNode = z
  .strictObject({
    ...base,
    kind: z.literal("wait"),
    duration: ZDuration.optional(),
    /** An ISO-8601 date-time to wait until. */
    until: ZSource.optional(),
  })
  .refine((wait) => (wait.duration === undefined) !== (wait.until === undefined), {
    message: "A wait has either a duration or an until, not both",
  });

export const ZScenarioRef = z.strictObject({
  slug: z.string().min(1),
  version: z.number().int().min(1),
});

export const ZSubscenarioNode = z.strictObject({
  ...base,
  kind: z.literal("subscenario"),
  scenario: ZScenarioRef,
  input: ZMapping.optional(),
});

const edgeBase = { id: z.string().min(1), source: z.string(), target: z.string() };

export const ZEdge = z.discriminatedUnion("kind", [
  z.strictObject({ ...edgeBase, kind: z.literal("next") }),
  z.strictObject({ ...edgeBase, kind: z.literal("error") }),
  z.strictObject({ ...edgeBase, kind: z.literal("branch"), branch: ZBranchName }),
]);

export const ZMapNode = z.strictObject({
  ...base,
  kind: z.literal("map"),
  /** The list to iterate: a reference, an expression or a literal list. */
  items: ZSource,
  /** How many items run at once; the engine's default when left out. */
  concurrency: z.number().int().min(1).optional(),
  /** A nested graph with its own start and end, run once per item. */
  get body() {
    return ZGraph;
  },
});

export const ZNode = z.discriminatedUnion("kind", [
  ZStartNode,
  ZEndNode,
  ZFunctionNode,
  ZManualNode,
  ZChoiceNode,
  ZMapNode,
  ZWaitNode,
  ZSubscenarioNode,
]);

export const ZGraph = z.strictObject({
  get nodes() {
    return z.array(ZNode);
  },
  edges: z.array(ZEdge),
});

export const ZScenario = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A slug is lowercase words joined by dashes"),
  name: z.string().min(1),
  description: z.string().optional(),
  version: z.number().int().min(1).optional(),
  nodes: z.array(ZNode),
  edges: z.array(ZEdge),
});

export type TSource = z.infer<typeof ZSource>;
export type TRefSource = z.infer<typeof ZRefSource>;
export type TLiteralSource = z.infer<typeof ZLiteralSource>;
export type TExprSource = z.infer<typeof ZExprSource>;
export type TMapping = z.infer<typeof ZMapping>;
export type TDuration = z.infer<typeof ZDuration>;
export type TRetryPolicy = z.infer<typeof ZRetryPolicy>;
export type TErrorClass = z.infer<typeof ZErrorClass>;
export type TRetryOn = z.infer<typeof ZRetryOn>;
export type TPosition = z.infer<typeof ZPosition>;
export type TRole = z.infer<typeof ZRole>;
export type TAssignees = z.infer<typeof ZAssignees>;
export type TComparison = z.infer<typeof ZComparison>;
export type TComparisonOp = z.infer<typeof ZComparisonOp>;
export type TCondition = z.infer<typeof ZCondition>;
export type TChoiceRule = z.infer<typeof ZChoiceRule>;
export type TScenarioRef = z.infer<typeof ZScenarioRef>;
export type TStartNode = z.infer<typeof ZStartNode>;
export type TEndNode = z.infer<typeof ZEndNode>;
export type TFunctionNode = z.infer<typeof ZFunctionNode>;
export type TManualNode = z.infer<typeof ZManualNode>;
export type TChoiceNode = z.infer<typeof ZChoiceNode>;
export type TMapNode = z.infer<typeof ZMapNode>;
export type TWaitNode = z.infer<typeof ZWaitNode>;
export type TSubscenarioNode = z.infer<typeof ZSubscenarioNode>;
export type TNode = z.infer<typeof ZNode>;
export type TNodeKind = TNode["kind"];
export type TEdge = z.infer<typeof ZEdge>;
export type TEdgeKind = TEdge["kind"];
export type TGraph = z.infer<typeof ZGraph>;
export type TScenario = z.infer<typeof ZScenario>;
