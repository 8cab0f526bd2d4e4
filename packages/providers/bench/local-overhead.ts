// Per-call overhead of the local provider with a no-op function, after warm-up.
// Run: npx tsx packages/providers/bench/local-overhead.ts [calls]
import { fileURLToPath } from "node:url";
import { type Connection, createLocalProvider, createProviderRegistry } from "../src/index.ts";

const calls = Number(process.argv[2] ?? 5_000);
const folder = fileURLToPath(new URL("../test/fixtures/local", import.meta.url));
const connection: Connection = { name: "bench", provider: "local", config: { folder } };
const local = createLocalProvider();
const registry = createProviderRegistry([local]);

const { functions } = await registry.discover(connection);
const noop = functions.find((fn) => fn.name === "Noop");
if (!noop) throw new Error("Noop fixture not found");
await local.warm(connection);

const signal = new AbortController().signal;
const options = (i: number) => ({
  deadline: Date.now() + 5_000,
  signal,
  idempotencyKey: `bench:noop:0:${i}`,
});

async function measure(label: string, call: (i: number) => Promise<unknown>, concurrency = 1) {
  for (let i = 0; i < 500; i++) await call(i);
  const samples: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < calls) {
        const i = next++;
        const t = performance.now();
        await call(i);
        samples.push(performance.now() - t);
      }
    }),
  );
  const wall = performance.now() - started;
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    ((samples[Math.floor(q * (samples.length - 1))] ?? 0) * 1000).toFixed(0);
  console.log(
    `${label.padEnd(44)} median ${at(0.5)} µs  p99 ${at(0.99)} µs  throughput ${Math.round(calls / (wall / 1000))} calls/s`,
  );
}

await measure("registry.invoke (validated), sequential", (i) =>
  registry.invoke(connection, noop, { i }, options(i)),
);
await measure("provider.invoke (raw), sequential", (i) =>
  local.invoke(connection, noop, { i }, options(i)),
);
await measure(
  "registry.invoke, 4 concurrent",
  (i) => registry.invoke(connection, noop, { i }, options(i)),
  4,
);
await registry.close();
