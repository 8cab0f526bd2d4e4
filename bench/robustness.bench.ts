/**
 * Does the server stay responsive under its own work? `baton start` as `npm start` starts
 * it (embedded database, in-process workers), then, while it runs a 10,000-item map and
 * then a burst of CPU-heavy steps, `/healthz` and an API query (`runs.list`) are asked
 * every 50 ms, each waiting for its answer:
 * - `robustness.healthz_p99_ms.map10k`, `robustness.api_p99_ms.map10k`: p99 latency while
 *   a map over 10,000 items runs (body: start → a reference to the item → end), and
 *   `robustness.map10k.s`, how long that run took;
 * - `robustness.healthz_p99_ms.cpu_step`, `robustness.api_p99_ms.cpu_step`: the same
 *   while 40 runs each build a step input with a JSONata expression that computes for about
 *   0.3 s (expressions run in the engine's sandbox processes).
 * Needs the built app (`npx turbo run build`). `-- map10k` or `-- cpu_step` runs one part.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { startBenchServer } from "./bench-server.ts";
import { api, type TCall } from "./monitor-setup.ts";

const ITEMS = 10_000;
const only = process.argv[2];
const CPU_RUNS = 40;

const at = (x: number) => ({ x, y: 0 });

const map10k = {
  format: "baton.scenario/v1",
  slug: "bench-map-10k",
  name: "Robustness benchmark: a 10,000-item map",
  nodes: [
    {
      id: "start",
      kind: "start",
      label: "Start",
      position: at(0),
      inputSchema: {
        type: "object",
        properties: { items: { type: "array", items: { type: "integer" } } },
        required: ["items"],
        additionalProperties: false,
      },
    },
    {
      id: "each",
      kind: "map",
      label: "Each item",
      position: at(240),
      items: { ref: "input.items" },
      body: {
        nodes: [
          { id: "item", kind: "start", label: "Item", position: at(0) },
          {
            id: "itemDone",
            kind: "end",
            label: "Item done",
            position: at(240),
            output: { value: { ref: "item" } },
          },
        ],
        edges: [{ id: "e-item", kind: "next", source: "item", target: "itemDone" }],
      },
    },
    {
      id: "end",
      kind: "end",
      label: "Done",
      position: at(480),
      output: { values: { ref: "steps.each.output" } },
    },
  ],
  edges: [
    { id: "e-start", kind: "next", source: "start", target: "each" },
    { id: "e-each", kind: "next", source: "each", target: "end" },
  ],
};

// about 0.3 s of JSONata on this machine when idle, well inside the 1 s limit
const BURN = `($n := $count($filter([1..100000], function($x){ $x % 7 = 3 })); "cpu" & $string($n % 2) & "@example.com")`;

const cpuStep = {
  format: "baton.scenario/v1",
  slug: "bench-cpu-step",
  name: "Robustness benchmark: a CPU-heavy step",
  nodes: [
    { id: "start", kind: "start", label: "Start", position: at(0) },
    {
      id: "check",
      kind: "function",
      label: "Check",
      position: at(240),
      function: "examples/ValidateEmail",
      input: { email: { expr: BURN, schema: { type: "string", format: "email", maxLength: 254 } } },
    },
    { id: "end", kind: "end", label: "Done", position: at(480) },
  ],
  edges: [
    { id: "e-start", kind: "next", source: "start", target: "check" },
    { id: "e-check", kind: "next", source: "check", target: "end" },
  ],
};

const publish = async (call: TCall, scenario: unknown) => {
  const imported = (await call(
    "scenarios.import",
    { json: JSON.stringify(scenario) },
    "mutation",
  )) as { id: string; draftUpdatedAt: string };
  return (
    (await call(
      "scenarios.publish",
      { id: imported.id, draftUpdatedAt: imported.draftUpdatedAt },
      "mutation",
    )) as { id: string }
  ).id;
};

const startRun = async (call: TCall, versionId: string, input: unknown) =>
  ((await call("runs.start", { versionId, input }, "mutation")) as { runId: string }).runId;

const ended = async (call: TCall, runIds: string[]) => {
  const { items } = (await call("runs.list", { limit: 200 }, "query")) as {
    items: { id: string; status: string }[];
  };
  const statuses = runIds.map((id) => items.find((run) => run.id === id)?.status);
  const failed = runIds.find((_, i) => statuses[i] === "failed" || statuses[i] === "cancelled");
  if (failed) {
    const run = (await call("runs.get", { id: failed }, "query")) as { error: unknown };
    throw new Error(`a benchmark run did not succeed: ${JSON.stringify(run.error)}`);
  }
  return statuses.every((s) => s === "succeeded");
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
};

/** Asks /healthz and runs.list every 50 ms, each after the last answer, until `until` ends. */
const probe = async (base: string, call: TCall, until: Promise<unknown>) => {
  const healthz: number[] = [];
  const apiTimes: number[] = [];
  let done = false;
  void until.finally(() => {
    done = true;
  });
  while (!done) {
    let started = performance.now();
    const health = await fetch(`${base}/healthz`);
    if (!health.ok) throw new Error(`/healthz answered ${health.status}`);
    await health.arrayBuffer();
    healthz.push(performance.now() - started);
    started = performance.now();
    await call("runs.list", { limit: 20 }, "query");
    apiTimes.push(performance.now() - started);
    await sleep(50);
  }
  await until;
  return { healthz, api: apiTimes };
};

const report = (name: string, samples: { healthz: number[]; api: number[] }) => {
  console.log(
    `${name}: ${samples.healthz.length} probes; /healthz p50 ${percentile(samples.healthz, 50).toFixed(0)} ms, max ${Math.max(...samples.healthz).toFixed(0)} ms; runs.list p50 ${percentile(samples.api, 50).toFixed(0)} ms, max ${Math.max(...samples.api).toFixed(0)} ms`,
  );
  console.log(
    `bench robustness.healthz_p99_ms.${name} ${percentile(samples.healthz, 99).toFixed(0)}`,
  );
  console.log(`bench robustness.api_p99_ms.${name} ${percentile(samples.api, 99).toFixed(0)}`);
};

const waitUntilEnded = async (call: TCall, runIds: string[], timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await ended(call, runIds))) {
    if (Date.now() > deadline) throw new Error("the benchmark runs did not end in time");
    await sleep(500);
  }
};

const main = async () => {
  const server = await startBenchServer("robustness");
  try {
    const call = api(server.base, server.cookie);
    const mapVersion = await publish(call, map10k);
    const cpuVersion = await publish(call, cpuStep);

    if (only !== "cpu_step") {
      const items = Array.from({ length: ITEMS }, (_, i) => i);
      const started = performance.now();
      const mapRun = await startRun(call, mapVersion, { items });
      const samples = await probe(server.base, call, waitUntilEnded(call, [mapRun], 1_800_000));
      console.log(`bench robustness.map10k.s ${((performance.now() - started) / 1000).toFixed(1)}`);
      report("map10k", samples);
    }
    if (only !== "map10k") {
      const cpuRuns = await Promise.all(
        Array.from({ length: CPU_RUNS }, () => startRun(call, cpuVersion, {})),
      );
      report("cpu_step", await probe(server.base, call, waitUntilEnded(call, cpuRuns, 300_000)));
    }
  } finally {
    await server.stop();
  }
};

await main();
