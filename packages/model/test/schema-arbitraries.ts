import fc from "fast-check";
import type { TJsonSchema } from "../src/json-schema.ts";

/**
 * Random JSON Schemas for soundness tests, built from a small vocabulary so that
 * independent choices often meet: three property names, formats and patterns with known
 * matching strings (some of which also match other formats), tuples, literal lists and a
 * guarded recursive definition reachable by $ref. Schemas are mostly satisfiable by
 * construction (bounds in order, lengths that fit a format), because a pair whose source
 * has no value proves nothing a value could check.
 */
type TSchema = Exclude<TJsonSchema, boolean> | boolean;
type TObject = Record<string, unknown>;

export const KEYS = ["a", "b", "c"] as const;
export const FORMAT_SAMPLES: Record<string, readonly string[]> = {
  email: ["ann@example.com", "b@c.io"],
  uuid: ["123e4567-e89b-42d3-a456-426614174000", "urn:uuid:123e4567-e89b-42d3-a456-426614174000"],
  date: ["2024-02-29", "1999-12-31"],
  time: ["12:00:00Z", "23:59:59+01:00"],
  "date-time": ["2024-02-29T12:00:00Z", "1999-12-31T23:59:59+01:00"],
  "iso-date-time": ["2024-02-29T12:00:00", "2024-02-29 12:00:00Z"],
  duration: ["P1D", "PT15M"],
  ipv4: ["10.0.0.1", "255.255.255.255"],
  ipv6: ["fe80::1", "::ffff:10.0.0.1"],
  hostname: ["example.com", "10.0.0.1", "2024-02-29", "P1D"],
  uri: ["https://example.com/a?b=c", "urn:isbn:123", "fe80::1"],
  "uri-reference": ["/a/b", "../x", "ann@example.com"],
};
export const FORMATS = Object.keys(FORMAT_SAMPLES);
const ALL_FORMAT_SAMPLES = Object.values(FORMAT_SAMPLES).flat();
export const PATTERNS = ["^[0-9]+$", "^[a-z]{2,4}$", "^x", "b$", "^[A-Z]{2}$"] as const;
export const PATTERN_SAMPLES: Record<string, readonly string[]> = {
  "^[0-9]+$": ["0", "42", "12345"],
  "^[a-z]{2,4}$": ["ab", "abcd", "xyz"],
  "^x": ["x", "xy", "x12"],
  b$: ["b", "ab", "xb"],
  "^[A-Z]{2}$": ["NL", "DE"],
};
// 5e-324 is a fraction Ajv counts as a multiple of every whole number above 1.
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
  5e-324,
  "",
  "a",
  "ab",
  "b",
  "x",
  "NL",
  "42",
];
/** Literal lists, with and without repeated items. */
const LISTS = [[], ["a", "b"], ["a", "a"], [1, 2, 3], [1, 1], [null, "a"], [{ a: 1 }, { a: 1 }]];
const TYPES = ["null", "boolean", "integer", "number", "string", "array", "object"] as const;
const REF = "#/$defs/d";

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

const compact = (record: TObject): TObject =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

const bound = fc.integer({ min: -3, max: 12 });

/** Bounds in order, so the range is rarely empty; either side may be exclusive or absent. */
const range = fc
  .tuple(optional(bound), optional(bound), fc.boolean(), fc.boolean())
  .map(([a, b, exclusiveLow, exclusiveHigh]) => {
    const [low, high] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
    return {
      [exclusiveLow ? "exclusiveMinimum" : "minimum"]: low,
      [exclusiveHigh ? "exclusiveMaximum" : "maximum"]: high,
    };
  });

const numeric = (type: "integer" | "number") =>
  fc
    .tuple(range, optional(fc.constantFrom(1, 2, 3, 0.5)))
    .map(([bounds, multipleOf]) => compact({ type, ...bounds, multipleOf }));

