import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import {
  branch,
  catalog,
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
  USER_INPUT,
  wait,
} from "../../test/fixtures.ts";
import type { TCatalog } from "../catalog.ts";
import type { TNode } from "../scenario.ts";
import { analyzeScenario, checkScenario } from "./check-scenario.ts";

const codes = (raw: unknown, options = {}) =>
  checkScenario(raw, catalog, options).map(
    (d) => `${d.severity} ${d.code} ${d.nodeId ?? d.edgeId ?? "-"}`,
  );

const getUser = fn("getUser", "test/GetUser", { id: ref("input.userId") });

/** start → getUser → <node> → end, the usual frame for a step under test. */
const afterUser = (node: TNode, output = { name: ref("steps.getUser.output.name") }) =>
  scenario(
    [start(USER_INPUT), getUser, node, end(output)],
    chain("start", "getUser", node.id, "end"),
  );

describe("checkScenario: a clean scenario", () => {
  it("finds nothing wrong with a typed linear flow", () => {
    const clean = afterUser(fn("count", "test/Count", { tag: ref("steps.getUser.output.name") }));
    expect(checkScenario(clean, catalog)).toEqual([]);
  });
});

describe("checkScenario: mappings", () => {
  it("explains a type mismatch with both sides and the path", () => {
    const diagnostics = checkScenario(
      afterUser(fn("notify", "test/SendEmail", { recipient: ref("steps.getUser.output.email") })),
      catalog,
    );
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: "error",
        code: "type-mismatch",
        nodeId: "notify",
        path: "input.recipient",
        message:
          "input.recipient: notify needs a string (format email); getUser.output.email can be null",
      }),
    ]);
  });

  it("reports a required input the mapping does not set", () => {
    const [diagnostic] = checkScenario(
      afterUser(fn("notify", "test/SendEmail", { subject: literal("Hi") })),
      catalog,
    );
    expect(diagnostic).toMatchObject({
      code: "missing-input",
      path: "input.recipient",
      message: "input.recipient: notify needs a value; the mapping does not provide it",
    });
  });

  it("reports a field the function does not accept", () => {
    const diagnostics = checkScenario(
      afterUser(
        fn("notify", "test/SendEmail", { recipient: literal("a@b.co"), cc: literal("c@d.co") }),
      ),
      catalog,
    );
    expect(diagnostics).toMatchObject([
      {
        code: "type-mismatch",
        path: "input.cc",
        message: "input.cc: notify does not accept this field; the mapping always has it",
      },
    ]);
  });

  it("checks literals by value", () => {
    const diagnostics = checkScenario(
      afterUser(fn("notify", "test/SendEmail", { recipient: literal("not an email") })),
      catalog,
    );
    expect(diagnostics).toMatchObject([
      {
        code: "type-mismatch",
        message:
          'input.recipient: notify needs a string (format email); the literal value can be "not an email"',
      },
    ]);
  });

  it("judges a literal list's repeated items by its value", () => {
    const label = (tags: unknown) => afterUser(fn("label", "test/Label", { tags: literal(tags) }));
    expect(checkScenario(label(["vip", "new"]), catalog)).toEqual([]);
    expect(checkScenario(label(["vip", "vip"]), catalog)).toMatchObject([
      {
        code: "type-mismatch",
        message:
          "input.tags: label needs a list without repeated items; the literal value can repeat items",
      },
    ]);
  });

  it("names the fields of a literal in words", () => {
    const diagnostics = checkScenario(
      afterUser(fn("count", "test/Count", { $: literal({ tag: 5 }) })),
      catalog,
    );
    expect(diagnostics.map((d) => d.message)).toEqual([
      'input.tag: count needs a string; field "tag" of the literal value can be 5',
    ]);
  });

  it("takes the single predecessor's whole output when there is no mapping", () => {
    const diagnostics = checkScenario(afterUser(fn("notify", "test/SendEmail")), catalog);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "input.recipient: notify needs a value; getUser.output does not provide it",
      "input.id: notify does not accept this field; getUser.output always has it",
      "input.name: notify does not accept this field; getUser.output always has it",
      "input.email: notify does not accept this field; getUser.output always has it",
      "input.age: notify does not accept this field; getUser.output can have it",
      "input.tags: notify does not accept this field; getUser.output can have it",
    ]);
  });

  it("asks for a mapping at a join", () => {
    const raw = scenario(
      [
        start(USER_INPUT),
        getUser,
        fn("a", "test/Count", { tag: ref("input.userId") }),
        fn("join", "test/Count"),
        end(),
      ],
      [...chain("start", "getUser", "join", "end"), next("start", "a"), next("a", "join")],
    );
    expect(codes(raw)).toContain("error missing-mapping join");
  });

  it("names unknown fields and suggests the closest one", () => {
    const [diagnostic] = checkScenario(
      afterUser(fn("count", "test/Count", { tag: ref("steps.getUser.output.nmae") })),
      catalog,
    );
    expect(diagnostic).toMatchObject({
      code: "unknown-field",
      message: 'steps.getUser.output.nmae: getUser.output has no field "nmae".',
      fix: 'Pick one of its fields. Did you mean "name"?',
    });
  });

  it("names an undeclared field of an open output once, with the closest declared one", () => {
    const notify = fn("notify", "test/SendEmail", { recipient: literal("a@b.co") });
    const read = (path: string) =>
      scenario(
        [start(USER_INPUT), getUser, notify, fn("count", "test/Count", { tag: ref(path) }), end()],
        chain("start", "getUser", "notify", "count", "end"),
      );
    expect(checkScenario(read("steps.notify.output.snet"), catalog)).toEqual([
      {
        severity: "error",
        code: "unknown-field",
        nodeId: "count",
        path: "input.tag",
        message:
          'steps.notify.output.snet: "snet" is not declared by notify.output. Did you mean "sent"?',
        fix: 'Read "sent" instead, or read "snet" with an expression that declares its schema.',
        fixes: [
          {
            title: "Read steps.notify.output.sent instead",
            nodeId: "count",
            edits: [
              { op: "set", path: ["input", "tag", "ref"], value: "steps.notify.output.sent" },
            ],
          },
        ],
      },
    ]);
    // A field one shape of a union declares is typed as usual (the other shape leaves it open).
    const either = {
      anyOf: [
        { type: "object", properties: { sent: { type: "string" } } },
        { type: "object", properties: { queued: { type: "string" } } },
      ],
    };
    const sendEmail = catalog["test/SendEmail"] as TCatalog[string];
    const union: TCatalog = {
      ...catalog,
      "test/SendEmail": { ...sendEmail, outputSchema: either },
    };
    expect(checkScenario(read("steps.notify.output.queued"), union).map((d) => d.code)).toEqual([
      "missing-input",
      "type-mismatch",
    ]);
    expect(checkScenario(read("steps.notify.output.zzz"), catalog)).toMatchObject([
      {
        code: "unknown-field",
        message: 'steps.notify.output.zzz: "zzz" is not declared by notify.output.',
        fix: 'Read one of its declared fields (sent), or read "zzz" with an expression that declares its schema.',
      },
    ]);
  });

  it("warns about an expression without a declared schema where the target is typed", () => {
    const diagnostics = checkScenario(
      afterUser(fn("count", "test/Count", { tag: expr("$uppercase(input.userId)") })),
      catalog,
    );
    expect(diagnostics).toMatchObject([
      { severity: "warning", code: "unproven", path: "input.tag" },
    ]);
  });

  it("warns about a recursion that never ends", () => {
    const diagnostics = checkScenario(
      afterUser(
        fn("count", "test/Count", {
          tag: expr("($f := function($n){ $f($n + 1) }; $f(0))", { type: "string" }),
        }),
      ),
      catalog,
    );
    expect(diagnostics).toMatchObject([
      {
        severity: "warning",
        code: "unbounded-recursion",
        path: "input.tag",
        message: expect.stringContaining("$f in the expression"),
      },
    ]);
  });

  it("trusts an expression's declared schema", () => {
    const node = fn("count", "test/Count", {
      tag: expr("$uppercase(input.userId)", { type: "string" }),
    });
    expect(checkScenario(afterUser(node), catalog)).toEqual([]);
  });

  it("reports expressions that do not parse", () => {
    expect(codes(afterUser(fn("count", "test/Count", { tag: expr("$uppercase(") })))).toContain(
      "error invalid-expression count",
    );
  });
});

