import { describe, expect, it } from "vitest";
import { assignable } from "./assignable.ts";
import type { TJsonSchema } from "./json-schema.ts";

const ok = (source: TJsonSchema, target: TJsonSchema) => assignable(source, target).ok;
const messages = (source: TJsonSchema, target: TJsonSchema) =>
  assignable(source, target, { sourceLabel: "S", targetLabel: "T" }).problems.map(
    (p) => `${p.severity}: ${p.message}`,
  );

describe("assignable: types", () => {
  it("accepts integers where numbers are wanted, not the other way round", () => {
    expect(ok({ type: "integer" }, { type: "number" })).toBe(true);
    expect(messages({ type: "number" }, { type: "integer" })).toEqual([
      "error: T needs an integer; S can be a number with a fraction",
    ]);
  });

  it("names the types that do not fit", () => {
    expect(messages({ type: ["string", "number", "null"] }, { type: "string" })).toEqual([
      "error: T needs a string; S can be null or a number",
    ]);
    expect(messages({}, { type: "string" })).toEqual([
      "error: T needs a string; S can be any value",
    ]);
  });

  it("handles nullability through type lists, in the words of the issue", () => {
    const result = assignable(
      { type: ["string", "null"], format: "email" },
      { type: "string", format: "email" },
      {
        sourceLabel: "CreateUser.output.email",
        targetLabel: "ValidateEmail",
        path: "input.recipient",
      },
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          severity: "error",
          code: "type",
          path: "input.recipient",
          message:
            "input.recipient: ValidateEmail needs a string (format email); CreateUser.output.email can be null",
        },
      ],
    });
    expect(ok({ type: "string" }, { type: ["string", "null"] })).toBe(true);
  });

  it("does not take a union of several types for any value", () => {
    const noObjects = { anyOf: [{ type: "string" }, { not: { type: "object" } }] };
    expect(messages({ type: "object" }, noObjects)).toEqual([
      "error: T needs null, a boolean, a number, a string or a list; S can be an object",
    ]);
  });

  it("treats true, false and {} as JSON Schema does", () => {
    expect(ok(false, { type: "string" })).toBe(true);
    expect(ok({ type: "string" }, true)).toBe(true);
    expect(ok({ type: "string" }, {})).toBe(true);
    expect(messages({ type: "string" }, false)).toEqual([
      "error: T needs no value at all; S can be a string",
    ]);
  });
});

