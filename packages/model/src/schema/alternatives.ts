import { jsonEqual } from "../json-schema.ts";
import { codePointLength, compilePattern, passesFormat } from "./formats.ts";
import { FALSE_NODE, schemaNode, type TSchemaNode } from "./node.ts";

/**
 * A schema normalized into alternatives, one JSON type each: a value is valid when some
 * alternative accepts it. Subschemas (properties, items) stay nodes, normalized lazily,
 * so recursive schemas never unfold more than a comparison needs.
 * An alternative with `values` is exactly that finite set of values.
 */
export type TBound = { readonly value: number; readonly exclusive: boolean };

export type TNullAlt = { readonly type: "null" };
export type TBooleanAlt = { readonly type: "boolean"; readonly values?: readonly boolean[] };
export type TNumberAlt = {
  readonly type: "number";
  readonly integer: boolean;
  readonly min?: TBound;
  readonly max?: TBound;
  readonly multipleOf: readonly number[];
  readonly formats: readonly string[];
  readonly values?: readonly number[];
};
export type TStringAlt = {
  readonly type: "string";
  readonly minLength: number;
  readonly maxLength?: number;
  readonly patterns: readonly string[];
  readonly formats: readonly string[];
  readonly values?: readonly string[];
};
export type TContains = {
  readonly nodes: readonly TSchemaNode[];
  readonly min: number;
  readonly max?: number;
};
export type TArrayAlt = {
  readonly type: "array";
  /** Conjunctions per leading index (prefixItems); `rest` applies past them. */
  readonly prefix: readonly (readonly TSchemaNode[])[];
  readonly rest: readonly TSchemaNode[];
  readonly minItems: number;
  readonly maxItems?: number;
  readonly unique: boolean;
  readonly contains: readonly TContains[];
};
/** The property keywords of one schema object; additionalProperties is relative to them. */
export type TClause = {
  readonly properties: ReadonlyMap<string, TSchemaNode>;
  readonly patterns: readonly { readonly pattern: string; readonly node: TSchemaNode }[];
  readonly additional?: TSchemaNode;
};
export type TObjectAlt = {
  readonly type: "object";
  readonly clauses: readonly TClause[];
  readonly required: ReadonlySet<string>;
  readonly minProperties: number;
  readonly maxProperties?: number;
  readonly dependentRequired: ReadonlyMap<string, readonly string[]>;
  readonly propertyNames: readonly TSchemaNode[];
};
export type TAlt = TNullAlt | TBooleanAlt | TNumberAlt | TStringAlt | TArrayAlt | TObjectAlt;

const NULL_ALT: TNullAlt = { type: "null" };
const BOOLEAN_ALT: TBooleanAlt = { type: "boolean" };
export const NUMBER_ALT: TNumberAlt = {
  type: "number",
  integer: false,
  multipleOf: [],
  formats: [],
};
export const STRING_ALT: TStringAlt = { type: "string", minLength: 0, patterns: [], formats: [] };
export const ARRAY_ALT: TArrayAlt = {
  type: "array",
  prefix: [],
  rest: [],
  minItems: 0,
  unique: false,
  contains: [],
};
export const OBJECT_ALT: TObjectAlt = {
  type: "object",
  clauses: [],
  required: new Set(),
  minProperties: 0,
  dependentRequired: new Map(),
  propertyNames: [],
};
export const ANY_ALTS: readonly TAlt[] = [
  NULL_ALT,
  BOOLEAN_ALT,
  NUMBER_ALT,
  STRING_ALT,
  ARRAY_ALT,
  OBJECT_ALT,
];

/** Tighter of two lower bounds (or upper bounds with `upper`). */
const tighter = (
  a: TBound | undefined,
  b: TBound | undefined,
  upper: boolean,
): TBound | undefined => {
  if (!a) return b;
  if (!b) return a;
  if (a.value === b.value) return a.exclusive ? a : b;
  return a.value > b.value !== upper ? a : b;
};

/** Ajv's multipleOf test, float quirks included, so proofs match what Ajv decides. */
export const isMultipleOf = (value: number, divisor: number): boolean => {
  const quotient = value / divisor;
  return quotient === Number.parseInt(String(quotient), 10);
};

const inBounds = (value: number, min?: TBound, max?: TBound): boolean =>
  (!min || (min.exclusive ? value > min.value : value >= min.value)) &&
  (!max || (max.exclusive ? value < max.value : value <= max.value));

export const numberFits = (value: number, alt: TNumberAlt): boolean => {
  if (alt.values) return alt.values.includes(value);
  return (
    (!alt.integer || Number.isInteger(value)) &&
    inBounds(value, alt.min, alt.max) &&
    alt.multipleOf.every((divisor) => isMultipleOf(value, divisor)) &&
    alt.formats.every((format) => passesFormat(format, value))
  );
};