describe("checkScenario: what a step may read", () => {
  const parallel = (reader: TNode) =>
    scenario(
      [
        start(USER_INPUT),
        getUser,
        fn("count", "test/Count", { tag: ref("input.userId") }),
        reader,
        end({}),
      ],
      [
        ...chain("start", "getUser", "count", "end"),
        next("getUser", reader.id),
        next(reader.id, "end"),
      ],
    );

  it("rejects a sibling on a parallel branch", () => {
    const reader = fn("reader", "test/Count", {
      tag: expr("$string(steps.count.output.count)", { type: "string" }),
    });
    const [diagnostic] = checkScenario(parallel(reader), catalog);
    expect(diagnostic).toMatchObject({ code: "not-ancestor", nodeId: "reader" });
    expect(diagnostic?.message).toContain('"count" runs on a parallel branch, not before "reader"');
  });

  it("rejects a step that runs later", () => {
    const raw = scenario(
      [
        start(USER_INPUT),
        fn("first", "test/Count", { tag: ref("steps.later.output.name") }),
        fn("later", "test/GetUser", { id: ref("input.userId") }),
        end({}),
      ],
      chain("start", "first", "later", "end"),
    );
    expect(checkScenario(raw, catalog)[0]?.message).toContain('"later" runs after "first"');
  });

  it("rejects an unknown step with a suggestion", () => {
    const [diagnostic] = checkScenario(
      afterUser(fn("count", "test/Count", { tag: ref("steps.getUsr.output.name") })),
      catalog,
    );
    expect(diagnostic).toMatchObject({
      code: "unknown-step",
      fix: 'Refer to an upstream step by its id. Did you mean "getUser"?',
    });
  });

  it("knows that a step reached by an error edge has the error, not the output", () => {
    const raw = scenario(
      [
        start(USER_INPUT),
        getUser,
        fn("fallback", "test/Count", { tag: ref("steps.getUser.output.name") }),
        fn("report", "test/Count", { tag: ref("steps.getUser.error.message") }),
        end({}),
      ],
      [
        ...chain("start", "getUser", "end"),
        onError("getUser", "fallback"),
        ...chain("fallback", "report", "end"),
      ],
    );
    expect(codes(raw)).toEqual(["error unavailable-output fallback"]);
  });

  it("types a value that only one branch of a choice produces as possibly missing", () => {
    const raw = scenario(
      [
        start(USER_INPUT),
        choice(
          "which",
          [{ branch: "user", condition: { ref: "input.note", op: "exists" } }],
          "skip",
        ),
        getUser,
        fn("count", "test/Count", { tag: ref("steps.getUser.output.name") }),
        end({}),
      ],
      [
        next("start", "which"),
        branch("which", "user", "getUser"),
        branch("which", "skip", "count"),
        next("getUser", "count"),
        next("count", "end"),
      ],
    );
    expect(checkScenario(raw, catalog)).toMatchObject([
      {
        code: "missing-input",
        message: "input.tag: count needs a value; getUser.output.name can be missing",
      },
    ]);
  });

  it("knows that parallel branches both finish before a join", () => {
    const raw = scenario(
      [
        start(USER_INPUT),
        getUser,
        fn("count", "test/Count", { tag: ref("input.userId") }),
        fn("join", "test/Count", {
          tag: expr("steps.getUser.output.name & steps.count.output.count", { type: "string" }),
        }),
        end({ name: ref("steps.getUser.output.name"), count: ref("steps.count.output.count") }),
      ],
      [...chain("start", "getUser", "join", "end"), ...chain("start", "count", "join")],
    );
    expect(checkScenario(raw, catalog)).toEqual([]);
  });
});