describe("assignable: objects", () => {
  const person = {
    type: "object",
    properties: { name: { type: "string" }, age: { type: "integer" } },
    required: ["name"],
  };

  it("needs every required field to be sure to be there", () => {
    expect(ok({ ...person, required: ["name", "age"] }, person)).toBe(true);
    expect(messages(person, { ...person, required: ["name", "age"] })).toEqual([
      "error: age: T needs a value; S.age can be missing",
    ]);
  });

  it("says when the source cannot have a field at all", () => {
    expect(
      messages(
        { type: "object", properties: { a: { type: "string" } }, additionalProperties: false },
        { type: "object", required: ["b"] },
      ),
    ).toEqual(["error: b: T needs a value; S does not provide it"]);
  });

  it("compares field types with their paths", () => {
    expect(
      messages(
        {
          type: "object",
          properties: { user: { type: "object", properties: { age: { type: "number" } } } },
        },
        {
          type: "object",
          properties: { user: { type: "object", properties: { age: { type: "integer" } } } },
        },
      ),
    ).toEqual(["error: user.age: T needs an integer; S.user.age can be a number with a fraction"]);
  });

  it("respects additionalProperties on both sides", () => {
    const closed = { ...person, additionalProperties: false };
    expect(ok(closed, person)).toBe(true);
    expect(ok(closed, closed)).toBe(true);
    expect(messages(person, closed)).toEqual([
      "error: T accepts only the fields name and age; S can have other fields",
    ]);
    expect(
      ok(
        { type: "object", additionalProperties: { type: "integer" } },
        { type: "object", additionalProperties: { type: "number" } },
      ),
    ).toBe(true);
    expect(
      messages(
        { type: "object", properties: { x: { type: "string" } } },
        { type: "object", additionalProperties: { type: "string" } },
      ),
    ).toEqual(["error: *: T needs a string; S.* can be any value"]);
  });

  it("rejects a field the target forbids", () => {
    expect(
      messages({ type: "object", required: ["x"] }, { type: "object", properties: { x: false } }),
    ).toEqual(["error: x: T does not accept this field; S always has it"]);
  });

  it("applies patternProperties to named fields exactly", () => {
    const target = { type: "object", patternProperties: { "^n": { type: "string" } } };
    expect(
      ok(
        { type: "object", properties: { name: { type: "string" } }, additionalProperties: false },
        target,
      ),
    ).toBe(true);
    expect(
      ok(
        { type: "object", properties: { name: { type: "integer" } }, additionalProperties: false },
        target,
      ),
    ).toBe(false);
  });

  it("checks property counts, dependencies and names", () => {
    expect(ok({ type: "object", minProperties: 2 }, { type: "object", minProperties: 1 })).toBe(
      true,
    );
    expect(messages({ type: "object" }, { type: "object", minProperties: 1 })).toEqual([
      "error: T needs at least 1 field; S can have fewer",
    ]);
    expect(
      ok(
        { type: "object", properties: { a: true }, additionalProperties: false },
        { type: "object", maxProperties: 1 },
      ),
    ).toBe(true);
    expect(
      ok(
        { type: "object", required: ["a", "b"] },
        { type: "object", dependentRequired: { a: ["b"] } },
      ),
    ).toBe(true);
    expect(
      messages({ type: "object" }, { type: "object", dependentRequired: { a: ["b"] } }),
    ).toEqual(["error: b: T needs a value when a is present; S.b can be missing"]);
    expect(
      ok(
        { type: "object", properties: { ab: true }, additionalProperties: false },
        { type: "object", propertyNames: { maxLength: 2 } },
      ),
    ).toBe(true);
    expect(ok({ type: "object" }, { type: "object", propertyNames: { maxLength: 2 } })).toBe(false);
  });
});