export const stringFits = (value: string, alt: TStringAlt): boolean => {
  if (alt.values) return alt.values.includes(value);
  const length = codePointLength(value);
  return (
    length >= alt.minLength &&
    (alt.maxLength === undefined || length <= alt.maxLength) &&
    alt.patterns.every((pattern) => compilePattern(pattern)?.test(value) ?? true) &&
    alt.formats.every((format) => passesFormat(format, value))
  );
};

/** The smallest and largest integers within an integer alternative's bounds. */
export const integerRange = (alt: TNumberAlt): { low: number; high: number } => {
  const low = !alt.min
    ? Number.NEGATIVE_INFINITY
    : alt.min.exclusive
      ? Math.floor(alt.min.value) + 1
      : Math.ceil(alt.min.value);
  const high = !alt.max
    ? Number.POSITIVE_INFINITY
    : alt.max.exclusive
      ? Math.ceil(alt.max.value) - 1
      : Math.floor(alt.max.value);
  return { low, high };
};

export const isEmptyAlt = (alt: TAlt): boolean => {
  switch (alt.type) {
    case "null":
      return false;
    case "boolean":
    case "string":
      return (
        alt.values?.length === 0 ||
        (alt.type === "string" && alt.minLength > (alt.maxLength ?? Number.POSITIVE_INFINITY))
      );
    case "number": {
      if (alt.values) return alt.values.length === 0;
      if (alt.integer) {
        const { low, high } = integerRange(alt);
        return low > high;
      }
      if (!alt.min || !alt.max) return false;
      return (
        alt.min.value > alt.max.value ||
        (alt.min.value === alt.max.value && (alt.min.exclusive || alt.max.exclusive))
      );
    }
    case "array":
      return alt.minItems > (alt.maxItems ?? Number.POSITIVE_INFINITY);
    case "object":
      return (
        alt.minProperties > (alt.maxProperties ?? Number.POSITIVE_INFINITY) ||
        alt.required.size > (alt.maxProperties ?? Number.POSITIVE_INFINITY) ||
        forbidsRequired(alt)
      );
  }
};

/** The conjunction one clause puts on the value of property `key`, appended to `into`. */
const addClauseFor = (clause: TClause, key: string, into: TSchemaNode[]): void => {
  const declared = clause.properties.get(key);
  if (declared) into.push(declared);
  let matched = false;
  for (const { pattern, node } of clause.patterns) {
    if (compilePattern(pattern)?.test(key)) {
      into.push(node);
      matched = true;
    }
  }
  if (!declared && !matched && clause.additional) into.push(clause.additional);
};

/** Everything an object alternative requires of the value of property `key`. */
export const schemasForKey = (alt: TObjectAlt, key: string): TSchemaNode[] => {
  const nodes: TSchemaNode[] = [];
  for (const clause of alt.clauses) addClauseFor(clause, key, nodes);
  return nodes;
};

const isFalse = (node: TSchemaNode | undefined): boolean =>
  node?.kind === "json" && node.schema === false;

/** A required key that some clause forbids outright makes the object impossible. */
const forbidsRequired = (alt: TObjectAlt): boolean => {
  for (const key of alt.required) {
    for (const clause of alt.clauses) {
      const declared = clause.properties.get(key);
      if (declared ? isFalse(declared) : clause.patterns.length === 0 && isFalse(clause.additional))
        return true;
    }
  }
  return false;
};

export const knownKeys = (alt: TObjectAlt): Set<string> => {
  const keys = new Set(alt.required);
  for (const clause of alt.clauses) for (const key of clause.properties.keys()) keys.add(key);
  return keys;
};

const constNode = (value: unknown): TSchemaNode => schemaNode({ const: value });

/** Whether no two items of a list are equal, as `uniqueItems` compares them. */
const hasDistinctItems = (items: readonly unknown[]): boolean =>
  items.every((item, i) => items.slice(i + 1).every((other) => !jsonEqual(item, other)));

/** The alternatives that accept exactly `values`; objects and arrays become exact shapes. */
export const valueAlts = (values: readonly unknown[]): TAlt[] => {
  const booleans: boolean[] = [];
  const numbers: number[] = [];
  const strings: string[] = [];
  const alts: TAlt[] = [];
  let hasNull = false;
  for (const value of values) {
    if (value === null) hasNull = true;
    else if (typeof value === "boolean") booleans.push(value);
    else if (typeof value === "number") numbers.push(value);
    else if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) {
      alts.push({
        ...ARRAY_ALT,
        prefix: value.map((item) => [constNode(item)]),
        rest: [FALSE_NODE],
        minItems: value.length,
        maxItems: value.length,
        unique: hasDistinctItems(value),
      });
    } else if (typeof value === "object") {
      const entries = Object.entries(value as Record<string, unknown>);
      alts.push({
        ...OBJECT_ALT,
        clauses: [
          {
            properties: new Map(entries.map(([key, item]) => [key, constNode(item)])),
            patterns: [],
            additional: FALSE_NODE,
          },
        ],
        required: new Set(entries.map(([key]) => key)),
      });
    }
  }
  if (hasNull) alts.push(NULL_ALT);
  if (booleans.length > 0) alts.push({ type: "boolean", values: booleans });
  if (numbers.length > 0) {
    alts.push({ ...NUMBER_ALT, integer: numbers.every(Number.isInteger), values: numbers });
  }
  if (strings.length > 0) alts.push({ ...STRING_ALT, values: strings });
  return alts;
};

