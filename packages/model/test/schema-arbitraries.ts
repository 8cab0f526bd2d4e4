import fc from "fast-check";
import type { TJsonSchema } from "../src/json-schema.ts";

/**
 * Random JSON Schemas for soundness tests, built from a small vocabulary so that
 * independent choices often meet: three property names, a few formats and patterns
 * with known matching strings, and a guarded recursive definition reachable by $ref.
 */
type TSchema = Exclude<TJsonSchema, boolean> | boolean;
type TObject = Record<string, unknown>;

export const KEYS = ["a", "b", "c"] as const;
export const FORMATS = ["email", "uuid", "date", "date-time", "ipv4", "uri"] as const;
export const FORMAT_SAMPLES: Record<string, readonly string[]> = {
  email: ["ann@example.com", "b@c.io"],
  uuid: ["123e4567-e89b-42d3-a456-426614174000"],
  date: ["2024-02-29", "1999-12-31"],
  "date-time": ["2024-02-29T12:00:00Z", "1999-12-31T23:59:59+01:00"],
  ipv4: ["10.0.0.1", "255.255.255.255"],
  uri: ["https://example.com/a?b=c", "urn:isbn:123"],
};
export const PATTERNS = ["^[0-9]+$", "^[a-z]{2,4}$", "^x", "b$", "^[A-Z]{2}$"] as const;
export const PATTERN_SAMPLES: Record<string, readonly string[]> = {
  "^[0-9]+$": ["0", "42", "12345"],
  "^[a-z]{2,4}$": ["ab", "abcd", "xyz"],
  "^x": ["x", "xy", "x12"],
  b$: ["b", "ab", "xb"],
  "^[A-Z]{2}$": ["NL", "DE"],
};
const SCALARS = [
  null,
  true,
  false,
  0,
  1,
  -1,
  2,
  3,
  2.5,
  10,
  100,
  "",
  "a",
  "ab",
  "b",
  "x",
  "NL",
  "42",
];
const TYPES = ["null", "boolean", "integer", "number", "string", "array", "object"] as const;
const REF = "#/$defs/d";

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

const compact = (record: TObject): TObject =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

const bound = fc.integer({ min: -3, max: 12 });

const numeric = (type: "integer" | "number") =>
  fc
    .record({
      minimum: optional(bound),
      maximum: optional(bound),
      exclusiveMinimum: optional(bound),
      exclusiveMaximum: optional(bound),
      multipleOf: optional(fc.constantFrom(1, 2, 3, 0.5)),
    })
    .map((keywords) => compact({ type, ...keywords }));

const string = fc
  .record({
    minLength: optional(fc.integer({ min: 0, max: 4 })),
    maxLength: optional(fc.integer({ min: 0, max: 6 })),
    format: optional(fc.constantFrom(...FORMATS)),
    pattern: optional(fc.constantFrom(...PATTERNS)),
  })
  .map((keywords) => compact({ type: "string", ...keywords }));

const leaf: fc.Arbitrary<TSchema> = fc.oneof(
  fc.constant({ type: "null" }),
  fc.constant({ type: "boolean" }),
  numeric("integer"),
  numeric("number"),
  string,
  fc.subarray([...TYPES], { minLength: 1, maxLength: 3 }).map((type) => ({ type })),
  fc.subarray(SCALARS, { minLength: 1, maxLength: 4 }).map((values) => ({ enum: values })),
  fc.constantFrom(...SCALARS).map((value) => ({ const: value })),
  fc.constant({ $ref: REF }),
  fc.constantFrom<TSchema>(true, false, {}),
);

const { schema } = fc.letrec<{ schema: TSchema; object: TSchema; array: TSchema; combo: TSchema }>(
  (tie) => ({
    schema: fc.oneof(
      { depthSize: "small", maxDepth: 3, withCrossShrink: true },
      leaf,
      tie("object"),
      tie("array"),
      tie("combo"),
    ),
    object: fc
      .record({
        properties: optional(
          fc.dictionary(fc.constantFrom(...KEYS), tie("schema"), { maxKeys: 3 }),
        ),
        required: optional(fc.subarray([...KEYS])),
        additionalProperties: optional(fc.oneof(fc.constant(false), tie("schema"))),
        patternProperties: optional(fc.constant({ "^z": { type: "integer" } })),
        minProperties: optional(fc.integer({ min: 0, max: 3 })),
        maxProperties: optional(fc.integer({ min: 0, max: 3 })),
        propertyNames: optional(fc.constantFrom({ maxLength: 1 }, { enum: ["a", "b", "z"] })),
        dependentRequired: optional(fc.constant({ a: ["b"] })),
      })
      .map((keywords) => compact({ type: "object", ...keywords })),
    array: fc
      .record({
        items: optional(fc.oneof(tie("schema"), fc.constant(false))),
        prefixItems: optional(fc.array(tie("schema"), { minLength: 1, maxLength: 2 })),
        minItems: optional(fc.integer({ min: 0, max: 3 })),
        maxItems: optional(fc.integer({ min: 0, max: 4 })),
        uniqueItems: optional(fc.boolean()),
        contains: optional(tie("schema")),
      })
      .map((keywords) => compact({ type: "array", ...keywords })),
    combo: fc.oneof(
      fc.array(tie("schema"), { minLength: 1, maxLength: 3 }).map((anyOf) => ({ anyOf })),
      fc.array(tie("schema"), { minLength: 1, maxLength: 3 }).map((oneOf) => ({ oneOf })),
      fc.array(tie("schema"), { minLength: 1, maxLength: 2 }).map((allOf) => ({ allOf })),
      fc.constantFrom(...TYPES).map((type) => ({ not: { type } })),
      fc
        .tuple(string, fc.constantFrom({ type: "string" }, { type: ["string", "null"] }))
        .map(([a, b]) => ({ allOf: [a, b] })),
    ),
  }),
);

