import { fullFormats } from "ajv-formats/dist/formats.js";

/** Formats ajv-formats checks on numbers; every other known format applies to strings. */
export const NUMBER_FORMATS: ReadonlySet<string> = new Set(["int32", "int64", "float", "double"]);

export const isKnownFormat = (format: string): boolean => Object.hasOwn(fullFormats, format);

/** Formats that accept every value of their type, so they constrain nothing. */
export const isTrivialFormat = (format: string): boolean => {
  const definition = (fullFormats as Record<string, unknown>)[format];
  return definition === true || format === "float" || format === "double";
};

/** Whether a value passes a format exactly as Ajv with ajv-formats ("full" mode) decides. */
export const passesFormat = (format: string, value: string | number): boolean => {
  const definition = (fullFormats as Record<string, unknown>)[format];
  if (definition === undefined || definition === true) return true;
  if (definition instanceof RegExp) {
    if (typeof value !== "string") return true;
    definition.lastIndex = 0;
    return definition.test(value);
  }
  if (typeof definition === "function") {
    return typeof value !== "string" || Boolean(definition(value));
  }
  if (typeof definition === "object" && definition !== null) {
    const { type, validate } = definition as { type?: string; validate: unknown };
    const applies = (type ?? "string") === typeof value;
    if (!applies) return true;
    if (validate instanceof RegExp) return validate.test(String(value));
    if (typeof validate === "function") return Boolean(validate(value));
  }
  return true;
};

const regexes = new Map<string, RegExp | null>();

/** The pattern as Ajv compiles it (`u` flag), or null when JavaScript cannot compile it. */
export const compilePattern = (pattern: string): RegExp | null => {
  let regex = regexes.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, "u");
    } catch {
      regex = null;
    }
    if (regexes.size > 1_000) regexes.clear();
    regexes.set(pattern, regex);
  }
  return regex;
};

/** String length as JSON Schema counts it: in code points, not UTF-16 units. */
export const codePointLength = (text: string): number => {
  let length = 0;
  for (const _ of text) length++;
  return length;
};