describe("assignable: arrays", () => {
  it("compares items, prefixItems and lengths", () => {
    expect(
      ok(
        { type: "array", items: { type: "integer" } },
        { type: "array", items: { type: "number" } },
      ),
    ).toBe(true);
    expect(
      ok(
        { type: "array", prefixItems: [{ type: "string" }, { type: "integer" }], items: false },
        { type: "array", prefixItems: [{ type: "string" }], items: { type: "number" } },
      ),
    ).toBe(true);
    expect(
      messages(
        { type: "array", prefixItems: [{ type: "string" }, { type: "string" }] },
        { type: "array", items: { type: "string" } },
      ),
    ).toEqual(["error: []: T needs a string; S[] can be any value"]);
    expect(messages({ type: "array" }, { type: "array", minItems: 1 })).toEqual([
      "error: T needs a list of at least 1 item; S can be empty",
    ]);
    expect(
      messages(
        { type: "array", items: { type: "string" } },
        { type: "array", prefixItems: [true], items: false },
      ),
    ).toEqual(["error: T needs at most 1 item; S can have more"]);
  });

  it("bounds a closed tuple's length by its prefixItems", () => {
    const pair = {
      type: "array",
      prefixItems: [{ type: "string" }, { type: "number" }],
      items: false,
    };
    expect(ok(pair, { type: "array", maxItems: 2 })).toBe(true);
    expect(ok(pair, { type: "array", maxItems: 3 })).toBe(true);
    expect(messages(pair, { type: "array", maxItems: 1 })).toEqual([
      "error: T needs at most 1 item; S can have more",
    ]);
    expect(ok({ ...pair, minItems: 2 }, { type: "array", minItems: 1, maxItems: 2 })).toBe(true);
    expect(messages(pair, { type: "array", minItems: 1 })).toEqual([
      "error: T needs a list of at least 1 item; S can be empty",
    ]);
    // An item no value fits ends the list there.
    const single = { type: "array", prefixItems: [{ type: "string" }, false] };
    expect(ok(single, { type: "array", maxItems: 1 })).toBe(true);
    expect(ok(pair, { type: "array", uniqueItems: true })).toBe(false);
    expect(
      ok({ ...pair, prefixItems: [{ type: "string" }] }, { type: "array", uniqueItems: true }),
    ).toBe(true);
  });

  it("knows that short lists cannot repeat items", () => {
    expect(ok({ type: "array", maxItems: 1 }, { type: "array", uniqueItems: true })).toBe(true);
    expect(messages({ type: "array" }, { type: "array", uniqueItems: true })).toEqual([
      "error: T needs a list without repeated items; S can repeat items",
    ]);
  });

  it("judges a literal list's repeated items by its value", () => {
    const unique = { type: "array", uniqueItems: true };
    expect(ok({ const: ["a", "b"] }, unique)).toBe(true);
    expect(ok({ enum: [["a", "b"], [1, "1"], []] }, unique)).toBe(true);
    expect(ok({ const: [{ a: 1, b: 2 }, { a: 2 }] }, unique)).toBe(true);
    expect(messages({ const: ["a", "a"] }, unique)).toEqual([
      "error: T needs a list without repeated items; S can repeat items",
    ]);
    expect(
      ok(
        {
          const: [
            { a: 1, b: 2 },
            { b: 2, a: 1 },
          ],
        },
        unique,
      ),
    ).toBe(false);
    expect(
      ok(
        {
          enum: [
            ["a", "b"],
            [1, 1],
          ],
        },
        unique,
      ),
    ).toBe(false);
  });

  it("proves contains only when every item matches", () => {
    expect(
      ok(
        { type: "array", minItems: 1, items: { type: "integer" } },
        { type: "array", contains: { type: "number" } },
      ),
    ).toBe(true);
    expect(
      messages(
        { type: "array", items: { type: "integer" } },
        { type: "array", contains: { type: "number" } },
      ),
    ).toEqual(["error: T needs a list that contains a matching item; S can be empty"]);
  });
});

describe("assignable: what Ajv 8.20 really checks", () => {
  // Ajv reads a flag that validating [1] left set, so it accepts [[1], []] for lists that
  // must contain 1: a source's contains (minContains 1, no maxContains) cannot make a list
  // non-empty. A count (minContains 2, maxContains) or minItems is checked right.
  const lists = (inner: object) => ({ type: "array", items: { type: "array", ...inner } });
  const nonEmpty = lists({ minItems: 1 });

  it("does not count on a source's contains to make a list non-empty", () => {
    expect(messages(lists({ contains: { const: 1 } }), nonEmpty)).toEqual([
      "error: []: T needs a list of at least 1 item; S[] can be empty (Ajv 8.20 lets an empty list pass its contains after another list matched; add minItems: 1)",
    ]);
    expect(ok(lists({ contains: { const: 1 } }), lists({ contains: { type: "number" } }))).toBe(
      false,
    );
    expect(ok(lists({ contains: { const: 1 }, minContains: 2 }), nonEmpty)).toBe(true);
    expect(ok(lists({ contains: { const: 1 }, maxContains: 3 }), nonEmpty)).toBe(true);
    expect(ok(lists({ contains: true }), nonEmpty)).toBe(true);
    expect(
      ok(lists({ contains: { const: 1 }, minItems: 1 }), lists({ contains: { type: "number" } })),
    ).toBe(true);
  });
});

