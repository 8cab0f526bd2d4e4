/**
 * `npm test`: everything CI checks, in one command, on a machine with nothing set up.
 * Brings up what the tests need (a throwaway PostgreSQL, Chromium), runs every phase
 * even after a failure so one run shows all problems, and ends with one summary line.
 */
import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  findPostgresBin,
  freePort,
  startThrowawayPostgres,
  type TThrowawayPostgres,
} from "@baton/db/testing";
import { ensureChromium } from "./ensure-chromium.ts";

type TPhase = { name: string; ok: boolean; seconds: number; passed?: number; failed?: number };

const phases: TPhase[] = [];
const env: NodeJS.ProcessEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };

const run = (command: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

const phase = async (
  name: string,
  work: () => Promise<number | Omit<TPhase, "name" | "seconds">>,
): Promise<boolean> => {
  console.log(`\n[test] ── ${name} ──`);
  const started = performance.now();
  let result: Omit<TPhase, "name" | "seconds">;
  try {
    const outcome = await work();
    result = typeof outcome === "number" ? { ok: outcome === 0 } : outcome;
  } catch (error) {
    console.error(`[test] ${name}: ${(error as Error).message}`);
    result = { ok: false };
  }
  phases.push({ name, seconds: (performance.now() - started) / 1000, ...result });
  return result.ok;
};

const readCounts = async (file: string, pick: (report: never) => [number, number]) => {
  try {
    const [passed, failed] = pick(JSON.parse(await readFile(file, "utf8")) as never);
    return { passed, failed };
  } catch {
    return {};
  }
};

let postgres: TThrowawayPostgres | undefined;
const cleanUp = async () => {
  await postgres?.stop();
  postgres = undefined;
};
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void cleanUp().finally(() => process.exit(130)));
}

const reports = path.join(tmpdir(), `baton-test-${process.pid}`);
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

  if (!env.DATABASE_URL_TEST && findPostgresBin()) {
    await phase("start a throwaway PostgreSQL", async () => {
      postgres = await startThrowawayPostgres();
      env.DATABASE_URL_TEST = postgres.url;
      console.log(`[test] PostgreSQL for tests at ${postgres.url}`);
      return 0;
    });
  }

  const vitestReport = path.join(reports, "vitest.json");
  await phase("unit and integration tests (Vitest)", async () => {
    const code = await run("npx", [
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${vitestReport}`,
    ]);
    const counts = await readCounts(
      vitestReport,
      (r: { numPassedTests: number; numFailedTests: number }) => [
        r.numPassedTests,
        r.numFailedTests,
      ],
    );
    return { ok: code === 0, ...counts };
  });

  const playwrightReport = path.join(reports, "playwright.json");
  await phase("end-to-end tests (Playwright, Chromium)", async () => {
    ensureChromium();
    const code = await run("npx", ["playwright", "test", "-c", "e2e"], {
      E2E_PORT: String(await freePort()),
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
    });
    const counts = await readCounts(
      playwrightReport,
      (r: { stats: { expected: number; unexpected: number; flaky: number } }) => [
        r.stats.expected + r.stats.flaky,
        r.stats.unexpected,
      ],
    );
    return { ok: code === 0, ...counts };
  });
} finally {
  await cleanUp();
  await rm(reports, { recursive: true, force: true });
}

console.log("\n[test] summary");
for (const p of phases) {
  const counts = p.passed === undefined ? "" : ` (${p.passed} passed, ${p.failed ?? 0} failed)`;
  console.log(`[test]   ${p.ok ? "ok  " : "FAIL"} ${p.name}${counts} ${p.seconds.toFixed(1)} s`);
}
const passed = phases.reduce((n, p) => n + (p.passed ?? 0), 0);
const failed = phases.reduce((n, p) => n + (p.failed ?? 0), 0);
const failedPhases = phases.filter((p) => !p.ok).length;
console.log(`\n${passed} passed, ${failed + failedPhases} failed`);
process.exit(failedPhases ? 1 : 0);