/** A recursive, guarded definition that every `$ref` in the generated schemas points to. */
const definition = fc.tuple(leaf, fc.boolean()).map(([value, required]) => ({
  type: "object",
  properties: { v: value, next: { anyOf: [{ type: "null" }, { $ref: REF }] } },
  ...(required ? { required: ["v"] } : {}),
}));

export const rootSchema: fc.Arbitrary<TObject> = fc
  .tuple(schema, definition)
  .map(([body, d]) => ({ $defs: { d }, allOf: [body] }));

/** A deterministic stream of choices, so values and mutations shrink with fast-check. */
export class Tape {
  private position = 0;
  constructor(private readonly numbers: readonly number[]) {}
  next(limit: number): number {
    const value = this.numbers[this.position++ % this.numbers.length] ?? 0;
    return limit <= 0 ? 0 : Math.floor(value) % limit;
  }
  chance(percent: number): boolean {
    return this.next(100) < percent;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.next(items.length)] as T;
  }
}

export const tape = fc.array(fc.nat({ max: 1_000_000 }), { minLength: 32, maxLength: 32 });

const isObject = (value: unknown): value is TObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const randomJson = (t: Tape, depth: number): unknown => {
  const kind = t.next(depth > 1 ? 4 : 6);
  if (kind < 4) return t.pick(SCALARS);
  if (kind === 4) return Array.from({ length: t.next(3) }, () => randomJson(t, depth + 1));
  return Object.fromEntries(
    Array.from({ length: t.next(3) }, () => [
      t.pick([...KEYS, "z", "zz"]),
      randomJson(t, depth + 1),
    ]),
  );
};

const typeOf = (schema: TObject, t: Tape): string | undefined => {
  const { type } = schema;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return t.pick(type as string[]);
  if ("properties" in schema || "required" in schema) return "object";
  if ("items" in schema || "prefixItems" in schema) return "array";
  return undefined;
};

const numberFor = (schema: TObject, integer: boolean, t: Tape): number => {
  const low = [schema.minimum, schema.exclusiveMinimum].filter(
    (v): v is number => typeof v === "number",
  );
  const high = [schema.maximum, schema.exclusiveMaximum].filter(
    (v): v is number => typeof v === "number",
  );
  const lo = low.length > 0 ? Math.max(...low) : -5;
  const hi = high.length > 0 ? Math.min(...high) : 20;
  const edges = [lo, lo + 1, hi, hi - 1, lo - 1, hi + 1, 0];
  const base = t.chance(50) ? t.pick(edges) : lo + t.next(Math.max(1, hi - lo + 1));
  const step = typeof schema.multipleOf === "number" ? schema.multipleOf : 1;
  const snapped = t.chance(70) ? Math.round(base / step) * step : base;
  return integer || t.chance(60) ? snapped : snapped + 0.5;
};

const stringFor = (schema: TObject, t: Tape): string => {
  if (typeof schema.format === "string" && t.chance(80))
    return t.pick(FORMAT_SAMPLES[schema.format] ?? [""]);
  if (typeof schema.pattern === "string" && t.chance(80))
    return t.pick(PATTERN_SAMPLES[schema.pattern] ?? [""]);
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? schema.maxLength : min + 3;
  const length = min + t.next(Math.max(1, max - min + 1));
  return t.pick(["a", "b", "x", "0", "A"]).repeat(length);
};

