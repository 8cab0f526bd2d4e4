/**
 * Engine benchmarks (`npm run bench:engine`). Prints one `bench <name> <value>` line per
 * figure; results are recorded in bench/README.md. Needs PostgreSQL: DATABASE_URL_TEST,
 * or a throwaway server started here from the installed binaries.
 */
import type { ChildProcess } from "node:child_process";
import { startThrowawayPostgres } from "@baton/db/testing";
import type { TEngine } from "@baton/engine";
import {
  end,
  fn,
  next,
  openHarness,
  start,
  type THarness,
} from "../packages/engine/test/harness.ts";
import { spawnWorker, stopWorker } from "../packages/engine/test/worker-processes.ts";

const print = (name: string, value: number) =>
  console.log(`bench ${name} ${Number(value.toFixed(3))}`);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor((p / 100) * values.length))
  ]!;

const chain = (steps: number) => {
  const nodes = Array.from({ length: steps }, (_, i) => fn(`n${i}`, "Noop", {}));
  return {
    nodes: [start(), ...nodes, end()],
    edges: [
      next("start", "n0"),
      ...nodes.slice(1).map((n, i) => next(`n${i}`, n.id)),
      next(`n${steps - 1}`, "end"),
    ],
  };
};

type TEnded = { type: string; data: unknown; at: number };

/**
 * Starts runs and resolves each when it has ended, as heard on the event feed: one
 * subscription for all of them, so the bench's own process stays light while many run.
 */
const runStarter = (engine: TEngine) => {
  const waiting = new Map<string, (ended: TEnded) => void>();
  const early = new Map<string, TEnded>();
  const unsubscribe = engine.events.subscribe(null, (event) => {
    if (!event.type.startsWith("run.") || event.type === "run.started") return;
    const ended = { type: event.type, data: event.data, at: performance.now() };
    const done = waiting.get(event.runId);
    if (done) done(ended);
    else early.set(event.runId, ended);
  });
  const runToEnd = async (versionId: string): Promise<number> => {
    const started = performance.now();
    const { runId } = await engine.startRun({ versionId, input: {} });
    const ended =
      early.get(runId) ?? (await new Promise<TEnded>((resolve) => waiting.set(runId, resolve)));
    waiting.delete(runId);
    early.delete(runId);
    if (ended.type !== "run.succeeded") {
      throw new Error(`run ${runId} ${ended.type}: ${JSON.stringify(ended.data)}`);
    }
    return ended.at - started;
  };
  return { runToEnd, stop: unsubscribe };
};

/**
 * Median orchestration cost per step of a 40-step chain of no-op functions, once the
 * process is warm: the first ~10 runs of a fresh process are up to 30% slower while V8
 * compiles the hot path, and a long-lived worker is past that.
 */
const chainOverhead = async (h: THarness, warmUps: number, runs: number): Promise<number> => {
  const versionId = await h.publish(chain(40));
  const { runToEnd, stop } = runStarter(h.engine);
  for (let i = 0; i < warmUps; i++) await runToEnd(versionId);
  const perStep: number[] = [];
  for (let i = 0; i < runs; i++) perStep.push((await runToEnd(versionId)) / 41);
  stop();
  return median(perStep);
};

const sqlCalls = async (h: THarness): Promise<number> => {
  const [row] = await h.db.prisma.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT coalesce(sum(calls), 0)::bigint AS n FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND query NOT ILIKE '%pg_stat_statements%'`,
  );
  return Number(row!.n);
};

const throughput = async (
  workers: number,
  runs: number,
  steps: number,
): Promise<{ firstRound: number; steady: number }> => {
  const h = await openHarness("postgres", { concurrency: 0 });
  const children: ChildProcess[] = [];
  try {
    const versionId = await h.publish(chain(steps));
    for (let i = 0; i < workers; i++) children.push(await spawnWorker(h.db.databaseUrl!, 32));
    const { runToEnd, stop } = runStarter(h.engine);
    const round = async () => {
      const started = performance.now();
      await Promise.all(Array.from({ length: runs }, () => runToEnd(versionId)));
      return (runs * (steps + 1)) / ((performance.now() - started) / 1000);
    };
    // Fresh worker processes run their first round 25–40% slower (V8 still compiling);
    // it is reported apart, and the figure is the steady state after it.
    const firstRound = await round();
    const rates = [await round(), await round(), await round()];
    stop();
    return { firstRound, steady: median(rates) };
  } finally {
    await Promise.all(children.map(stopWorker));
    await h.close();
  }
};

const postgres = process.env.DATABASE_URL_TEST
  ? undefined
  : // fsync on, as in production: the test suites' throwaway server runs without it, and a
    // durable engine's cost per step includes waiting for its commits to reach the disk
    await startThrowawayPostgres({ shared_preload_libraries: "pg_stat_statements", fsync: "on" });
if (postgres) process.env.DATABASE_URL_TEST = postgres.url;
try {
  const pg = await openHarness("postgres", { concurrency: 8 });
  try {
    const delays: number[] = [];
    const unsubscribe = pg.engine.events.subscribe(null, (event) => {
      if (event.type === "step.succeeded")
        delays.push(Date.now() - new Date(event.createdAt).getTime());
    });
    await pg.db.prisma.$queryRawUnsafe("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    const before = await sqlCalls(pg);
    const warmUps = 20;
    const runs = 20;
    print("engine.chain40.overhead_ms_per_step.postgres", await chainOverhead(pg, warmUps, runs));
    const statements = (await sqlCalls(pg)) - before;
    unsubscribe();
    print("engine.db_statements_per_step", statements / ((warmUps + runs) * 41));
    print("engine.event_delay.p95_ms", percentile(delays, 95));
  } finally {
    await pg.close();
  }

  const lite = await openHarness("pglite", { concurrency: 8 });
  try {
    print("engine.chain40.overhead_ms_per_step.pglite", await chainOverhead(lite, 10, 5));
  } finally {
    await lite.close();
  }

  for (const workers of [1, 2, 4]) {
    const name = `engine.throughput.steps_per_s.w${workers}`;
    // one figure failing (a worker that cannot connect on a starved machine) must not hide the others
    await throughput(workers, 150, 10).then(
      ({ firstRound, steady }) => {
        print(name, steady);
        print(`engine.throughput_first_round.steps_per_s.w${workers}`, firstRound);
      },
      (error: Error) => console.log(`bench ${name} failed: ${error.message}`),
    );
  }
} finally {
  await postgres?.stop();
}
