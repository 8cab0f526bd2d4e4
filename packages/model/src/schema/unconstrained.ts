import { ANY_ALTS, type TAlt } from "./alternatives.ts";
import { compilePattern, isKnownFormat, isTrivialFormat } from "./formats.ts";

/** A pattern every string matches: it matches the empty string and is anchored nowhere. */
export const isUniversalPattern = (pattern: string): boolean =>
  compilePattern(pattern)?.test("") === true && !/[\^$]|\(\?|\\[bB]/.test(pattern);

const isUnconstrained = (alt: TAlt): boolean => {
  switch (alt.type) {
    case "null":
      return true;
    case "boolean":
      return !alt.values;
    case "number":
      return (
        !alt.values &&
        !alt.integer &&
        !alt.min &&
        !alt.max &&
        alt.multipleOf.length === 0 &&
        alt.formats.every(isTrivialFormat)
      );
    case "string":
      return (
        !alt.values &&
        alt.minLength === 0 &&
        alt.maxLength === undefined &&
        alt.patterns.every(isUniversalPattern) &&
        alt.formats.every((format) => !isKnownFormat(format) || isTrivialFormat(format))
      );
    case "array":
      return (
        alt.prefix.length === 0 &&
        alt.rest.length === 0 &&
        alt.minItems === 0 &&
        alt.maxItems === undefined &&
        !alt.unique &&
        alt.contains.length === 0
      );
    case "object":
      return (
        alt.clauses.length === 0 &&
        alt.required.size === 0 &&
        alt.minProperties === 0 &&
        alt.maxProperties === undefined &&
        alt.dependentRequired.size === 0 &&
        alt.propertyNames.length === 0
      );
  }
};

/** Whether every JSON value is valid (as far as the alternatives tell). */
export const acceptsAnything = (alts: readonly TAlt[]): boolean =>
  ANY_ALTS.every((any) => alts.some((alt) => alt.type === any.type && isUnconstrained(alt)));
