import { describe, expect, it } from "vitest";
import {
  branch,
  chain,
  choice,
  end,
  expr,
  fn,
  literal,
  manual,
  map,
  next,
  onError,
  ref,
  scenario,
  start,
  catalog as testCatalog,
  wait,
} from "../../test/fixtures.ts";
import { resolveSource } from "../build-input.ts";
import type { TCatalog } from "../catalog.ts";
import { evaluateExpression } from "../expression.ts";
import type { TJsonSchema } from "../json-schema.ts";
import type { TMapping, TNode, TScenario } from "../scenario.ts";
import { checkScenario } from "./check-scenario.ts";
import type { TDiagnostic } from "./diagnostic.ts";
import { applyQuickFix, type TQuickFix } from "./quick-fix.ts";

const INVOICE_INPUT = {
  type: "object",
  properties: {
    customerId: { type: "string", minLength: 1 },
    totalCents: { type: "integer", minimum: 0 },
    currency: { enum: ["EUR", "USD"] },
    email: { type: "string", format: "email" },
    lines: {
      type: "array",
      minItems: 1,
      maxItems: 3,
      uniqueItems: true,
      items: {
        type: "object",
        properties: { sku: { type: "string" } },
        required: ["sku"],
        additionalProperties: false,
      },
    },
    note: { type: "string", maxLength: 10 },
    discount: { type: "number", maximum: 100 },
  },
  required: ["customerId", "totalCents"],
  additionalProperties: false,
} as const satisfies TJsonSchema;

const catalog: TCatalog = {
  ...testCatalog,
  "shop/Invoice": {
    ref: "shop/Invoice",
    name: "Invoice",
    inputSchema: INVOICE_INPUT,
    outputSchema: {
      type: "object",
      properties: { invoiceId: { type: "string" }, totalCents: { type: "number" } },
      required: ["invoiceId", "totalCents"],
    },
  },
};

/** start(input) → invoice(mapping) → end: the frame of most cases below. */
const invoiceFrom = (input: TJsonSchema, mapping?: TMapping): TScenario =>
  scenario(
    [start(input), fn("invoice", "shop/Invoice", mapping), end()],
    chain("start", "invoice", "end"),
  );

const object = (properties: Record<string, TJsonSchema>, required: string[] = []) => ({
  type: "object",
  properties,
  ...(required.length > 0 ? { required } : {}),
});

const same = (a: TDiagnostic) => (b: TDiagnostic) =>
  a.code === b.code && a.nodeId === b.nodeId && a.path === b.path && a.message === b.message;

const keyOf = (d: TDiagnostic) => `${d.code}|${d.nodeId}|${d.path}|${d.message}`;

/**
 * Finds the diagnostic whose message contains `problem`, applies its fix titled `title`
 * and checks again: that diagnostic is gone and (unless `newErrors`) no error is new.
 */
const settle = (
  raw: TScenario,
  problem: string,
  title: string,
  options: { readonly newErrors?: readonly string[]; readonly catalog?: TCatalog } = {},
): { fix: TQuickFix; fixed: TScenario } => {
  const using = options.catalog ?? catalog;
  const before = checkScenario(raw, using);
  const diagnostic = before.find((d) => d.message.includes(problem));
  if (!diagnostic) throw new Error(`no diagnostic says "${problem}": ${before.map(keyOf)}`);
  const titles = (diagnostic.fixes ?? []).map((f) => f.title);
  const fix = diagnostic.fixes?.find((f) => f.title === title);
  if (!fix) throw new Error(`no fix "${title}" for "${diagnostic.message}", only ${titles}`);
  const fixed = applyQuickFix(raw, fix);
  const after = checkScenario(fixed, using);
  expect(after.filter(same(diagnostic))).toEqual([]);
  const known = new Set(before.map(keyOf));
  const added = after.filter((d) => d.severity === "error" && !known.has(keyOf(d)));
  expect(added.map((d) => d.code)).toEqual(options.newErrors ?? []);
  return { fix, fixed };
};

const scenarios: { raw: TScenario; using: TCatalog }[] = [];
/** Remembers a case's scenario, and the catalog it is checked with, for the sweep at the end. */
const keep = (raw: TScenario, using: TCatalog = catalog): TScenario => {
  scenarios.push({ raw, using });
  return raw;
};