describe("assignable: enum and const", () => {
  it("compares finite value sets by value", () => {
    expect(ok({ enum: ["EUR", "USD"] }, { enum: ["EUR", "USD", "GBP"] })).toBe(true);
    expect(ok({ const: "EUR" }, { type: "string", minLength: 3, maxLength: 3 })).toBe(true);
    expect(messages({ enum: ["EUR", "CHF"] }, { enum: ["EUR", "USD"] })).toEqual([
      'error: T needs one of "EUR", "USD"; S can be "CHF"',
    ]);
    expect(messages({ type: "string" }, { enum: ["a"] })).toEqual([
      'error: T needs "a"; S can be other strings',
    ]);
  });

  it("compares objects and arrays in enums by shape", () => {
    expect(
      ok(
        { const: { a: 1, b: [true] } },
        {
          type: "object",
          properties: { a: { type: "integer" }, b: { type: "array", items: { type: "boolean" } } },
        },
      ),
    ).toBe(true);
    expect(ok({ const: { a: 1 } }, { enum: [{ a: 1 }, { a: 2 }] })).toBe(true);
    expect(ok({ const: { a: 3 } }, { enum: [{ a: 1 }, { a: 2 }] })).toBe(false);
  });

  it("enumerates small integer ranges", () => {
    expect(ok({ type: "integer", minimum: 1, maximum: 3 }, { enum: [1, 2, 3] })).toBe(true);
    expect(ok({ type: "boolean" }, { anyOf: [{ const: true }, { const: false }] })).toBe(true);
  });
});

describe("assignable: combinators", () => {
  it("needs every anyOf branch of the source to fit", () => {
    expect(
      ok({ anyOf: [{ type: "string" }, { type: "integer" }] }, { type: ["string", "number"] }),
    ).toBe(true);
    expect(
      ok({ anyOf: [{ type: "string" }, { type: "boolean" }] }, { type: ["string", "number"] }),
    ).toBe(false);
  });

  it("accepts when some anyOf branch of the target fits", () => {
    expect(
      ok({ type: "string", format: "email" }, { anyOf: [{ type: "null" }, { type: "string" }] }),
    ).toBe(true);
  });

  it("intersects allOf", () => {
    expect(
      ok(
        { allOf: [{ type: ["string", "null"] }, { type: "string", minLength: 2 }] },
        { type: "string", minLength: 1 },
      ),
    ).toBe(true);
  });

  it("proves oneOf in a target only for branches that cannot overlap", () => {
    const tagged = {
      oneOf: [
        { type: "object", properties: { kind: { const: "a" } }, required: ["kind"] },
        { type: "object", properties: { kind: { const: "b" } }, required: ["kind"] },
      ],
    };
    expect(
      ok({ type: "object", properties: { kind: { const: "a" } }, required: ["kind"] }, tagged),
    ).toBe(true);
    expect(ok({ type: "string" }, { oneOf: [{ type: "string" }, { type: "null" }] })).toBe(true);
    expect(messages({ type: "string" }, { oneOf: [{ type: "string" }, { minLength: 1 }] })).toEqual(
      [
        "warning: T needs exactly one oneOf choice to match, and Baton cannot prove the choices never overlap",
      ],
    );
  });

  it("removes whole types with not", () => {
    expect(ok({ type: ["string", "null"], not: { type: "null" } }, { type: "string" })).toBe(true);
    expect(messages({ type: "number" }, { not: { type: "integer" } })).toEqual([
      'warning: T uses the keyword "not", which Baton cannot check',
    ]);
  });
});

describe("assignable: $ref and $defs", () => {
  const tree = (valueType: string) => ({
    $defs: {
      node: {
        type: "object",
        properties: {
          value: { type: valueType },
          children: { type: "array", items: { $ref: "#/$defs/node" } },
        },
        required: ["value"],
      },
    },
    $ref: "#/$defs/node",
  });

  it("terminates on recursive schemas", () => {
    expect(ok(tree("integer"), tree("number"))).toBe(true);
    expect(messages(tree("number"), tree("integer"))).toContain(
      "error: value: T needs an integer; S.value can be a number with a fraction",
    );
  });

  it("resolves $id, anchors and pointers", () => {
    const source = {
      $id: "https://example.com/a",
      $defs: { n: { $anchor: "num", type: "integer" } },
      $ref: "#num",
    };
    expect(ok(source, { $ref: "#/$defs/x", $defs: { x: { type: "number" } } })).toBe(true);
  });

  it("warns about what it cannot resolve", () => {
    expect(messages({ type: "string" }, { $ref: "other.json#/x" })).toEqual([
      'warning: T refers to "other.json#/x", which Baton cannot find',
    ]);
    expect(
      messages(
        { type: "string" },
        { $defs: { loop: { allOf: [{ $ref: "#/$defs/loop" }] } }, $ref: "#/$defs/loop" },
      ),
    ).toEqual([
      "warning: T refers to itself without a field or item in between, which Baton cannot check",
    ]);
  });
});