const lengths = fc
  .tuple(optional(fc.integer({ min: 0, max: 3 })), optional(fc.integer({ min: 0, max: 4 })))
  .map(([minLength, extra]) =>
    compact({
      minLength,
      maxLength: extra === undefined ? undefined : (minLength ?? 0) + extra,
    }),
  );

const string = fc.oneof(
  lengths.map((keywords) => ({ type: "string", ...keywords })),
  fc.constantFrom(...FORMATS).map((format) => ({ type: "string", format })),
  fc
    .tuple(fc.constantFrom(...PATTERNS), optional(fc.integer({ min: 0, max: 2 })))
    .map(([pattern, minLength]) => compact({ type: "string", pattern, minLength })),
  // Rarely, constraints that may leave no string at all.
  fc
    .record({
      format: fc.constantFrom(...FORMATS),
      pattern: optional(fc.constantFrom(...PATTERNS)),
      maxLength: optional(fc.integer({ min: 0, max: 12 })),
    })
    .map((keywords) => compact({ type: "string", ...keywords })),
);

const literal = fc.constantFrom<unknown>(...SCALARS, ...LISTS);

const scalar: fc.Arbitrary<TSchema> = fc.oneof(
  fc.constant({ type: "null" }),
  fc.constant({ type: "boolean" }),
  numeric("integer"),
  numeric("number"),
  string,
  fc.subarray([...TYPES], { minLength: 1, maxLength: 3 }).map((type) => ({ type })),
  fc.uniqueArray(literal, { minLength: 1, maxLength: 4 }).map((values) => ({ enum: values })),
  literal.map((value) => ({ const: value })),
  fc.constantFrom<TSchema>(true, {}),
);

// `false` and `$ref` only below the top (see `body`): a source with no value proves nothing.
const leaf: fc.Arbitrary<TSchema> = fc.oneof(
  { arbitrary: scalar, weight: 9 },
  { arbitrary: fc.constant({ $ref: REF }), weight: 1 },
  { arbitrary: fc.constant(false), weight: 1 },
);

/**
 * Keeps an object schema satisfiable: required keys are ones it may have, and the counts
 * fit the keys it may have.
 */
const objectSchema = (keywords: TObject): TObject => {
  const schema = compact({ type: "object", ...keywords });
  const names = schema.propertyNames as TObject | undefined;
  const named = (key: string) => !Array.isArray(names?.enum) || names.enum.includes(key);
  const declared = Object.keys((schema.properties as TObject | undefined) ?? {});
  const open = schema.additionalProperties !== false;
  const patterned = schema.patternProperties === undefined ? [] : ["z", "zz"];
  const possible = [...new Set([...declared, ...(open ? KEYS : []), ...patterned])].filter(named);
  if (Array.isArray(schema.required)) {
    schema.required = (schema.required as string[]).filter((key) => possible.includes(key));
  }
  const required = Array.isArray(schema.required) ? schema.required.length : 0;
  if (typeof schema.minProperties === "number") {
    schema.minProperties = Math.min(schema.minProperties, possible.length);
  }
  if (typeof schema.maxProperties === "number") {
    schema.maxProperties = Math.max(
      schema.maxProperties,
      required,
      Number(schema.minProperties ?? 0),
    );
  }
  return schema;
};

/** `allOf` of a schema and a looser one, so the parts meet (a random pair mostly would not). */
const alongside = (part: TSchema): TSchema => {
  if (typeof part === "boolean" || part.type === undefined) return {};
  const types = Array.isArray(part.type) ? part.type : [part.type];
  return { type: [...new Set([...types, "null"])] };
};