describe("quick fixes that narrow the scenario input", () => {
  const loose = object(
    {
      customerId: { type: "string" },
      totalCents: { type: "number" },
      currency: { type: "string" },
      email: { type: ["string", "null"] },
      lines: { type: "array", items: object({ sku: { type: "string" } }) },
      note: { type: "string" },
      extra: {},
    },
    ["customerId"],
  );
  const mapped = keep(
    invoiceFrom(loose, {
      customerId: ref("input.customerId"),
      totalCents: ref("input.totalCents"),
      currency: ref("input.currency"),
      email: ref("input.email"),
      lines: ref("input.lines"),
      note: ref("input.note"),
    }),
  );

  it("adds a minimum length to a text field the step needs non-empty", () => {
    const { fix } = settle(
      mapped,
      "input.customerId can be empty",
      "Make input.customerId a string (at least 1 character)",
    );
    expect(fix).toEqual({
      title: "Make input.customerId a string (at least 1 character)",
      nodeId: "start",
      edits: [
        { op: "set", path: ["inputSchema", "properties", "customerId", "minLength"], value: 1 },
      ],
    });
  });

  it("adds a bound, an integer type, listed values and a format", () => {
    settle(
      mapped,
      "input.totalCents can be less than 0",
      "Make input.totalCents a number of at least 0",
    );
    settle(
      mapped,
      "input.totalCents can be a number with a fraction",
      "Make input.totalCents an integer",
    );
    settle(
      mapped,
      "input.currency can be other strings",
      'Make input.currency one of "EUR", "USD"',
    );
    settle(
      mapped,
      "input.email can be any string",
      "Make input.email null or a string (format email)",
    );
  });

  it("takes null out of a nullable field", () => {
    const { fix } = settle(mapped, "input.email can be null", "Make input.email a string");
    expect(fix.edits).toEqual([
      { op: "set", path: ["inputSchema", "properties", "email", "type"], value: "string" },
    ]);
  });

  it("makes a field required, at the top and inside list items", () => {
    const { fix } = settle(
      mapped,
      "input.totalCents can be missing",
      "Make input.totalCents required",
    );
    expect(fix.edits).toEqual([
      { op: "set", path: ["inputSchema", "required"], value: ["customerId", "totalCents"] },
    ]);
    settle(mapped, "input.lines[].sku can be missing", "Make input.lines[].sku required");
  });

  it("bounds a list's length and forbids repeats", () => {
    settle(mapped, "input.lines can be empty", "Make input.lines a list of at least 1 item");
    settle(mapped, "input.lines can have more", "Make input.lines a list of at most 3 items");
    settle(
      mapped,
      "input.lines can repeat items",
      "Make input.lines a list without repeated items",
    );
  });

  it("closes a list item's object to other fields", () => {
    settle(mapped, "input.lines[] can have other fields", "Allow no other fields in input.lines[]");
  });

  it("narrows the input a step takes whole from the start, without a mapping", () => {
    const whole = keep(
      invoiceFrom(
        object({ customerId: { type: "string" }, totalCents: { type: "integer", minimum: 0 } }, [
          "totalCents",
        ]),
      ),
    );
    settle(
      whole,
      "customerId can be empty",
      "Make input.customerId a string (at least 1 character)",
    );
    settle(whole, "customerId can be missing", "Make input.customerId required");
  });

  it("narrows a nested field of an object mapped whole", () => {
    const input = object({ order: object({ total: { type: "number" } }, ["total"]) }, ["order"]);
    const raw = keep(
      scenario(
        [
          start(input),
          fn("invoice", "shop/Invoice", {
            customerId: literal("c1"),
            totalCents: ref("input.order.total"),
          }),
          end(),
        ],
        chain("start", "invoice", "end"),
      ),
    );
    settle(
      raw,
      "input.order.total can be less than 0",
      "Make input.order.total a number of at least 0",
    );
  });

  it("offers nothing to narrow where the field comes from a shared definition", () => {
    const input = {
      type: "object",
      properties: { customerId: { $ref: "#/$defs/id" } },
      required: ["customerId"],
      $defs: { id: { type: "string" } },
    };
    const raw = invoiceFrom(input, {
      customerId: ref("input.customerId"),
      totalCents: literal(1),
    });
    const diagnostic = checkScenario(raw, catalog).find((d) => d.path === "input.customerId");
    expect(diagnostic?.fixes?.map((f) => f.title)).toEqual([
      "Check at run time that input.customerId is a string (at least 1 character) (the step fails if not)",
    ]);
  });
});

