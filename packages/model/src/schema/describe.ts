import type { TAlt, TNumberAlt, TStringAlt } from "./alternatives.ts";

const MAX_LISTED = 5;

export const describeValue = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

/** "1", "1 or 2", "1, 2 or 3", with a tail when the list is long. */
export const listOr = (items: readonly string[]): string => {
  const shown = items.slice(0, MAX_LISTED);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(", ")} or ${more} more`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
};

export const listAnd = (items: readonly string[]): string =>
  items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

const oneOf = (values: readonly unknown[]): string =>
  values.length === 1
    ? describeValue(values[0])
    : `one of ${values.slice(0, 8).map(describeValue).join(", ")}${values.length > 8 ? ", ..." : ""}`;

export const plural = (count: number, word: string): string =>
  `${count} ${word}${count === 1 ? "" : "s"}`;

const describeRange = (alt: TNumberAlt): string => {
  const { min, max } = alt;
  if (min && max && !min.exclusive && !max.exclusive) return `from ${min.value} to ${max.value}`;
  const low = min && (min.exclusive ? `above ${min.value}` : `at least ${min.value}`);
  const high = max && (max.exclusive ? `below ${max.value}` : `at most ${max.value}`);
  const text = [low, high].filter((part) => part !== undefined).join(" and ");
  return text.startsWith("at ") ? `of ${text}` : text;
};

const numberDetails = (alt: TNumberAlt): string => {
  const range = describeRange(alt);
  const extras = [
    ...alt.formats.map((format) => `format ${format}`),
    ...alt.multipleOf.map((divisor) => `a multiple of ${divisor}`),
  ];
  return [range ? ` ${range}` : "", extras.length > 0 ? ` (${extras.join(", ")})` : ""].join("");
};

const stringDetails = (alt: TStringAlt): string[] => [
  ...alt.formats.map((format) => `format ${format}`),
  ...(alt.minLength > 0 ? [`at least ${plural(alt.minLength, "character")}`] : []),
  ...(alt.maxLength !== undefined ? [`at most ${plural(alt.maxLength, "character")}`] : []),
  ...alt.patterns.map((pattern) => `matching ${pattern}`),
];

/** What a target alternative asks for, as a noun phrase: "a string (format email)". */
export const describeAlt = (alt: TAlt): string => {
  switch (alt.type) {
    case "null":
      return "null";
    case "boolean":
      return alt.values && alt.values.length === 1 ? String(alt.values[0]) : "a boolean";
    case "number":
      if (alt.values) return oneOf(alt.values);
      return `${alt.integer ? "an integer" : "a number"}${numberDetails(alt)}`;
    case "string": {
      if (alt.values) return oneOf(alt.values);
      const details = stringDetails(alt);
      return details.length > 0 ? `a string (${details.join(", ")})` : "a string";
    }
    case "array": {
      const size =
        alt.maxItems === alt.minItems
          ? ` of ${plural(alt.minItems, "item")}`
          : alt.minItems > 0
            ? ` of at least ${plural(alt.minItems, "item")}`
            : "";
      return `a list${size}`;
    }
    case "object":
      return "an object";
  }
};

export const describeAlts = (alts: readonly TAlt[]): string => {
  if (alts.length === 0) return "no value at all";
  return listOr([...new Set(alts.map(describeAlt))]);
};

/** The bare kind of value, for "can be ...": "null", "a number", "a list". */
export const describeKind = (alt: TAlt): string => {
  switch (alt.type) {
    case "null":
      return "null";
    case "boolean":
      return "a boolean";
    case "number":
      return alt.integer ? "an integer" : "a number";
    case "string":
      return "a string";
    case "array":
      return "a list";
    case "object":
      return "an object";
  }
};

export const describeValues = (values: readonly unknown[]): string =>
  listOr(values.map(describeValue));