const { body } = fc.letrec<{
  body: TSchema;
  schema: TSchema;
  object: TSchema;
  array: TSchema;
  combo: TSchema;
}>((tie) => ({
  body: fc.oneof(
    { depthSize: "small", maxDepth: 3, withCrossShrink: true },
    scalar,
    tie("object"),
    tie("array"),
    tie("combo"),
  ),
  schema: fc.oneof(
    { depthSize: "small", maxDepth: 3, withCrossShrink: true },
    leaf,
    tie("object"),
    tie("array"),
    tie("combo"),
  ),
  object: fc
    .record({
      properties: optional(fc.dictionary(fc.constantFrom(...KEYS), tie("schema"), { maxKeys: 3 })),
      required: optional(fc.subarray([...KEYS])),
      additionalProperties: optional(fc.oneof(fc.constant(false), tie("schema"))),
      patternProperties: optional(fc.constant({ "^z": { type: "integer" } })),
      minProperties: optional(fc.integer({ min: 0, max: 2 })),
      maxProperties: optional(fc.integer({ min: 0, max: 3 })),
      propertyNames: optional(fc.constantFrom({ maxLength: 1 }, { enum: ["a", "b", "z"] })),
      dependentRequired: optional(fc.constant({ a: ["b"] })),
    })
    .map(objectSchema),
  array: fc.oneof(
    fc
      .record({
        items: optional(tie("schema")),
        minItems: optional(fc.integer({ min: 0, max: 2 })),
        extra: optional(fc.integer({ min: 0, max: 3 })),
        uniqueItems: optional(fc.boolean()),
        contains: optional(tie("schema")),
      })
      .map(({ extra, ...keywords }) => {
        const least = Math.max(keywords.minItems ?? 0, keywords.contains === undefined ? 0 : 1);
        return compact({
          type: "array",
          ...keywords,
          maxItems: extra === undefined ? undefined : least + extra,
        });
      }),
    // Tuples, mostly closed (items: false), as long as their prefix or shorter.
    fc
      .record({
        prefixItems: fc.array(tie("schema"), { minLength: 1, maxLength: 3 }),
        items: optional(fc.oneof(fc.constant(false), fc.constant(false), tie("schema"))),
        short: optional(fc.integer({ min: 0, max: 3 })),
        maxItems: optional(fc.integer({ min: 1, max: 4 })),
        uniqueItems: optional(fc.boolean()),
      })
      .map(({ short, ...keywords }) =>
        compact({
          type: "array",
          ...keywords,
          minItems:
            short === undefined ? undefined : Math.max(0, keywords.prefixItems.length - short),
        }),
      ),
  ),
  combo: fc.oneof(
    fc.array(tie("schema"), { minLength: 1, maxLength: 3 }).map((anyOf) => ({ anyOf })),
    fc.array(tie("schema"), { minLength: 1, maxLength: 3 }).map((oneOf) => ({ oneOf })),
    tie("schema").map((part) => ({ allOf: [part, alongside(part)] })),
    fc.constantFrom(...TYPES).map((type) => ({ not: { type } })),
    fc
      .tuple(string, fc.constantFrom({ type: "string" }, { type: ["string", "null"] }))
      .map(([a, b]) => ({ allOf: [a, b] })),
    // Rarely, parts drawn apart, which often leave no value.
    {
      arbitrary: fc
        .array(tie("schema"), { minLength: 2, maxLength: 2 })
        .map((allOf) => ({ allOf })),
      weight: 1,
    },
  ),
}));

/** A recursive, guarded definition that every `$ref` in the generated schemas points to. */
const definition = fc.tuple(scalar, fc.boolean()).map(([value, required]) => ({
  type: "object",
  properties: { v: value, next: { anyOf: [{ type: "null" }, { $ref: REF }] } },
  ...(required ? { required: ["v"] } : {}),
}));

export const rootSchema: fc.Arbitrary<TObject> = fc
  .tuple(body, definition)
  .map(([top, d]) => ({ $defs: { d }, allOf: [top] }));

/**
 * A deterministic stream of choices, so values and mutations shrink with fast-check: the
 * drawn numbers first, then a generator seeded from them for as long as a caller needs.
 */
