import type { TCatalog } from "../src/catalog.ts";
import type { TJsonSchema } from "../src/json-schema.ts";
import type {
  TChoiceRule,
  TEdge,
  TEndNode,
  TFunctionNode,
  TManualNode,
  TMapNode,
  TMapping,
  TNode,
  TScenario,
  TSource,
  TStartNode,
  TWaitNode,
} from "../src/scenario.ts";

/** Builders that make a test's scenario read as its story, one line per node or edge. */
let column = 0;
const place = () => {
  column += 200;
  return { position: { x: column, y: 0 } };
};

export const start = (inputSchema?: TJsonSchema, id = "start"): TStartNode => ({
  id,
  kind: "start",
  label: "Start",
  ...place(),
  ...(inputSchema === undefined ? {} : { inputSchema }),
});

export const end = (output?: TMapping, id = "end"): TEndNode => ({
  id,
  kind: "end",
  label: "End",
  ...place(),
  ...(output ? { output } : {}),
});

export const fn = (id: string, ref: string | undefined, input?: TMapping): TFunctionNode => ({
  id,
  kind: "function",
  label: id,
  ...place(),
  ...(ref === undefined ? {} : { function: ref }),
  ...(input ? { input } : {}),
});

export const manual = (id: string, extra: Partial<TManualNode> = {}): TManualNode => ({
  id,
  kind: "manual",
  label: id,
  ...place(),
  title: `Decide ${id}`,
  assignees: { roles: ["approver"], users: [] },
  ...extra,
});

export const choice = (id: string, rules: TChoiceRule[], defaultBranch?: string): TNode => ({
  id,
  kind: "choice",
  label: id,
  ...place(),
  rules,
  ...(defaultBranch === undefined ? {} : { default: defaultBranch }),
});

export const wait = (id: string, timing: Pick<TWaitNode, "duration" | "until">): TWaitNode => ({
  id,
  kind: "wait",
  label: id,
  ...place(),
  ...timing,
});

export const map = (id: string, items: TSource, nodes: TNode[], edges: TEdge[]): TMapNode => ({
  id,
  kind: "map",
  label: id,
  ...place(),
  items,
  body: { nodes, edges },
});

let edgeCount = 0;
export const next = (source: string, target: string): TEdge => ({
  id: `e${++edgeCount}`,
  kind: "next",
  source,
  target,
});
export const onError = (source: string, target: string): TEdge => ({
  id: `e${++edgeCount}`,
  kind: "error",
  source,
  target,
});
export const branch = (source: string, name: string, target: string): TEdge => ({
  id: `e${++edgeCount}`,
  kind: "branch",
  branch: name,
  source,
  target,
});

/** Edges along a path: chain("a", "b", "c") is a → b → c. */
export const chain = (...ids: string[]): TEdge[] =>
  ids.slice(1).map((id, i) => next(ids[i] as string, id));

export const scenario = (nodes: TNode[], edges: TEdge[]): TScenario => ({
  format: "baton.scenario/v1",
  slug: "test",
  name: "Test",
  nodes,
  edges,
});

export const ref = (path: string): TSource => ({ ref: path });
export const literal = (value: unknown): TSource => ({ literal: value as never });
export const expr = (text: string, schema?: TJsonSchema): TSource =>
  schema === undefined ? { expr: text } : { expr: text, schema };

const entry = (name: string, inputSchema: TJsonSchema, outputSchema: TJsonSchema) => ({
  ref: `test/${name}`,
  name,
  inputSchema,
  outputSchema,
});

/** A small catalog: a user source, an email check, a notifier and a list producer. */
export const catalog: TCatalog = {
  "test/GetUser": entry(
    "GetUser",
    { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
    {
      type: "object",
      properties: {
        id: { type: "string" },
        name: { type: "string" },
        email: { type: ["string", "null"], format: "email" },
        age: { type: "integer", minimum: 0 },
        tags: { type: "array", items: { type: "string" } },
      },
      required: ["id", "name", "email"],
      additionalProperties: false,
    },
  ),
  "test/SendEmail": entry(
    "SendEmail",
    {
      type: "object",
      properties: {
        recipient: { type: "string", format: "email" },
        subject: { type: "string", maxLength: 80 },
      },
      required: ["recipient"],
      additionalProperties: false,
    },
    { type: "object", properties: { sent: { type: "boolean" } }, required: ["sent"] },
  ),
  "test/Count": entry(
    "Count",
    { type: "object", properties: { tag: { type: "string" } }, required: ["tag"] },
    { type: "object", properties: { count: { type: "integer", minimum: 0 } }, required: ["count"] },
  ),
  "test/Label": entry(
    "Label",
    {
      type: "object",
      properties: { tags: { type: "array", items: { type: "string" }, uniqueItems: true } },
      required: ["tags"],
      additionalProperties: false,
    },
    { type: "object", properties: { labelled: { type: "integer" } }, required: ["labelled"] },
  ),
  "test/Anything": entry("Anything", true, true),
};

export const USER_INPUT = {
  type: "object",
  properties: { userId: { type: "string" }, note: { type: "string" } },
  required: ["userId"],
  additionalProperties: false,
} as const;