describe("assignable: strings and numbers", () => {
  it("checks formats", () => {
    expect(ok({ type: "string", format: "uuid" }, { type: "string", format: "uuid" })).toBe(true);
    expect(messages({ type: "string" }, { type: "string", format: "email" })).toEqual([
      "error: T needs a string (format email); S can be any string",
    ]);
    expect(ok({ const: "ann@example.com" }, { type: "string", format: "email" })).toBe(true);
    expect(messages({ type: "string" }, { type: "string", format: "shoe-size" })).toEqual([
      'warning: T uses the format "shoe-size", which Baton does not know',
    ]);
  });

  it("knows which formats imply or exclude each other", () => {
    const string = (format: string) => ({ type: "string", format });
    expect(messages(string("date-time"), string("date"))).toEqual([
      "error: T needs a string (format date); S is a date-time, which is never a date",
    ]);
    expect(messages(string("email"), string("uri"))).toEqual([
      "error: T needs a string (format uri); S is an email address, which is never a URI",
    ]);
    expect(ok(string("date-time"), string("iso-date-time"))).toBe(true);
    expect(ok(string("uri"), string("uri-reference"))).toBe(true);
    // Overlapping formats stay unproven: "10.0.0.1" is an ipv4 and a hostname.
    expect(messages(string("ipv4"), string("hostname"))).toEqual([
      "warning: T needs a string (format hostname); Baton cannot prove that S always has format hostname",
    ]);
    expect(ok(string("uri-reference"), string("uri"))).toBe(false);
  });

  it("checks length bounds", () => {
    expect(
      ok(
        { type: "string", minLength: 2, maxLength: 5 },
        { type: "string", minLength: 1, maxLength: 10 },
      ),
    ).toBe(true);
    expect(messages({ type: "string" }, { type: "string", minLength: 1 })).toEqual([
      "error: T needs a string (at least 1 character); S can be empty",
    ]);
    expect(
      messages({ type: "string", maxLength: 300 }, { type: "string", maxLength: 254 }),
    ).toEqual([
      "error: T needs a string (at most 254 characters); S can be longer than 254 characters",
    ]);
  });

  it("checks numeric bounds, exclusive ones and integer rounding", () => {
    expect(ok({ type: "integer", exclusiveMinimum: 0 }, { type: "integer", minimum: 1 })).toBe(
      true,
    );
    expect(ok({ type: "number", exclusiveMinimum: 0 }, { type: "number", minimum: 0 })).toBe(true);
    expect(
      messages({ type: "number", minimum: 0 }, { type: "number", exclusiveMinimum: 0 }),
    ).toEqual(["error: T needs a number above 0; S can be 0 or less"]);
    expect(
      messages({ type: "integer", minimum: 0 }, { type: "integer", minimum: 50, maximum: 100 }),
    ).toEqual([
      "error: T needs an integer from 50 to 100; S can be less than 50",
      "error: T needs an integer from 50 to 100; S can be more than 100",
    ]);
  });

  it("takes a whole multipleOf for integers where Ajv's division allows no fraction", () => {
    const integer = { type: "integer" };
    expect(ok({ type: "number", multipleOf: 1 }, integer)).toBe(true);
    expect(
      ok({ type: "number", multipleOf: 1, minimum: 0.5 }, { type: "integer", minimum: 1 }),
    ).toBe(true);
    expect(ok({ type: "number", multipleOf: 2, minimum: 1 }, integer)).toBe(true);
    expect(ok({ type: "number", multipleOf: 3, maximum: -1 }, integer)).toBe(true);
    // 5e-324 / 2 rounds to 0, so Ajv takes that fraction for a multiple of 2.
    expect(messages({ type: "number", multipleOf: 2 }, integer)).toEqual([
      "error: T needs an integer; S can be a number with a fraction (Ajv counts tiny fractions such as 5e-324 as multiples of 2)",
    ]);
    expect(messages({ type: "number", multipleOf: 0.5 }, integer)).toEqual([
      "error: T needs an integer; S can be a number with a fraction",
    ]);
  });

  it("proves multipleOf only when it is exact", () => {
    expect(
      ok(
        { type: "integer", multipleOf: 6, minimum: 0, maximum: 1e6 },
        { type: "integer", multipleOf: 3 },
      ),
    ).toBe(true);
    expect(
      assignable({ type: "number" }, { type: "number", multipleOf: 0.1 }).problems,
    ).toMatchObject([{ severity: "warning" }]);
  });

  it("warns about patterns it cannot prove and proves identical ones", () => {
    const country = { type: "string", pattern: "^[A-Z]{2}$" };
    expect(ok(country, country)).toBe(true);
    expect(ok({ enum: ["NL", "DE"] }, country)).toBe(true);
    expect(messages({ type: "string", pattern: "^[A-Z][A-Z]$" }, country)).toEqual([
      "warning: T needs a string (matching ^[A-Z]{2}$); Baton cannot prove that S always matches ^[A-Z]{2}$",
    ]);
    expect(messages({ type: "string" }, country)).toEqual([
      'error: T needs a string (matching ^[A-Z]{2}$); S can be "", which does not match ^[A-Z]{2}$',
    ]);
  });
});