describe("quick fixes that narrow a form or an expression's declared result", () => {
  it("narrows the field of a manual step's form that a mapping reads", () => {
    const approve = manual("approve", {
      form: object({ amount: { type: "number" } }, ["amount"]),
    });
    const raw = keep(
      scenario(
        [
          start(),
          approve,
          fn("invoice", "shop/Invoice", {
            customerId: literal("c1"),
            totalCents: ref("steps.approve.output.data.amount"),
          }),
          end(),
        ],
        chain("start", "approve", "invoice", "end"),
      ),
    );
    const { fix } = settle(
      raw,
      "can be a number with a fraction",
      "Make steps.approve.output.data.amount an integer",
    );
    expect(fix.edits).toEqual([
      { op: "set", path: ["form", "properties", "amount", "type"], value: "integer" },
    ]);
  });

  it("narrows the schema an expression declares", () => {
    const raw = keep(
      invoiceFrom(object({}), {
        customerId: expr("$string(42)", { type: "string" }),
        totalCents: literal(5),
      }),
    );
    const { fix } = settle(
      raw,
      "can be empty",
      "Make the expression's result a string (at least 1 character)",
    );
    expect(fix.edits).toEqual([
      { op: "set", path: ["input", "customerId", "schema", "minLength"], value: 1 },
    ]);
  });

  it("declares what an untyped expression must give", () => {
    const raw = keep(
      invoiceFrom(object({}), { customerId: expr("'c' & '1'"), totalCents: literal(5) }),
    );
    const { fix } = settle(
      raw,
      "has no declared schema",
      "Declare the expression's result as a string (at least 1 character)",
    );
    expect(fix.edits).toEqual([
      {
        op: "set",
        path: ["input", "customerId"],
        value: { expr: "'c' & '1'", schema: { type: "string", minLength: 1 } },
      },
    ]);
  });
});

describe("quick fixes that check or convert a value at run time", () => {
  const upstream = object({ amount: { type: "number" }, text: { type: "string" } }, [
    "amount",
    "text",
  ]);
  const sourceCatalog: TCatalog = {
    ...catalog,
    "shop/Quote": { ref: "shop/Quote", name: "Quote", inputSchema: true, outputSchema: upstream },
  };
  const fromQuote = (mapping: TMapping) =>
    keep(
      scenario(
        [start(), fn("quote", "shop/Quote"), fn("invoice", "shop/Invoice", mapping), end()],
        chain("start", "quote", "invoice", "end"),
      ),
      sourceCatalog,
    );
  const raw = fromQuote({
    customerId: ref("steps.quote.output.text"),
    totalCents: ref("steps.quote.output.amount"),
    note: ref("steps.quote.output.text"),
    discount: ref("steps.quote.output.amount"),
  });
  const options = { catalog: sourceCatalog };

  it("checks a step's output at run time with an expression that declares the schema", () => {
    const { fix } = settle(
      raw,
      "quote.output.text can be empty",
      "Check at run time that steps.quote.output.text is a string (at least 1 character) (the step fails if not)",
      options,
    );
    expect(fix.edits).toEqual([
      {
        op: "set",
        path: ["input", "customerId"],
        value: { expr: "steps.quote.output.text", schema: { type: "string", minLength: 1 } },
      },
    ]);
  });

  it("rounds, raises, lowers and cuts with expressions that declare what the step takes", () => {
    settle(
      raw,
      "quote.output.amount can be a number with a fraction",
      "Round to an integer: $round(steps.quote.output.amount)",
      options,
    );
    settle(
      raw,
      "quote.output.amount can be less than 0",
      "Raise values below 0 to 0: $max([steps.quote.output.amount, 0])",
      options,
    );
    settle(
      raw,
      "quote.output.amount can be more than 100",
      "Lower values above 100 to 100: $min([steps.quote.output.amount, 100])",
      options,
    );
    settle(
      raw,
      "quote.output.text can be longer than 10 characters",
      "Cut to 10 characters: $substring(steps.quote.output.text, 0, 10)",
      options,
    );
  });

  it("fails the step with a sentence when a checked value breaks the declared schema", async () => {
    const fix = checkScenario(raw, sourceCatalog)
      .find((d) => d.message.includes("quote.output.text can be empty"))
      ?.fixes?.find((f) => f.title.startsWith("Check at run time"));
    const edit = fix?.edits[0];
    if (edit?.op !== "set") throw new Error("the fix sets the source");
    const source = edit.value as { expr: string; schema: TJsonSchema };
    const context = (text: string) => ({ input: {}, steps: { quote: { output: { text } } } });
    await expect(resolveSource(source, context("c1"), evaluateExpression)).resolves.toBe("c1");
    await expect(resolveSource(source, context(""), evaluateExpression)).rejects.toThrow(
      'The expression "steps.quote.output.text" does not match its declared schema (a string (at least 1 character)): its result must NOT have fewer than 1 characters.',
    );
  });

  it("quotes field names JSONata would misread", () => {
    const odd = object({ "first name": { type: "string" }, null: { type: "string" } }, [
      "first name",
      "null",
    ]);
    const quoted = keep(
      invoiceFrom(odd, {
        customerId: ref("input.first name"),
        note: ref("input.null"),
        totalCents: literal(1),
      }),
    );
    settle(
      quoted,
      'input["first name"] can be empty',
      "Check at run time that input.first name is a string (at least 1 character) (the step fails if not)",
    );
    const fix = checkScenario(quoted, catalog)
      .find((d) => d.path === "input.note")
      ?.fixes?.find((f) => f.title.startsWith("Check"));
    expect(fix?.edits[0]).toMatchObject({ value: { expr: "input.`null`" } });
  });

  it("checks a map's items and a wait's time at run time", () => {
    const body = [start(undefined, "itemStart"), end(undefined, "itemEnd")];
    const each = map("each", ref("input.list"), body, chain("itemStart", "itemEnd"));
    const waitFor = wait("pause", { until: ref("input.when") });
    const raw2 = keep(
      scenario(
        [
          start(object({ list: {}, when: { type: "string" } }, ["list", "when"])),
          each,
          waitFor,
          end(),
        ],
        chain("start", "each", "pause", "end"),
      ),
    );
    settle(raw2, "input.list can be any value", "Make input.list a list");
    settle(
      raw2,
      "input.list can be any value",
      'Check at run time that input.list fits what "each" needs (the step fails if not)',
    );
    settle(raw2, "input.when can be any string", "Make input.when a string (format date-time)");
  });
});