export class Tape {
  private position = 0;
  private state: number;
  constructor(private readonly numbers: readonly number[]) {
    this.state = numbers.reduce((seed, n) => (Math.imul(seed, 31) + n) | 0, 17) || 17;
  }
  next(limit: number): number {
    const value =
      this.position < this.numbers.length ? (this.numbers[this.position] ?? 0) : this.random();
    this.position++;
    return limit <= 0 ? 0 : Math.floor(value) % limit;
  }
  chance(percent: number): boolean {
    return this.next(100) < percent;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.next(items.length)] as T;
  }
  // xorshift32
  private random(): number {
    this.state ^= this.state << 13;
    this.state ^= this.state >>> 17;
    this.state ^= this.state << 5;
    return (this.state >>> 0) % 1_000_001;
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

export const randomJsonFor = (t: Tape): unknown => randomJson(t, 0);

const typeOf = (schema: TObject, t: Tape): string | undefined => {
  const { type } = schema;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) return t.pick(type as string[]);
  if ("properties" in schema || "required" in schema) return "object";
  if ("items" in schema || "prefixItems" in schema) return "array";
  if ("format" in schema || "pattern" in schema || "minLength" in schema) return "string";
  if ("multipleOf" in schema || "minimum" in schema || "maximum" in schema) return "number";
  return undefined;
};

const numbers = (values: unknown[]): number[] =>
  values.filter((v): v is number => typeof v === "number");

const numberFor = (schema: TObject, integer: boolean, t: Tape): number => {
  if (t.chance(4)) return t.pick([5e-324, -5e-324, 0.5, 1e21]);
  const low = numbers([schema.minimum, schema.exclusiveMinimum]);
  const high = numbers([schema.maximum, schema.exclusiveMaximum]);
  const lo = low.length > 0 ? Math.max(...low) : -5;
  const hi = high.length > 0 ? Math.min(...high) : 20;
  const step = typeof schema.multipleOf === "number" ? schema.multipleOf : 1;
  const edges = [lo, lo + 1, hi, hi - 1, lo - 1, hi + 1, 0];
  const base = t.chance(40) ? t.pick(edges) : lo + t.next(Math.max(1, hi - lo + 1));
  const snapped = t.chance(80) ? Math.ceil(base / step) * step : base;
  return integer || t.chance(70) ? snapped : snapped + 0.5;
};

const stringFor = (schema: TObject, t: Tape): string => {
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const most = typeof schema.maxLength === "number" ? schema.maxLength : undefined;
  const fitting = (samples: readonly string[]) =>
    samples.filter((sample) => sample.length >= min && sample.length <= (most ?? sample.length));
  if (typeof schema.format === "string" && t.chance(85)) {
    const own = fitting(FORMAT_SAMPLES[schema.format] ?? []);
    return t.pick(t.chance(80) && own.length > 0 ? own : ALL_FORMAT_SAMPLES);
  }
  if (typeof schema.pattern === "string" && t.chance(85)) {
    const own = PATTERN_SAMPLES[schema.pattern] ?? [""];
    const fit = fitting(own);
    return t.pick(fit.length > 0 ? fit : own);
  }
  const length = min + t.next(Math.max(1, (most ?? min + 3) - min + 1));
  return t.pick(["a", "b", "x", "0", "A"]).repeat(length);
};

