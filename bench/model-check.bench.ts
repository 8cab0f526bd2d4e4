/**
 * How long `checkScenario` takes on a 500-node scenario: stages of parallel branches that
 * join, choices, error edges and mappings that read the scenario input and upstream steps.
 * Prints one line: `bench model.check500.median_ms <value>`.
 */
import {
  checkScenario,
  type TCatalog,
  type TEdge,
  type TJsonSchema,
  type TNode,
  type TScenario,
} from "@baton/model";

const ADDRESS = {
  type: "object",
  properties: {
    line1: { type: "string", minLength: 1, maxLength: 200 },
    city: { type: "string", minLength: 1 },
    postalCode: { type: "string", minLength: 2, maxLength: 12 },
    country: { type: "string", pattern: "^[A-Z]{2}$" },
  },
  required: ["line1", "city", "postalCode", "country"],
  additionalProperties: false,
} as const;

const RECORD = {
  type: "object",
  properties: {
    id: { type: "string", format: "uuid" },
    email: { type: "string", format: "email" },
    amountCents: { type: "integer", minimum: 0 },
    status: { enum: ["pending", "active", "closed"] },
    address: { anyOf: [ADDRESS, { type: "null" }] },
    tags: { type: "array", items: { type: "string" } },
    score: { type: "number" },
    createdAt: { type: "string", format: "date-time" },
  },
  required: ["id", "email", "amountCents", "status", "address", "tags", "createdAt"],
  additionalProperties: false,
} as const;

const entry = (name: string, inputSchema: TJsonSchema, outputSchema: TJsonSchema) => ({
  ref: `bench/${name}`,
  name,
  inputSchema,
  outputSchema,
});