describe("checkScenario: graph shape", () => {
  it("reports unknown and missing functions", () => {
    const raw = scenario(
      [
        start(USER_INPUT),
        fn("a", "test/GetUsr", { id: ref("input.userId") }),
        fn("b", undefined),
        end(),
      ],
      chain("start", "a", "b", "end"),
    );
    const diagnostics = checkScenario(raw, catalog);
    expect(diagnostics.map((d) => d.code)).toEqual(["unknown-function", "missing-function"]);
    expect(diagnostics[0]?.fix).toContain('Did you mean "test/GetUser"?');
  });

  it("reports cycles, dangling edges, unreachable nodes and dead ends", () => {
    const raw = scenario(
      [
        start(USER_INPUT),
        fn("a", "test/Anything"),
        fn("b", "test/Anything"),
        fn("lonely", "test/Anything"),
        fn("stuck", "test/Anything"),
        end({}),
      ],
      [
        ...chain("start", "a", "b", "a"),
        next("a", "end"),
        next("start", "stuck"),
        { id: "ghost", kind: "next", source: "b", target: "nowhere" },
      ],
    );
    expect(codes(raw)).toEqual([
      "error dangling-edge ghost",
      "error cycle a",
      "warning unreachable-node lonely",
      "warning dead-end stuck",
    ]);
  });

  it("reports a missing start and end", () => {
    expect(codes(scenario([fn("a", "test/Anything")], []))).toEqual([
      "error missing-start -",
      "error missing-end -",
    ]);
  });

  it("checks choice branches", () => {
    const raw = scenario(
      [
        start(USER_INPUT),
        choice("route", [
          { branch: "a", condition: "input.note = 'a'" },
          { branch: "b", condition: { ref: "input.note", op: "eq", value: "b" } },
        ]),
        fn("x", "test/Anything"),
        end(),
      ],
      [
        next("start", "route"),
        branch("route", "a", "x"),
        branch("route", "c", "x"),
        next("x", "end"),
      ],
    );
    expect(codes(raw)).toEqual([
      "error choice-without-default route",
      "error missing-branch-edge route",
      "error unknown-branch route",
    ]);
  });

  it("warns about a comparison that can never hold", () => {
    const raw = scenario(
      [
        start(USER_INPUT),
        getUser,
        choice(
          "route",
          [
            {
              branch: "old",
              condition: { ref: "steps.getUser.output.age", op: "eq", value: "old" },
            },
          ],
          "young",
        ),
        end({}),
      ],
      [
        ...chain("start", "getUser", "route"),
        branch("route", "old", "end"),
        branch("route", "young", "end"),
      ],
    );
    expect(checkScenario(raw, catalog)).toMatchObject([
      {
        code: "impossible-condition",
        message: 'rules[0]: getUser.output.age is never "old", so this rule never holds.',
      },
    ]);
  });

  it("reports edge kinds that make no sense", () => {
    const raw = scenario(
      [start(USER_INPUT), wait("pause", { duration: "PT1M" }), end({})],
      [
        next("start", "pause"),
        onError("pause", "end"),
        branch("start", "x", "end"),
        next("pause", "end"),
        next("end", "start"),
      ],
    );
    expect(codes(raw)).toEqual([
      "error invalid-edge pause",
      "error invalid-edge start",
      "error invalid-edge end",
      "error invalid-edge end",
      "error cycle start",
    ]);
  });

  it("reports a scenario that does not follow the format, naming the node", () => {
    const raw = {
      ...scenario([start(), end()], []),
      nodes: [start(), { ...end(), kind: "finish" }],
    };
    expect(checkScenario(raw, catalog)).toMatchObject([{ code: "invalid-format", nodeId: "end" }]);
  });

  it("reports duplicate ids", () => {
    expect(
      codes(scenario([start(USER_INPUT), end({}), end({}, "start")], [next("start", "end")])),
    ).toContain("error duplicate-node-id start");
  });
});

