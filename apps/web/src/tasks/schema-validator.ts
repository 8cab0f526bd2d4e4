import {
  AJV_VALUE_OPTIONS,
  type TJsonSchema,
  type TSchemaIssue,
  validateValue,
} from "@baton/model";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020.js";

/**
 * Task forms check as they are filled in with the same settings Baton judges values with
 * on the server (`@baton/model`): draft 2020-12, formats, every error at once.
 */
export const schemaValidator = customizeValidator({
  AjvClass: Ajv2020,
  ajvOptionsOverrides: AJV_VALUE_OPTIONS,
});

/**
 * Every way `value` breaks `schema`, as the server will judge it (JSON Pointer paths); a
 * schema that cannot be used is one issue at the root.
 */
export const schemaIssues = (schema: unknown, value: unknown): TSchemaIssue[] => {
  try {
    return validateValue(schema as TJsonSchema, value);
  } catch (error) {
    return [{ path: "/", message: (error as Error).message }];
  }
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
