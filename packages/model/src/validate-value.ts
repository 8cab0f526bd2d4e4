import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { BatonError } from "./errors.ts";
import type { TJsonSchema } from "./json-schema.ts";
import { AJV_OPTIONS } from "./validator.ts";

/** One reason a value breaks a schema: a JSON Pointer into the value, and what is wrong there. */
export type TSchemaIssue = { path: string; message: string };

const draft2020 = "https://json-schema.org/draft/2020-12/schema";

/**
 * How Baton judges a value by a schema it did not write (a provider's, a function's, a
 * form's): the settings of its own validator, but lenient about unknown keywords, which
 * real-world schemas (OpenAPI, hand-written) carry (`example`) without changing what is valid.
 */
export const AJV_VALUE_OPTIONS = { ...AJV_OPTIONS, strict: false } as const;

const ajv = new Ajv2020(AJV_VALUE_OPTIONS);
addFormats(ajv);

const byObject = new WeakMap<object, ValidateFunction>();
// Schemas read from the database are fresh objects on every call, so also cache by text.
const byText = new Map<string, ValidateFunction>();
const textCacheLimit = 1_000;

/** Older drafts' `$schema` makes Ajv2020 refuse the schema; their keywords mostly carry over. */
function normalize(schema: TJsonSchema): TJsonSchema {
  if (typeof schema === "boolean" || schema.$schema === undefined || schema.$schema === draft2020) {
    return schema;
  }
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}

function compile(schema: TJsonSchema): ValidateFunction {
  const cached = typeof schema === "object" ? byObject.get(schema) : undefined;
  if (cached) return cached;
  const text = JSON.stringify(schema);
  let validate = byText.get(text);
  if (!validate) {
    try {
      validate = ajv.compile(normalize(schema));
    } catch (error) {
      throw new BatonError(
        "BAD_INPUT",
        `The schema is not a valid JSON Schema: ${(error as Error).message}`,
        { schema },
        { cause: error },
      );
    }
    if (byText.size >= textCacheLimit) byText.delete(byText.keys().next().value as string);
    byText.set(text, validate);
  }
  if (typeof schema === "object") byObject.set(schema, validate);
  return validate;
}

const pointerSegment = (segment: string): string =>
  segment.replaceAll("~", "~0").replaceAll("/", "~1");

function toIssue(error: ErrorObject): TSchemaIssue {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "required") {
    return {
      path: `${path}/${pointerSegment(String(params.missingProperty))}`,
      message: "is required",
    };
  }
  if (error.keyword === "additionalProperties" || error.keyword === "unevaluatedProperties") {
    const name = params.additionalProperty ?? params.unevaluatedProperty;
    return { path: `${path}/${pointerSegment(String(name))}`, message: "is not allowed" };
  }
  if (error.keyword === "enum") {
    return {
      path: path || "/",
      message: `must be one of ${JSON.stringify(params.allowedValues)}`,
    };
  }
  return { path: path || "/", message: error.message ?? `fails ${error.keyword}` };
}

/**
 * Validates `value` against a draft 2020-12 schema (formats included). Returns every
 * issue, path-addressed; an empty list means valid. Throws `BatonError` BAD_INPUT when
 * the schema itself is invalid.
 */
export function validateValue(schema: TJsonSchema, value: unknown): TSchemaIssue[] {
  const validate = compile(schema);
  if (validate(value)) return [];
  const seen = new Set<string>();
  const issues: TSchemaIssue[] = [];
  for (const error of validate.errors ?? []) {
    const issue = toIssue(error);
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

/** Why a schema cannot be used, or an empty list when Ajv compiles it. */
export function schemaProblems(schema: TJsonSchema): string[] {
  try {
    compile(schema);
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
}

export const formatIssues = (issues: TSchemaIssue[]): string =>
  issues.map((issue) => `${issue.path} ${issue.message}`).join("; ");