const arrayFor = (schema: TObject, root: TObject, t: Tape, depth: number): unknown[] => {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  const closed = schema.items === false;
  const min = typeof schema.minItems === "number" ? schema.minItems : 0;
  const most = closed ? prefix.length : min + 3;
  const max = Math.min(typeof schema.maxItems === "number" ? schema.maxItems : most, most);
  const length = min + t.next(Math.max(1, max - min + 1));
  const items = Array.from({ length }, (_, i) =>
    valueFor(i < prefix.length ? prefix[i] : (schema.items ?? {}), root, t, depth + 1),
  );
  if (schema.contains !== undefined && t.chance(70)) {
    const at = t.next(items.length + 1);
    const found = valueFor(schema.contains, root, t, depth + 1);
    if (at < items.length && t.chance(50)) items[at] = found;
    else items.splice(at, 0, found);
  }
  if (schema.uniqueItems === true && t.chance(80)) {
    const seen = new Set<string>();
    return items.filter((item) => {
      const key = JSON.stringify(item);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  return items;
};

const objectFor = (schema: TObject, root: TObject, t: Tape, depth: number): TObject => {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const keys = new Set([...required, ...Object.keys(properties).filter(() => t.chance(60))]);
  if (schema.additionalProperties !== false) {
    if (t.chance(25)) keys.add(t.pick(["z", "zz", ...KEYS]));
  } else if (isObject(schema.patternProperties) && t.chance(25)) keys.add("z");
  const minimum = typeof schema.minProperties === "number" ? schema.minProperties : 0;
  const more = schema.additionalProperties === false ? [] : ["a", "b", "c"];
  const patterned = isObject(schema.patternProperties) ? ["z", "zz"] : [];
  for (const key of [...Object.keys(properties), ...more, ...patterned]) {
    if (keys.size < minimum) keys.add(key);
  }
  if (isObject(schema.dependentRequired) && keys.has("a") && t.chance(80)) keys.add("b");
  const names = isObject(schema.propertyNames) ? schema.propertyNames : undefined;
  const allowed = (key: string) =>
    !names ||
    (Array.isArray(names.enum) ? names.enum.includes(key) : key.length <= Number(names.maxLength));
  const chosen = [...keys].filter((key) => allowed(key) || t.chance(10));
  const maximum = typeof schema.maxProperties === "number" ? schema.maxProperties : chosen.length;
  const kept = [
    ...chosen.filter((key) => required.includes(key)),
    ...chosen.filter((key) => !required.includes(key)),
  ].slice(0, maximum);
  return Object.fromEntries(
    kept.map((key) => {
      const sub =
        properties[key] ??
        (key.startsWith("z") && isObject(schema.patternProperties)
          ? { type: "integer" }
          : schema.additionalProperties);
      return [key, valueFor(sub ?? {}, root, t, depth + 1)];
    }),
  );
};

/** The schema with one branch of a combinator taken, its other keywords kept. */
const withBranch = (schema: TObject, keyword: string, branch: unknown): unknown => {
  if (!isObject(branch)) return branch;
  const { [keyword]: _, ...rest } = schema;
  return { ...rest, ...branch };
};

/** A value shaped by `schema`: usually valid for it, sometimes just outside. */
export const valueFor = (schema: unknown, root: TObject, t: Tape, depth = 0): unknown => {
  if (depth > 6 || !isObject(schema) || t.chance(3)) return randomJson(t, depth);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return t.pick(schema.enum);
  if (schema.$ref === REF) {
    const { $ref: _, ...rest } = schema;
    return valueFor({ ...rest, ...((root.$defs as TObject).d as TObject) }, root, t, depth + 1);
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    // Every part applies: merge them (later keywords win), or follow one and hope.
    const parts = schema.allOf.filter(isObject);
    const merged = t.chance(75) ? Object.assign({}, ...parts) : t.pick(parts);
    return valueFor(withBranch(schema, "allOf", merged ?? {}), root, t, depth + 1);
  }
  for (const keyword of ["anyOf", "oneOf"]) {
    const list = schema[keyword];
    if (Array.isArray(list) && list.length > 0) {
      return valueFor(withBranch(schema, keyword, t.pick(list)), root, t, depth + 1);
    }
  }
  const not = isObject(schema.not) ? schema.not.type : undefined;
  let type = typeOf(schema, t);
  if (type === undefined || type === not) {
    type = t.pick(TYPES.filter((name) => name !== not && (not !== "number" || name !== "integer")));
  }
  switch (type) {
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
    case "array":
      return arrayFor(schema, root, t, depth);
    default:
      return objectFor(schema, root, t, depth);
  }
};

const clone = <T>(value: T): T => structuredClone(value);

/** Keywords a loosening may drop. */
const DROPPABLE = [
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "format",
  "required",
  "additionalProperties",
  "patternProperties",
  "minProperties",
  "maxProperties",
  "propertyNames",
  "dependentRequired",
  "maxItems",
  "minItems",
  "uniqueItems",
  "items",
  "prefixItems",
  "contains",
  "const",
];

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
  // Formats pair up in many ways and each pair is rare: swap them more often than the rest.
  if (typeof result.format === "string" && t.chance(25)) result.format = t.pick(FORMATS);
  if (!t.chance(35)) return result;
  const is = (type: string) =>
    result.type === type || (Array.isArray(result.type) && result.type.includes(type));
  const prefixLength = Array.isArray(result.prefixItems) ? result.prefixItems.length : undefined;
  // Each change with whether it applies here: only changes that do something are drawn.
  const loosen: (readonly [boolean, () => void])[] = [
    ...DROPPABLE.map((key) => [key in result, () => delete result[key]] as const),
    [
      Array.isArray(result.enum),
      () => {
        result.enum = [...new Set([...(result.enum as unknown[]), t.pick(SCALARS)])];
      },
    ],
    [
      typeof result.type === "string",
      () => {
        result.type = [...new Set([result.type, t.pick(TYPES)])];
      },
    ],
    [
      result.type === "integer",
      () => {
        result.type = "number";
      },
    ],
    // Numbers that are whole by their multipleOf instead of their type.
    [result.type === "integer", () => Object.assign(result, { type: "number", multipleOf: 1 })],
    [
      typeof result.minimum === "number",
      () => {
        result.minimum = Number(result.minimum) - 1;
      },
    ],
    [
      typeof result.maxLength === "number",
      () => {
        result.maxLength = Number(result.maxLength) + 1;
      },
    ],
    [
      typeof result.format === "string",
      () => {
        result.format = t.pick(FORMATS);
      },
    ],
  ];
  const tighten: (readonly [boolean, () => void])[] = [
    [
      is("object"),
      () => {
        result.required = [
          ...new Set([...(Array.isArray(result.required) ? result.required : []), t.pick(KEYS)]),
        ];
      },
    ],
    [
      is("object"),
      () => {
        result.additionalProperties = false;
      },
    ],
    [
      is("number") || is("integer"),
      () => {
        result.minimum = t.next(5);
      },
    ],
    [
      is("string"),
      () => {
        result.maxLength = t.next(4);
      },
    ],
    [
      is("string"),
      () => {
        result.format = t.pick(FORMATS);
      },
    ],
    [
      result.type === "number",
      () => {
        result.type = "integer";
      },
    ],
    [
      Array.isArray(result.enum) && result.enum.length > 1,
      () => {
        result.enum = (result.enum as unknown[]).slice(1);
      },
    ],
    [
      is("array"),
      () => {
        result.uniqueItems = true;
      },
    ],
    // What a closed tuple always meets, and one item less.
    [
      prefixLength !== undefined,
      () => {
        result.maxItems = Number(prefixLength) - t.next(2);
      },
    ],
    [
      prefixLength !== undefined,
      () => {
        result.minItems = t.next(Number(prefixLength) + 1);
      },
    ],
  ];
  const apply = (changes: readonly (readonly [boolean, () => void])[]) => {
    const usable = changes.filter(([applies]) => applies);
    if (usable.length > 0) t.pick(usable)[1]();
  };
  const choice = t.next(100);
  if (choice < 55) apply(loosen);
  else if (choice < 80) apply(tighten);
  // The root keeps $defs where its $refs look for them.
  else if (choice < 90)
    return depth === 0
      ? { $defs: result.$defs, anyOf: [result, fresh()] }
      : { anyOf: [result, fresh()] };
  else return depth === 0 ? result : fresh();
  return result;
};
