/**
 * `npm test`: everything CI checks, in one command, on a machine with nothing set up.
 * Brings up what the tests need (PostgreSQL, Chromium: installed from Debian's packages
 * when missing and we run as root, else the run fails saying what to install), runs
 * every phase even after a failure so one run shows all problems, and ends with a
 * summary that names every skipped test and every test that passed only on a retry.
 */
import { spawn } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@baton/db/testing";
import { ensureChromium } from "./ensure-chromium.ts";
import { provideTestPostgres, type TTestPostgres } from "./ensure-postgres.ts";
import { readPlaywrightOutcomes, readVitestOutcomes, type TOutcomes } from "./test-outcomes.ts";

type TResult = { ok: boolean; outcomes?: TOutcomes };
type TPhase = TResult & { name: string; seconds: number };

const phases: TPhase[] = [];
const env: NodeJS.ProcessEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };

const run = (command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const phase = async (name: string, work: () => Promise<number | TResult>): Promise<void> => {
  console.log(`\n[test] ── ${name} ──`);
  const started = performance.now();
  let result: TResult;
  try {
    const outcome = await work();
    result = typeof outcome === "number" ? { ok: outcome === 0 } : outcome;
  } catch (error) {
    console.error(`[test] ${name}: ${(error as Error).message}`);
    result = { ok: false };
  }
  phases.push({ name, seconds: (performance.now() - started) / 1000, ...result });
};

/** A test runner's exit code and its outcomes; a report it could not write counts as none. */
const withOutcomes = async (code: number, read: () => Promise<TOutcomes>): Promise<TResult> => {
  try {
    return { ok: code === 0, outcomes: await read() };
  } catch {
    return { ok: false };
  }
};

let postgres: TTestPostgres | undefined;
const cleanUp = async () => {
  await postgres?.stop();
  postgres = undefined;
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanUp().finally(() => process.exit(130)));
}

const reports = path.join(tmpdir(), `baton-test-${process.pid}`);
const vitest = (project: string) => async () => {
  const file = path.join(reports, `vitest-${project}.json`);
  const code = await run(
    "npx",
    [
      "vitest",
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=./scripts/vitest-outcomes-reporter.ts",
    ],
    { VITEST_OUTCOMES_FILE: file },
  );
  return withOutcomes(code, () => readVitestOutcomes(file));
};

await mkdir(reports, { recursive: true });
try {
  await phase("build (Prisma client, web app)", () =>
    run("npx", ["turbo", "run", "build", "--output-logs=errors-only"]),
  );
  await phase("lint (Biome)", () => run("npx", ["biome", "ci", "--colors=off", "."]));
  await phase("typecheck", async () => {
    const packages = await run("npx", ["turbo", "run", "typecheck", "--output-logs=errors-only"]);
    const root = await run("npx", ["tsc", "--noEmit", "-p", "."]);
    return packages || root;
  });
  await phase("unit tests (Vitest)", vitest("unit"));
  await phase("PostgreSQL for the integration tests", async () => {
    postgres = await provideTestPostgres();
    env.DATABASE_URL_TEST = postgres.url;
    console.log(`[test] PostgreSQL for tests at ${new URL(postgres.url).host}`);
    return 0;
  });
  // without PostgreSQL this fails too, in its global setup: its variants never drop out
  await phase("integration tests (Vitest, PGlite and PostgreSQL)", vitest("integration"));
  await phase("end-to-end tests (Playwright, Chromium)", async () => {
    ensureChromium();
    const file = path.join(reports, "playwright.json");
    const code = await run("npx", ["playwright", "test", "-c", "e2e"], {
      E2E_PORT: String(await freePort()),
      PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    });
    return withOutcomes(code, () => readPlaywrightOutcomes(file));
  });
} finally {
  await cleanUp();
  await rm(reports, { recursive: true, force: true });
}

const list = (label: string, names: readonly string[]) => {
  if (!names.length) return;
  console.log(`[test]       ${label}:`);
  for (const name of names) console.log(`[test]         ${name}`);
};
console.log("\n[test] summary");
for (const p of phases) {
  const o = p.outcomes;
  const counts = o
    ? ` (${o.passed} passed, ${o.failed.length} failed, ${o.skipped.length} skipped, ${o.flaky.length} flaky)`
    : "";
  console.log(`[test]   ${p.ok ? "ok  " : "FAIL"} ${p.name}${counts} ${p.seconds.toFixed(1)} s`);
  list("failed", o?.failed ?? []);
  list("skipped", o?.skipped ?? []);
  list("flaky: passed only on a retry", o?.flaky ?? []);
}
const sum = (count: (o: TOutcomes) => number) =>
  phases.reduce((n, p) => n + (p.outcomes ? count(p.outcomes) : 0), 0);
const passed = sum((o) => o.passed);
// a failed phase without a failed test (lint, a crash, a missing server) counts as one failure
const failed =
  sum((o) => o.failed.length) + phases.filter((p) => !p.ok && !p.outcomes?.failed.length).length;
const flaky = sum((o) => o.flaky.length);
if (flaky) console.log(`\n[test] ${flaky} flaky: passed only on a retry (listed above)`);
console.log(`\n${passed} passed, ${failed} failed, ${sum((o) => o.skipped.length)} skipped`);
process.exit(phases.some((p) => !p.ok) ? 1 : 0);