describe("quick fixes for mappings", () => {
  it("maps a missing field from a field of the same name upstream", () => {
    const raw = keep(
      scenario(
        [
          start(object({ customerId: { type: "string", minLength: 1 } }, ["customerId"])),
          fn("quote", "test/Count", { tag: literal("x") }),
          fn("invoice", "shop/Invoice", { totalCents: ref("steps.quote.output.count") }),
          end(),
        ],
        chain("start", "quote", "invoice", "end"),
      ),
    );
    const { fix } = settle(
      raw,
      "invoice needs a value; the mapping does not provide it",
      "Map customerId from input.customerId",
    );
    expect(fix.edits).toEqual([
      { op: "set", path: ["input", "customerId"], value: { ref: "input.customerId" } },
    ]);
  });

  it("removes a mapped field the step does not take", () => {
    const raw = keep(
      invoiceFrom(object({}), {
        customerId: literal("c"),
        totalCents: literal(1),
        colour: literal("red"),
      }),
    );
    const { fix } = settle(raw, "does not accept this field", "Remove colour from the mapping");
    expect(fix.edits).toEqual([{ op: "remove", path: ["input", "colour"] }]);
  });

  it("takes one predecessor's result where several meet without a mapping", () => {
    const raw = keep(
      scenario(
        [start(), fn("a", "test/Anything"), fn("b", "test/Anything"), end()],
        [...chain("start", "a", "end"), ...chain("start", "b", "end")],
      ),
    );
    const { fix } = settle(raw, "incoming edges and no mapping", 'Take the output of "b"');
    expect(fix.edits).toEqual([
      { op: "set", path: ["output"], value: { $: { ref: "steps.b.output" } } },
    ]);
  });
});

