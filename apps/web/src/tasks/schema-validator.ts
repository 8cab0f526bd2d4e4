import type { RJSFSchema } from "@rjsf/utils";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020.js";

/**
 * One Ajv for every schema the browser checks: draft 2020-12 (what the catalog and the
 * scenario format use) with formats, shared by task forms and the restart input editor.
 */
export const schemaValidator = customizeValidator({ AjvClass: Ajv2020 });

export type TSchemaIssue = { path: string; message: string };

/** Every way `value` breaks `schema`, with the JSON path of each problem. */
export const schemaIssues = (schema: unknown, value: unknown): TSchemaIssue[] => {
  const { errors, validationError } = schemaValidator.rawValidation<{
    instancePath: string;
    message?: string;
  }>(schema as RJSFSchema, value);
  if (validationError) return [{ path: "$", message: validationError.message }];
  return (errors ?? []).map((e) => ({
    path: `$${e.instancePath.replaceAll("/", ".")}`,
    message: e.message ?? "is not allowed here",
  }));
};

export type TJsonValue =
  | string
  | number
  | boolean
  | null
  | TJsonValue[]
  | { [key: string]: TJsonValue };

/** Reads JSON typed by a person; a syntax error comes back as a sentence. */
export const parseJsonText = (
  text: string,
): { ok: true; value: TJsonValue } | { ok: false; message: string } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : "Not valid JSON" };
  }
};

/** Form data as the API takes it: plain JSON, with keys left undefined by a form dropped. */
export const asJson = (value: unknown): TJsonValue =>
  value === undefined ? {} : (JSON.parse(JSON.stringify(value)) as TJsonValue);