const intersectValues = <T>(a: readonly T[], b: readonly T[]): T[] =>
  a.filter((value) => b.some((other) => jsonEqual(value, other)));

const mergeDependent = (
  a: ReadonlyMap<string, readonly string[]>,
  b: ReadonlyMap<string, readonly string[]>,
): ReadonlyMap<string, readonly string[]> => {
  if (b.size === 0) return a;
  if (a.size === 0) return b;
  const merged = new Map(a);
  for (const [key, keys] of b) merged.set(key, [...(merged.get(key) ?? []), ...keys]);
  return merged;
};

/** Values valid under both alternatives (same type), or undefined when there are none. */
const intersectAlt = (a: TAlt, b: TAlt): TAlt | undefined => {
  const result = intersectSameType(a, b);
  return result && !isEmptyAlt(result) ? result : undefined;
};

const intersectSameType = (a: TAlt, b: TAlt): TAlt | undefined => {
  if (a.type === "null" && b.type === "null") return a;
  if (a.type === "boolean" && b.type === "boolean") {
    if (a.values && b.values)
      return { type: "boolean", values: intersectValues(a.values, b.values) };
    return a.values ? a : b;
  }
  if (a.type === "number" && b.type === "number") {
    if (a.values || b.values) {
      const values =
        a.values && b.values
          ? intersectValues(a.values, b.values)
          : a.values
            ? a.values.filter((v) => numberFits(v, b))
            : (b.values ?? []).filter((v) => numberFits(v, a));
      return { ...NUMBER_ALT, integer: values.every(Number.isInteger), values };
    }
    const min = tighter(a.min, b.min, false);
    const max = tighter(a.max, b.max, true);
    return {
      type: "number",
      integer: a.integer || b.integer,
      ...(min ? { min } : {}),
      ...(max ? { max } : {}),
      multipleOf: [...a.multipleOf, ...b.multipleOf],
      formats: [...a.formats, ...b.formats],
    };
  }
  if (a.type === "string" && b.type === "string") {
    if (a.values || b.values) {
      const values =
        a.values && b.values
          ? intersectValues(a.values, b.values)
          : a.values
            ? a.values.filter((v) => stringFits(v, b))
            : (b.values ?? []).filter((v) => stringFits(v, a));
      return { ...STRING_ALT, values };
    }
    const maxLength = Math.min(
      a.maxLength ?? Number.POSITIVE_INFINITY,
      b.maxLength ?? Number.POSITIVE_INFINITY,
    );
    return {
      type: "string",
      minLength: Math.max(a.minLength, b.minLength),
      ...(Number.isFinite(maxLength) ? { maxLength } : {}),
      patterns: [...a.patterns, ...b.patterns],
      formats: [...a.formats, ...b.formats],
    };
  }
  if (a.type === "array" && b.type === "array") {
    const length = Math.max(a.prefix.length, b.prefix.length);
    const prefix = Array.from({ length }, (_, i) => [
      ...(a.prefix[i] ?? a.rest),
      ...(b.prefix[i] ?? b.rest),
    ]);
    const maxItems = Math.min(
      a.maxItems ?? Number.POSITIVE_INFINITY,
      b.maxItems ?? Number.POSITIVE_INFINITY,
    );
    return {
      type: "array",
      prefix,
      rest: [...a.rest, ...b.rest],
      minItems: Math.max(a.minItems, b.minItems),
      ...(Number.isFinite(maxItems) ? { maxItems } : {}),
      unique: a.unique || b.unique,
      contains: [...a.contains, ...b.contains],
    };
  }
  if (a.type === "object" && b.type === "object") {
    const maxProperties = Math.min(
      a.maxProperties ?? Number.POSITIVE_INFINITY,
      b.maxProperties ?? Number.POSITIVE_INFINITY,
    );
    return {
      type: "object",
      clauses: [...a.clauses, ...b.clauses],
      required: new Set([...a.required, ...b.required]),
      minProperties: Math.max(a.minProperties, b.minProperties),
      ...(Number.isFinite(maxProperties) ? { maxProperties } : {}),
      dependentRequired: mergeDependent(a.dependentRequired, b.dependentRequired),
      propertyNames: [...a.propertyNames, ...b.propertyNames],
    };
  }
  return undefined;
};

/** Pairwise intersection of two unions; undefined when it would grow past `limit`. */
export const intersectAlts = (
  a: readonly TAlt[],
  b: readonly TAlt[],
  limit = 64,
): TAlt[] | undefined => {
  if (a.length * b.length > limit * 4) return undefined;
  const result: TAlt[] = [];
  for (const left of a) {
    for (const right of b) {
      if (left.type !== right.type) continue;
      const both = intersectAlt(left, right);
      if (both) result.push(both);
    }
  }
  return result.length > limit ? undefined : result;
};