const catalog: TCatalog = {
  "bench/Load": entry(
    "Load",
    { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
    RECORD,
  ),
  "bench/Enrich": entry(
    "Enrich",
    {
      type: "object",
      properties: {
        id: { type: "string", format: "uuid" },
        email: { type: "string", format: "email" },
        address: { anyOf: [ADDRESS, { type: "null" }] },
        tags: { type: "array", items: { type: "string" } },
      },
      required: ["id", "email"],
      additionalProperties: false,
    },
    RECORD,
  ),
  "bench/Score": entry(
    "Score",
    {
      type: "object",
      properties: {
        amountCents: { type: "integer", minimum: 0 },
        status: { enum: ["pending", "active", "closed", "unknown"] },
        score: { type: "number" },
      },
      required: ["amountCents", "status"],
    },
    {
      type: "object",
      properties: {
        score: { type: "number", minimum: 0, maximum: 1 },
        band: { enum: ["low", "high"] },
      },
      required: ["score", "band"],
    },
  ),
  "bench/Merge": entry(
    "Merge",
    {
      type: "object",
      properties: {
        left: RECORD,
        right: { type: "object", properties: { score: { type: "number" } }, required: ["score"] },
        note: { type: "string", maxLength: 500 },
      },
      required: ["left", "right"],
      additionalProperties: false,
    },
    RECORD,
  ),
  "bench/Notify": entry(
    "Notify",
    {
      type: "object",
      properties: {
        to: { type: "string", format: "email" },
        subject: { type: "string" },
        urgent: { type: "boolean" },
      },
      required: ["to", "subject"],
      additionalProperties: false,
    },
    { type: "object", properties: { sent: { type: "boolean" } }, required: ["sent"] },
  ),
};

/** About 500 nodes: stages of a fork into parallel branches and a join, some with a choice. */
const buildScenario = (targetNodes: number): TScenario => {
  const nodes: TNode[] = [];
  const edges: TEdge[] = [];
  let edgeId = 0;
  const link = (source: string, target: string, extra: Partial<TEdge> = {}) => {
    edges.push({ id: `e${++edgeId}`, kind: "next", source, target, ...extra } as TEdge);
  };
  const position = () => ({ x: nodes.length * 40, y: (nodes.length % 7) * 80 });
  const step = (id: string, fn: string, input: Record<string, unknown>) => {
    nodes.push({
      id,
      kind: "function",
      label: id,
      position: position(),
      function: `bench/${fn}`,
      input,
    } as TNode);
  };

  nodes.push({
    id: "start",
    kind: "start",
    label: "Start",
    position: position(),
    inputSchema: {
      type: "object",
      properties: { id: { type: "string" }, owner: { type: "string", format: "email" } },
      required: ["id", "owner"],
    },
  });
  let previous = "start";
  step("load", "Load", { id: { ref: "input.id" } });
  link(previous, "load");
  previous = "load";

  for (let stage = 0; nodes.length < targetNodes - 2; stage++) {
    const branches = 2 + (stage % 3);
    const tails: string[] = [];
    for (let b = 0; b < branches; b++) {
      let tail = previous;
      for (let depth = 0; depth < 1 + ((stage + b) % 3); depth++) {
        const id = `s${stage}b${b}d${depth}`;
        if ((b + depth) % 2 === 0) {
          step(id, "Enrich", {
            id: { ref: `steps.${previous}.output.id` },
            email: { ref: `steps.${previous}.output.email` },
            address: { ref: `steps.${previous}.output.address` },
            tags: { ref: "steps.load.output.tags" },
          });
        } else {
          step(id, "Score", {
            amountCents: { ref: `steps.${previous}.output.amountCents` },
            status: { ref: `steps.${previous}.output.status` },
            score: { ref: `steps.${previous}.output.score` },
          });
        }
        link(tail, id);
        tail = id;
      }
      tails.push(tail);
    }
    const join = `s${stage}join`;
    const scored = tails.find((tail) =>
      nodes.find((n) => n.id === tail && "function" in n && n.function === "bench/Score"),
    );
    step(join, "Merge", {
      left: { ref: `steps.${previous}.output` },
      right: scored ? { ref: `steps.${scored}.output` } : { literal: { score: 0.5 } },
      note: { expr: `"stage ${stage}"`, schema: { type: "string", maxLength: 500 } },
    });
    for (const tail of tails) link(tail, join);
    previous = join;

    if (stage % 4 === 3) {
      const route = `s${stage}route`;
      const notify = `s${stage}notify`;
      const after = `s${stage}after`;
      nodes.push({
        id: route,
        kind: "choice",
        label: route,
        position: position(),
        rules: [
          {
            branch: "notify",
            condition: { ref: `steps.${join}.output.status`, op: "eq", value: "active" },
          },
        ],
        default: "skip",
      });
      step(notify, "Notify", {
        to: { ref: "input.owner" },
        subject: { expr: `"Stage ${stage} is active"`, schema: { type: "string" } },
      });
      step(after, "Enrich", {
        id: { ref: `steps.${join}.output.id` },
        email: { ref: "input.owner" },
      });
      link(join, route);
      link(route, notify, { kind: "branch", branch: "notify" });
      link(route, after, { kind: "branch", branch: "skip" });
      link(notify, after);
      link(notify, after, { kind: "error" });
      previous = after;
    }
  }
  nodes.push({
    id: "end",
    kind: "end",
    label: "End",
    position: position(),
    output: { id: { ref: `steps.${previous}.output.id` }, first: { ref: "steps.load.output" } },
  });
  link(previous, "end");
  return { format: "baton.scenario/v1", slug: "bench", name: "Bench", nodes, edges };
};

const scenario = buildScenario(500);
const first = checkScenario(scenario, catalog);
if (first.length > 0) {
  throw new Error(
    `The bench scenario should check clean:\n${first.map((d) => d.message).join("\n")}`,
  );
}

const WARMUP = 20;
const RUNS = 100;
const times: number[] = [];
for (let i = 0; i < WARMUP + RUNS; i++) {
  // A fresh copy per run, as the designer sends after every edit; made outside the timing.
  const copy = structuredClone(scenario);
  const started = performance.now();
  checkScenario(copy, catalog);
  if (i >= WARMUP) times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const median = ((times[(RUNS - 1) >> 1] ?? 0) + (times[RUNS >> 1] ?? 0)) / 2;
console.log(`bench model.check500.median_ms ${median.toFixed(2)}`);
