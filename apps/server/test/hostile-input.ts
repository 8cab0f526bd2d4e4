import fc from "fast-check";

/**
 * Generators of bad input for the fuzz tests: hostile values of every JSON kind, text that
 * is no JSON, and inputs shaped after a procedure's zod schema, mostly right and wrong in a
 * few places, so they get past validation to the code behind it. `known` holds ids and
 * names of things that exist, so inputs also get past "not found".
 */

const nested = (levels: number, open: string, close: string) =>
  open.repeat(levels) + close.repeat(levels);

export const hostileString = (known: string[]) =>
  fc.oneof(
    fc.constantFrom(
      "",
      " ",
      "\u0000",
      "a\u0000b",
      "\ud800",
      "\udfff\ud800",
      "__proto__",
      "constructor",
      "%",
      "%E0%A4%A",
      "../../../etc/passwd",
      "<img src=x onerror=alert(1)>",
      "NaN",
      "1e309",
      "-0",
      "99999999999999999999999999",
      "2999-99-99",
      "+275760-09-13T00:00:00.000Z",
      "ada@example.com",
      "😀".repeat(500),
      "x".repeat(100_000),
    ),
    fc.string({ maxLength: 30 }),
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.uuid(),
    fc.constantFrom(...known),
  );

export const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, 0.5, 1e-300),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, hostile where it can be; objects favour the given keys. */
export const hostileValue = (keys: string[], known: string[]) =>
  fc.letrec<{ value: unknown; object: Record<string, unknown> }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      hostileString(known),
      hostileNumber,
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 4 }),
      tie("object"),
    ),
    object: fc
      .array(
        fc.tuple(
          fc.oneof(
            fc.constantFrom(...keys, "__proto__", "constructor", "prototype"),
            fc.string({ maxLength: 8 }),
          ),
          tie("value"),
        ),
        { maxLength: 6 },
      )
      // fromEntries makes "__proto__" an own key, as JSON.parse does
      .map((entries) => Object.fromEntries(entries)),
  })).value;

/** Text that is no JSON, or JSON that nothing downstream could take. */
export const hostileText = fc.oneof(
  fc.constantFrom(
    "",
    "{",
    "undefined",
    "{'a': 1}",
    '{"a": 1',
    "1e999999",
    '"\\u0000"',
    '{"\\u0000": 1}',
    '{"__proto__": {"admin": true}}',
    nested(100_000, "[", "]"),
    `${nested(5_000, '{"a":', "}").slice(0, -5_000)}1${"}".repeat(5_000)}`,
  ),
  fc.string({ maxLength: 50 }),
);

type TDef = Record<string, unknown> & { type: string };
type TCheck = {
  check: string;
  value?: number;
  minimum?: number;
  maximum?: number;
  format?: string;
  pattern?: RegExp;
};

const defOf = (schema: unknown) => (schema as { _zod: { def: TDef } })._zod.def;
const checksOf = (def: TDef) =>
  ((def.checks as { _zod: { def: TCheck } }[] | undefined) ?? []).map((c) => c._zod.def);

const stringLike = (def: TDef, known: string[]) => {
  const checks = checksOf(def);
  const pattern = (def.pattern as RegExp | undefined) ?? checks.find((c) => c.pattern)?.pattern;
  const format = (def.format as string | undefined) ?? checks.find((c) => c.format)?.format;
  const minLength = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
  const maxLength = Math.min(checks.find((c) => c.check === "max_length")?.maximum ?? 40, 40);
  const shaped =
    format === "uuid" || format === "guid"
      ? fc.uuid()
      : format === "email"
        ? fc.emailAddress()
        : format === "datetime"
          ? fc.date({ noInvalidDate: true }).map((d) => d.toISOString())
          : pattern && !pattern.flags.includes("u")
            ? fc.stringMatching(pattern)
            : fc.string({ minLength: Math.min(minLength, maxLength), maxLength });
  return fc.oneof(
    { weight: 3, arbitrary: shaped },
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: hostileString(known) },
  );
};

const numberLike = (def: TDef) => {
  const checks = checksOf(def);
  const min = checks.find((c) => c.check === "greater_than")?.value ?? -5;
  const max = checks.find((c) => c.check === "less_than")?.value ?? 5;
  const low = Math.max(min, -1_000);
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: low, max: Math.max(low, Math.min(max, low + 10)) }) },
    { weight: 1, arbitrary: hostileNumber },
  );
};

/**
 * An input shaped after a zod schema (objects with its keys, its enums and formats), wrong
 * here and there: a value of another kind, a hostile string or number, an extra key.
 */
export const inputFor = (schema: unknown, known: string[], depth = 0): fc.Arbitrary<unknown> => {
  const def = defOf(schema);
  const anything = hostileValue([], known);
  if (depth > 5) return anything;
  const inner = (s: unknown) => inputFor(s, known, depth + 1);
  const shaped = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case "object": {
        const shape = def.shape as Record<string, unknown>;
        const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, inner(v)]));
        return fc.record(fields);
      }
      case "array":
        return fc.array(inner(def.element), { maxLength: 3 });
      case "tuple":
        return fc.tuple(...(def.items as unknown[]).map(inner));
      case "union":
        return fc.oneof(...(def.options as unknown[]).map(inner));
      case "intersection":
        return fc
          .tuple(inner(def.left), inner(def.right))
          .map(([a, b]) => (typeof a === "object" && typeof b === "object" ? { ...a, ...b } : a));
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "catch":
      case "readonly":
      case "nonoptional":
        return fc.oneof(inner(def.innerType), fc.constantFrom(undefined, null));
      case "pipe":
        return inner(def.in);
      case "lazy":
        return inner((def.getter as () => unknown)());
      case "enum":
        return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
      case "literal":
        return fc.constantFrom(...(def.values as unknown[]));
      case "record":
        return fc.dictionary(fc.string({ maxLength: 8 }), inner(def.valueType), { maxKeys: 3 });
      case "string":
        return stringLike(def, known);
      case "number":
        return numberLike(def);
      case "boolean":
        return fc.boolean();
      case "date":
        return fc.oneof(
          fc.date().map((d) => (Number.isNaN(d.getTime()) ? "not a date" : d.toISOString())),
          fc.constantFrom("0000-01-01", "+275760-09-13", "9999-12-31T23:59:59.999Z", "yesterday"),
        );
      default:
        return anything;
    }
  })();
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: anything });
};
