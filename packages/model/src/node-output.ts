import type { TJsonSchema } from "./json-schema.ts";
import { materialize } from "./schema/materialize.ts";
import { schemaNode, type TSchemaNode } from "./schema/node.ts";

/**
 * What the engine records as a failed step's error, readable downstream of an error
 * edge as `steps.<id>.error`.
 */
export const STEP_ERROR_SCHEMA = {
  type: "object",
  properties: {
    message: { type: "string" },
    code: { type: "string" },
    nodeId: { type: "string" },
    attempts: { type: "integer", minimum: 1 },
    details: true,
  },
  required: ["message", "nodeId", "attempts"],
  additionalProperties: false,
} as const satisfies TJsonSchema;

export type TStepError = {
  message: string;
  code?: string;
  nodeId: string;
  attempts: number;
  details?: unknown;
};

/** The form of a manual step that has none: approve or reject, nothing to fill in. */
export const EMPTY_FORM = { type: "object", properties: {}, additionalProperties: false } as const;

export const DECISIONS = ["approved", "rejected"] as const;
export type TDecision = (typeof DECISIONS)[number];

/** A manual step's output: the decision, the form data, who decided and when. */
export type TManualOutput = {
  decision: TDecision;
  data: unknown;
  decidedBy: string;
  decidedAt: string;
  comment?: string;
};

const MANUAL_FIELDS = {
  decision: schemaNode({ enum: [...DECISIONS] }),
  decidedBy: schemaNode({ type: "string", minLength: 1 }),
  decidedAt: schemaNode({ type: "string", format: "date-time" }),
  comment: schemaNode({ type: "string" }),
};

/** The output of a manual step whose form data has the schema `data`. */
export const manualOutputNode = (data: TSchemaNode): TSchemaNode => ({
  kind: "object",
  closed: true,
  fields: new Map([
    ["decision", { node: MANUAL_FIELDS.decision, required: true }],
    ["data", { node: data, required: true }],
    ["decidedBy", { node: MANUAL_FIELDS.decidedBy, required: true }],
    ["decidedAt", { node: MANUAL_FIELDS.decidedAt, required: true }],
    ["comment", { node: MANUAL_FIELDS.comment, required: false }],
  ]),
});

export const manualOutputSchema = (form: TJsonSchema = EMPTY_FORM): TJsonSchema =>
  materialize(manualOutputNode(schemaNode(form)));

/** The schema of `index` inside a map body. */
export const INDEX_SCHEMA = { type: "integer", minimum: 0 } as const;