describe("assignable: keywords it does not model", () => {
  it("warns about them in a target and ignores them in a source", () => {
    expect(messages({ type: "string" }, { type: "string", "x-kind": "id" })).toEqual([
      'warning: T uses the keyword "x-kind", which Baton cannot check',
    ]);
    expect(ok({ type: "string", "x-kind": "id" }, { type: "string" })).toBe(true);
    const conditional = JSON.parse(
      '{"type":"object","if":{"required":["a"]},"then":{"required":["b"]}}',
    );
    expect(messages({ type: "object" }, conditional)).toEqual([
      'warning: T uses the keyword "if", which Baton cannot check',
      'warning: T uses the keyword "then", which Baton cannot check',
    ]);
  });
});

describe("assignable: labels", () => {
  const texts = (source: TJsonSchema, target: TJsonSchema) =>
    assignable(source, target).problems.map((problem) => problem.message);

  it("uses neutral labels by default", () => {
    expect(texts({ type: "null" }, { type: "string" })).toEqual([
      "the target needs a string; the source can be null",
    ]);
  });

  it("names a place inside a label that is a noun in words, not glued to it as a path", () => {
    const object = (type: string) => ({ type: "object", properties: { tags: { type } } });
    expect(texts(object("null"), object("string"))).toEqual([
      'tags: the target needs a string; field "tags" of the source can be null',
    ]);
    const list = (type: string) => ({ type: "array", items: { type } });
    expect(texts(list("null"), list("string"))).toEqual([
      "[]: the target needs a string; an item of the source can be null",
    ]);
    const pair = { type: "array", prefixItems: [{ type: "null" }], items: false };
    expect(texts(pair, list("string"))).toEqual([
      "[0]: the target needs a string; item 0 of the source can be null",
    ]);
    expect(
      texts(object("null"), { type: "object", additionalProperties: { type: "string" } }),
    ).toEqual([
      'tags: the target needs a string; field "tags" of the source can be null',
      "*: the target needs a string; another field of the source can be any value",
    ]);
    const nested = { type: "object", properties: { a: object("null") } };
    expect(texts(nested, { type: "object", properties: { a: object("string") } })).toEqual([
      'a.tags: the target needs a string; field "a.tags" of the source can be null',
    ]);
  });

  it("keeps a label that is a reference as a path", () => {
    expect(
      assignable(
        { type: "object", properties: { tags: { type: "null" } } },
        { type: "object", properties: { tags: { type: "string" } } },
        { sourceLabel: "Create user.output", targetLabel: "Send" },
      ).problems.map((problem) => problem.message),
    ).toEqual(["tags: Send needs a string; Create user.output.tags can be null"]);
  });
});
