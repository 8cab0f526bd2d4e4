import type { JsonSchema, SchemaSource } from "./types.ts";

/**
 * A person's override of a catalog entry, stored beside the discovered one and kept
 * across refreshes. Its keys are the entry's own (`inputSchema`, not `input`), so whoever
 * reads a row reads the override the same way.
 */
export type FunctionAnnotation = {
  description?: string;
  tags?: string[];
  inputSchema?: JsonSchema;
  outputSchema?: JsonSchema;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === "boolean" || isObject(value);

/** The usable parts of a stored annotation; anything of the wrong shape is ignored. */
export function readFunctionAnnotation(value: unknown): FunctionAnnotation {
  if (!isObject(value)) return {};
  const annotation: FunctionAnnotation = {};
  if (typeof value.description === "string") annotation.description = value.description;
  if (Array.isArray(value.tags) && value.tags.every((t) => typeof t === "string")) {
    annotation.tags = value.tags as string[];
  }
  if (isSchema(value.inputSchema)) annotation.inputSchema = value.inputSchema;
  if (isSchema(value.outputSchema)) annotation.outputSchema = value.outputSchema;
  return annotation;
}

type StoredEntry = {
  description: string;
  tags: string[];
  inputSchema: unknown;
  outputSchema: unknown;
  schemaSource: SchemaSource;
  annotation: unknown;
};

export type EffectiveEntry = {
  description: string;
  tags: string[];
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  schemaSource: SchemaSource;
};

/**
 * A stored catalog entry as everyone should see it: the annotation wins field by field,
 * and an overridden schema makes the source `annotated`. A stored schema of the wrong
 * shape accepts anything rather than breaking every check.
 */
export function effectiveEntry(row: StoredEntry): EffectiveEntry {
  const annotation = readFunctionAnnotation(row.annotation);
  const overridden = annotation.inputSchema !== undefined || annotation.outputSchema !== undefined;
  return {
    description: annotation.description ?? row.description,
    tags: annotation.tags ?? row.tags,
    inputSchema: annotation.inputSchema ?? (isSchema(row.inputSchema) ? row.inputSchema : {}),
    outputSchema: annotation.outputSchema ?? (isSchema(row.outputSchema) ? row.outputSchema : {}),
    schemaSource: overridden ? "annotated" : row.schemaSource,
  };
}