describe("checkScenario: node kinds", () => {
  it("checks the end mapping against a declared output schema", () => {
    const raw = scenario(
      [
        start(USER_INPUT),
        getUser,
        {
          ...end({ userName: ref("steps.getUser.output.name") }),
          outputSchema: { type: "object", required: ["userId"] },
        },
      ],
      chain("start", "getUser", "end"),
    );
    expect(checkScenario(raw, catalog)).toMatchObject([
      {
        code: "missing-input",
        nodeId: "end",
        path: "output.userId",
        message: "output.userId: End needs a value; the mapping does not provide it",
      },
    ]);
  });

  it("compiles manual forms and wants someone to decide", () => {
    const raw = afterUser(
      manual("approve", { form: { type: "objekt" }, assignees: { roles: [], users: [] } }),
    );
    expect(codes(raw)).toEqual(["error invalid-form approve", "warning no-assignees approve"]);
  });

  it("says where a form is not a valid JSON Schema and why, in words", () => {
    const form = { type: "object", properties: { x: { type: "strnig" } } };
    expect(checkScenario(afterUser(manual("approve", { form })), catalog)).toEqual([
      {
        severity: "error",
        code: "invalid-form",
        nodeId: "approve",
        path: "form",
        message:
          'The form of "approve" is not a valid JSON Schema: field "x" has type "strnig", which is not a JSON Schema type (string, number, integer, boolean, object, array, null).',
        fix: "Fix the form schema so it compiles as JSON Schema 2020-12.",
      },
    ]);
  });

  it("types a manual step's output from its form", () => {
    const raw = scenario(
      [
        start(USER_INPUT),
        manual("approve", {
          form: {
            type: "object",
            properties: { reason: { type: "string" } },
            required: ["reason"],
          },
        }),
        fn("count", "test/Count", { tag: ref("steps.approve.output.data.reason") }),
        end({ by: ref("steps.approve.output.decidedBy") }),
      ],
      chain("start", "approve", "count", "end"),
    );
    expect(checkScenario(raw, catalog)).toEqual([]);
  });

  it("names an item's fields as the body reads them when checking the item contract", () => {
    const people = {
      type: "object",
      properties: {
        people: {
          type: "array",
          items: { type: "object", properties: { note: { type: ["string", "null"] } } },
        },
      },
      required: ["people"],
    };
    const body = [
      start({ type: "object", properties: { note: { type: "string" } } }, "eachStart"),
      end({}, "eachEnd"),
    ];
    const raw = scenario(
      [
        start(people),
        map("each", ref("input.people"), body, chain("eachStart", "eachEnd")),
        end({}),
      ],
      chain("start", "each", "end"),
    );
    expect(checkScenario(raw, catalog).map((d) => d.message)).toEqual([
      "item.note: Start needs a string; item.note can be null",
    ]);
  });

  it("maps over lists, typing each item, and reports a map over a non-list", () => {
    const body = [
      start(undefined, "eachStart"),
      fn("countTag", "test/Count", { tag: ref("item") }),
      end(
        { n: ref("steps.countTag.output.count"), user: ref("steps.getUser.output.id") },
        "eachEnd",
      ),
    ];
    const raw = scenario(
      [
        start(USER_INPUT),
        getUser,
        map(
          "perTag",
          ref("steps.getUser.output.tags"),
          body,
          chain("eachStart", "countTag", "eachEnd"),
        ),
        map(
          "perName",
          ref("steps.getUser.output.name"),
          [start(undefined, "s2"), end({}, "e2")],
          chain("s2", "e2"),
        ),
        fn("after", "test/Count", { tag: ref("steps.countTag.output.count") }),
        end({ counts: ref("steps.perTag.output") }),
      ],
      chain("start", "getUser", "perTag", "perName", "after", "end"),
    );
    const diagnostics = checkScenario(raw, catalog);
    expect(diagnostics.map((d) => `${d.code} ${d.nodeId}`)).toEqual([
      "map-not-array perTag",
      "map-not-array perName",
      "not-ancestor after",
    ]);
    expect(diagnostics[0]?.message).toBe(
      "items: perTag needs a list; getUser.output.tags can be missing",
    );
    expect(diagnostics[1]?.message).toBe(
      "items: perName needs a list; getUser.output.name can be a string",
    );
  });

  it("checks the mapping of a subscenario when its schemas are known", () => {
    const node: TNode = {
      id: "sub",
      kind: "subscenario",
      label: "sub",
      position: { x: 0, y: 0 },
      scenario: { slug: "child", version: 2 },
      input: { id: ref("input.note") },
    };
    const raw = scenario([start(USER_INPUT), node, end({})], chain("start", "sub", "end"));
    expect(codes(raw)).toEqual(["warning unchecked-subscenario sub"]);
    expect(codes(raw, { scenarios: {} })).toEqual(["error unknown-scenario sub"]);
    const scenarios = {
      "child@2": { inputSchema: { type: "object", required: ["id"] }, outputSchema: true },
    };
    expect(checkScenario(raw, catalog, { scenarios })).toMatchObject([
      { code: "missing-input", message: "input.id: sub needs a value; input.note can be missing" },
    ]);
  });

  it("wants a date-time to wait until", () => {
    const raw = afterUser(wait("pause", { until: ref("steps.getUser.output.name") }));
    expect(codes(raw)).toEqual(["error type-mismatch pause"]);
  });
});

describe("analyzeScenario", () => {
  it("gives each node's input and output schema as standalone JSON Schema", () => {
    const analysis = analyzeScenario(
      afterUser(fn("count", "test/Count", { tag: ref("steps.getUser.output.name") })),
      catalog,
    );
    expect(analysis.inputSchema("count")).toEqual({
      type: "object",
      properties: { tag: { type: "string" } },
      required: ["tag"],
      additionalProperties: false,
    });
    expect(analysis.outputSchema("end")).toEqual({
      type: "object",
      properties: { name: { type: "string" } },
      required: ["name"],
      additionalProperties: false,
    });
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(analysis.outputSchema("getUser") as object);
    expect(validate({ id: "1", name: "Ann", email: null })).toBe(true);
  });
});