describe("quick fixes for references", () => {
  const getUser = fn("getUser", "test/GetUser", { id: literal("u1") });
  const reading = (text: string, extra: TNode[] = [], edges = chain("start", "getUser")) =>
    keep(
      scenario(
        [start(), getUser, ...extra, fn("count", "test/Count", { tag: ref(text) }), end()],
        [...edges, ...chain(edges[edges.length - 1]?.target ?? "getUser", "count", "end")],
      ),
    );

  it("corrects a misspelt field, step and the output read after a failure", () => {
    settle(
      reading("steps.getUser.output.nmae"),
      'has no field "nmae"',
      "Read steps.getUser.output.name instead",
    );
    settle(
      reading("steps.getUsr.output.name"),
      'there is no step "getUsr"',
      "Read steps.getUser.output.name instead",
    );
    const afterFailure = (text: string) =>
      keep(
        scenario(
          [start(), getUser, fn("count", "test/Count", { tag: ref(text) }), end()],
          [next("start", "getUser"), onError("getUser", "count"), next("count", "end")],
        ),
      );
    settle(
      afterFailure("steps.getUser.output.message"),
      "only runs after",
      "Read steps.getUser.error.message instead",
    );
    // The error has no "name": reading it there would only trade one error for another.
    const unreadable = checkScenario(afterFailure("steps.getUser.output.name"), catalog).find((d) =>
      d.message.includes("only runs after"),
    );
    expect(unreadable?.fixes).toBeUndefined();
  });

  it("corrects a reference in a choice's rule and in a map's items", () => {
    const input = object({ amount: { type: "number" }, lines: { type: "array" } }, [
      "amount",
      "lines",
    ]);
    const rules = [
      { branch: "big", condition: { ref: "input.amuont", op: "gt" as const, value: 5 } },
    ];
    const body = [start(undefined, "itemStart"), end(undefined, "itemEnd")];
    const raw = keep(
      scenario(
        [
          start(input),
          choice("pick", rules, "small"),
          map("each", ref("input.lnes"), body, chain("itemStart", "itemEnd")),
          end(),
        ],
        [
          next("start", "pick"),
          branch("pick", "big", "each"),
          branch("pick", "small", "each"),
          next("each", "end"),
        ],
      ),
    );
    const { fix } = settle(raw, '"amuont"', "Read input.amount instead");
    expect(fix.edits).toEqual([
      { op: "set", path: ["rules", 0, "condition", "ref"], value: "input.amount" },
    ]);
    settle(raw, '"lnes"', "Read input.lines instead");
  });

  it("leaves a reference inside an expression to the person", () => {
    const raw = scenario(
      [
        start(),
        fn("count", "test/Count", { tag: expr("steps.getUsr.output.name", { type: "string" }) }),
        end(),
      ],
      chain("start", "count", "end"),
    );
    const diagnostic = checkScenario(raw, catalog).find((d) => d.code === "unknown-step");
    expect(diagnostic?.fixes).toBeUndefined();
  });

  it("calls the catalog function whose name is closest", () => {
    const raw = keep(
      scenario(
        [start(), fn("count", "test/Cuont", { tag: literal("a") }), end()],
        chain("start", "count", "end"),
      ),
    );
    settle(raw, "which is not in the catalog", "Call test/Count instead");
  });
});

describe("quick fixes for choices, maps and manual steps", () => {
  it("adds a default branch, named after a loose branch edge when there is one", () => {
    const rules = [{ branch: "big", condition: { ref: "input.n", op: "gt" as const, value: 5 } }];
    const raw = keep(
      scenario(
        [start(object({ n: { type: "number" } }, ["n"])), choice("pick", rules), end()],
        [next("start", "pick"), branch("pick", "big", "end"), branch("pick", "small", "end")],
      ),
    );
    settle(raw, "has no default branch", 'Make "small" the default branch');
    settle(raw, 'follows the branch "small"', 'Make "small" the default branch');
    const bare = keep(
      scenario(
        [start(object({ n: { type: "number" } }, ["n"])), choice("pick", rules), end()],
        [next("start", "pick"), branch("pick", "big", "end")],
      ),
    );
    settle(bare, "has no default branch", 'Make "otherwise" the default branch', {
      newErrors: ["missing-branch-edge"],
    });
  });

  it("lowers a map's concurrency to the server's limit", () => {
    const body = [start(undefined, "itemStart"), end(undefined, "itemEnd")];
    const each = {
      ...map("each", literal([1, 2]), body, chain("itemStart", "itemEnd")),
      concurrency: 500,
    };
    const raw = keep(scenario([start(), each, end()], chain("start", "each", "end")));
    settle(raw, "runs 500 items at once", "Run at most 100 items at once");
  });

  it("lets approvers decide a manual step nobody is assigned to", () => {
    const approve = manual("approve", { assignees: { roles: [], users: [] } });
    const raw = keep(scenario([start(), approve, end()], chain("start", "approve", "end")));
    settle(raw, "Nobody is assigned", "Let approvers decide it");
  });
});

describe("every quick fix", () => {
  it("settles the diagnostic it is offered for, in every scenario above", () => {
    let applied = 0;
    for (const { raw, using } of scenarios) {
      for (const diagnostic of checkScenario(raw, using)) {
        for (const fix of diagnostic.fixes ?? []) {
          const after = checkScenario(applyQuickFix(raw, fix), using);
          expect(after.filter(same(diagnostic)), fix.title).toEqual([]);
          applied++;
        }
      }
    }
    expect(applied).toBeGreaterThan(40);
  });

  it("is plain data that survives JSON, as the server sends it", () => {
    const diagnostics = scenarios.flatMap(({ raw, using }) => checkScenario(raw, using));
    expect(JSON.parse(JSON.stringify(diagnostics))).toEqual(diagnostics);
  });
});
