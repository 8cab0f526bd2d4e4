import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { TJsonSchema } from "./json-schema.ts";
import { describeCompileError, describeSchemaErrors } from "./schema/schema-errors.ts";

/**
 * How Baton's validators read schemas; the property tests judge the checker with the same.
 * Strict about the schema itself (unknown keywords and formats are mistakes in a form),
 * lenient about style (types and tuples Ajv would merely nag about). allErrors also
 * matters for correctness: without it Ajv 8.20 skips `contains` on arrays shorter than
 * `prefixItems`.
 */
export const AJV_OPTIONS = {
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allErrors: true,
  logger: false,
} as const;

const ajv = new Ajv2020(AJV_OPTIONS);
addFormats(ajv);

export type TCompiled =
  | { readonly ok: true; readonly validate: ValidateFunction }
  /** `message` says where in the schema and what is wrong, as a phrase without a final period. */
  | { readonly ok: false; readonly message: string };

const byObject = new WeakMap<object, TCompiled>();
// Scenario copies (one per designer edit) hold equal schemas in new objects; compile each text once.
const byText = new Map<string, TCompiled>();
const MAX_TEXTS = 1_000;
const TRUE: TCompiled = { ok: true, validate: ajv.compile(true) };
const FALSE: TCompiled = { ok: true, validate: ajv.compile(false) };

const compile = (schema: object): TCompiled => {
  try {
    return { ok: true, validate: ajv.compile(schema) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A schema its meta-schema refuses leaves the meta-schema's errors on the instance.
    return {
      ok: false,
      message: message.startsWith("schema is invalid")
        ? describeSchemaErrors(schema, ajv.errors ?? [])
        : describeCompileError(schema, message),
    };
  } finally {
    // Ajv keeps every compiled schema; the maps here are the cache, so let Ajv forget it.
    ajv.removeSchema(schema);
  }
};

/** Compiles a JSON Schema 2020-12 with Ajv and ajv-formats, once per schema. */
export const compileSchema = (schema: TJsonSchema): TCompiled => {
  if (typeof schema === "boolean") return schema ? TRUE : FALSE;
  let result = byObject.get(schema);
  if (!result) {
    const text = JSON.stringify(schema);
    result = byText.get(text);
    if (!result) {
      result = compile(schema);
      if (byText.size >= MAX_TEXTS) byText.clear();
      byText.set(text, result);
    }
    byObject.set(schema, result);
  }
  return result;
};
