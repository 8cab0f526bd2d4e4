import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { TJsonSchema } from "./json-schema.ts";

// Strict about the schema itself (unknown keywords and formats are mistakes in a form),
// lenient about style (types and tuples Ajv would merely nag about).
const ajv = new Ajv2020({
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allErrors: true,
  logger: false,
});
addFormats(ajv);

export type TCompiled =
  | { readonly ok: true; readonly validate: ValidateFunction }
  | { readonly ok: false; readonly message: string };

const compiled = new WeakMap<object, TCompiled>();
const TRUE: TCompiled = { ok: true, validate: ajv.compile(true) };
const FALSE: TCompiled = { ok: true, validate: ajv.compile(false) };

/** Compiles a JSON Schema 2020-12 with Ajv and ajv-formats, once per schema object. */
export const compileSchema = (schema: TJsonSchema): TCompiled => {
  if (typeof schema === "boolean") return schema ? TRUE : FALSE;
  let result = compiled.get(schema);
  if (!result) {
    try {
      result = { ok: true, validate: ajv.compile(schema) };
    } catch (error) {
      result = { ok: false, message: error instanceof Error ? error.message : String(error) };
    } finally {
      // Ajv keeps every compiled schema; the WeakMap is the cache, so let Ajv forget it.
      ajv.removeSchema(schema);
    }
    compiled.set(schema, result);
  }
  return result;
};

/** Ajv's errors as one readable sentence. */
export const describeErrors = (validate: ValidateFunction, name: string): string =>
  ajv.errorsText(validate.errors, { dataVar: name, separator: "; " });