/** A value shaped by `schema`: often valid for it, sometimes just outside. */
export const valueFor = (schema: unknown, root: TObject, t: Tape, depth = 0): unknown => {
  if (depth > 6 || !isObject(schema) || t.chance(8)) return randomJson(t, depth);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return t.pick(schema.enum);
  if (schema.$ref === REF) return valueFor((root.$defs as TObject).d, root, t, depth + 1);
  for (const keyword of ["anyOf", "oneOf", "allOf"]) {
    const list = schema[keyword];
    if (Array.isArray(list) && list.length > 0 && (keyword !== "allOf" || t.chance(50))) {
      const branch = t.pick(list);
      const merged =
        isObject(branch) && keyword === "allOf"
          ? { ...schema, allOf: undefined, ...branch }
          : branch;
      return valueFor(merged, root, t, depth + 1);
    }
  }
  switch (typeOf(schema, t)) {
    case "null":
      return null;
    case "boolean":
      return t.chance(50);
    case "integer":
      return numberFor(schema, true, t);
    case "number":
      return numberFor(schema, false, t);
    case "string":
      return stringFor(schema, t);
    case "array": {
      const min = typeof schema.minItems === "number" ? schema.minItems : 0;
      const max = typeof schema.maxItems === "number" ? schema.maxItems : min + 3;
      const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
      const length = min + t.next(Math.max(1, max - min + 1));
      return Array.from({ length }, (_, i) =>
        valueFor(i < prefix.length ? prefix[i] : (schema.items ?? {}), root, t, depth + 1),
      );
    }
    case "object": {
      const properties = isObject(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      const keys = new Set([...required, ...Object.keys(properties).filter(() => t.chance(60))]);
      if (t.chance(25)) keys.add(t.pick(["z", "zz", ...KEYS]));
      return Object.fromEntries(
        [...keys].map((key) => {
          const sub =
            properties[key] ??
            (key.startsWith("z") && isObject(schema.patternProperties)
              ? { type: "integer" }
              : schema.additionalProperties);
          return [key, valueFor(sub ?? {}, root, t, depth + 1)];
        }),
      );
    }
    default:
      return randomJson(t, depth);
  }
};

export const randomJsonFor = (t: Tape): unknown => randomJson(t, 0);

const clone = <T>(value: T): T => structuredClone(value);

/**
 * A variation of a schema: mostly loosened (so the pair is often assignable),
 * sometimes tightened or partly replaced, to probe the edges of the proof.
 */
export const mutate = (schema: unknown, t: Tape, fresh: () => unknown, depth = 0): unknown => {
  if (!isObject(schema)) return t.chance(10) ? fresh() : schema;
  const result: TObject = clone(schema);
  for (const [key, value] of Object.entries(result)) {
    if (key === "properties" && isObject(value)) {
      result[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, mutate(v, t, fresh, depth + 1)]),
      );
    } else if (["items", "additionalProperties", "contains"].includes(key)) {
      result[key] = mutate(value, t, fresh, depth + 1);
    } else if (["anyOf", "oneOf", "allOf", "prefixItems"].includes(key) && Array.isArray(value)) {
      result[key] = value.map((v) => mutate(v, t, fresh, depth + 1));
    } else if (key === "$defs" && isObject(value)) {
      result[key] = { d: mutate(value.d, t, fresh, depth + 1) };
    }
  }
  if (!t.chance(35)) return result;
  const loosen = [
    () => delete result.minimum,
    () => delete result.maximum,
    () => delete result.exclusiveMinimum,
    () => delete result.multipleOf,
    () => delete result.minLength,
    () => delete result.maxLength,
    () => delete result.pattern,
    () => delete result.format,
    () => delete result.required,
    () => delete result.additionalProperties,
    () => delete result.maxItems,
    () => delete result.minItems,
    () => delete result.uniqueItems,
    () => delete result.propertyNames,
    () => delete result.const,
    () => {
      if (Array.isArray(result.enum)) result.enum = [...result.enum, t.pick(SCALARS)];
    },
    () => {
      if (typeof result.type === "string") result.type = [result.type, t.pick(TYPES)];
    },
    () => {
      if (result.type === "integer") result.type = "number";
    },
    () => {
      if (typeof result.minimum === "number") result.minimum -= 1;
    },
    () => {
      if (typeof result.maxLength === "number") result.maxLength += 1;
    },
  ];
  const tighten = [
    () => {
      result.required = [
        ...new Set([...(Array.isArray(result.required) ? result.required : []), t.pick(KEYS)]),
      ];
    },
    () => {
      result.additionalProperties = false;
    },
    () => {
      result.minimum = t.next(5);
    },
    () => {
      result.maxLength = t.next(4);
    },
    () => {
      result.format = t.pick(FORMATS);
    },
    () => {
      if (result.type === "number") result.type = "integer";
    },
    () => {
      if (Array.isArray(result.enum) && result.enum.length > 1) result.enum = result.enum.slice(1);
    },
    () => {
      result.uniqueItems = true;
    },
  ];
  const choice = t.next(100);
  if (choice < 55) t.pick(loosen)();
  else if (choice < 80) t.pick(tighten)();
  else if (choice < 90) return { anyOf: [result, fresh()] };
  else return depth === 0 ? result : fresh();
  return result;
};
