import path from "node:path";
import { fileURLToPath } from "node:url";
// the limits alone: the configuration is read by commands that load no engine (`baton check`)
import { DEFAULT_ENGINE_LIMITS, type TEngineLimits } from "@baton/engine/limits";
import { BatonError } from "@baton/model";
import { z } from "zod";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

const ZPort = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(0, "must be between 0 and 65535")
  .max(65535, "must be between 0 and 65535");

/** A whole number within bounds, as an environment variable. */
const ZBounded = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`)
    .default(fallback);

const ZEnv = z.object({
  PORT: ZPort.default(4400),
  HOST: z.string().min(1).default("127.0.0.1"),
  BATON_DATA_DIR: z.string().min(1).default(".baton"),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  BATON_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  BATON_FUNCTIONS_DIR: z
    .string()
    .min(1)
    .default(path.join(repoRoot, "examples", "functions")),
  BATON_SCENARIOS_DIR: z
    .string()
    .min(1)
    .default(path.join(repoRoot, "examples", "scenarios")),
  BATON_SECRET_KEY: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  BATON_CATALOG_REFRESH_MINUTES: z.coerce
    .number({ error: "must be a number" })
    .min(0, "must be 0 (off) or more")
    .max(10_080, "must be at most 10080 (a week)")
    .default(15),
  BATON_HOOK_TOKEN: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.string().min(24, "must be at least 24 characters (a long random secret)").optional()),
  BATON_MAX_VALUE_BYTES: ZBounded(1024, 256 * 1024 * 1024, DEFAULT_ENGINE_LIMITS.valueBytes),
  BATON_MAX_MAP_ITEMS: ZBounded(1, 1_000_000, DEFAULT_ENGINE_LIMITS.mapItems),
  BATON_MAX_MAP_CONCURRENCY: ZBounded(1, 1_000, DEFAULT_ENGINE_LIMITS.mapConcurrency),
  BATON_EXPRESSION_TIMEOUT_MS: ZBounded(10, 600_000, DEFAULT_ENGINE_LIMITS.expressions.timeoutMs),
  BATON_EXPRESSION_MEMORY_MB: ZBounded(16, 16_384, DEFAULT_ENGINE_LIMITS.expressions.memoryMb),
  BATON_EXPRESSION_PROCESSES: ZBounded(1, 64, DEFAULT_ENGINE_LIMITS.expressions.processes),
  BATON_STEP_RECLAIMS: ZBounded(1, 100, DEFAULT_ENGINE_LIMITS.stepReclaims),
  BATON_TEST_RUNS_KEPT: ZBounded(1, 1_000, 20),
  BATON_WEB_DIR: z
    .string()
    .min(1)
    .default(path.join(repoRoot, "apps", "web", "dist")),
  BATON_MAX_BODY_BYTES: z.coerce
    .number({ error: "must be a number of bytes" })
    .int("must be a whole number of bytes")
    .min(16_384, "must be at least 16384 (16 KiB)")
    .max(1_073_741_824, "must be at most 1073741824 (1 GiB)")
    .default(1_048_576),
  BATON_MAX_BATCH: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    // the web app batches up to WEB_BATCH_ITEMS (apps/web/src/lib/trpc.ts) calls at once
    .min(10, "must be at least 10 (the web app sends up to 10 calls at once)")
    .max(1_000, "must be at most 1000")
    .default(20),
  BATON_MAX_JSON_DEPTH: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(16, "must be at least 16")
    .max(1_000, "must be at most 1000")
    .default(DEFAULT_ENGINE_LIMITS.jsonDepth),
  BATON_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/,
            "must be host names separated by commas, like baton.example.com,baton.internal",
          ),
      ),
    ),
});

export type TConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  workerConcurrency: number;
  functionsDir: string;
  scenariosDir: string;
  webDir: string;
  /** base64 of 32 bytes; unset means a key file in the data folder */
  secretKey: string | undefined;
  /** minutes between catalog refreshes of every connection; 0 = on demand only */
  catalogRefreshMinutes: number;
  /** the secret webhook callers send (Authorization: Bearer …); webhooks are off without it */
  hookToken: string | undefined;
  /** bounds of runs, maps, expressions and poison pills */
  limits: TEngineLimits;
  /** the largest request body the API and the webhook read */
  maxBodyBytes: number;
  /** the most calls one batched API request may hold */
  maxBatch: number;
  /** host names besides the listening address that requests may name in Host (lower case) */
  allowedHosts: string[];
  /** test runs kept per scenario; older ones that ended are deleted */
  testRunsKept: number;
};

/** Reads the configuration from the environment; every variable is listed in README.md. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): TConfig => {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    // a secret is never repeated in a message that may end up in a log
    const shown = name.endsWith("_TOKEN") ? "(hidden)" : String(env[name]);
    throw new BatonError("BAD_INPUT", `${name}=${shown} ${issue.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.BATON_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    workerConcurrency: e.BATON_WORKER_CONCURRENCY,
    functionsDir: path.resolve(e.BATON_FUNCTIONS_DIR),
    scenariosDir: path.resolve(e.BATON_SCENARIOS_DIR),
    webDir: path.resolve(e.BATON_WEB_DIR),
    secretKey: e.BATON_SECRET_KEY,
    catalogRefreshMinutes: e.BATON_CATALOG_REFRESH_MINUTES,
    hookToken: e.BATON_HOOK_TOKEN,
    limits: {
      valueBytes: e.BATON_MAX_VALUE_BYTES,
      mapItems: e.BATON_MAX_MAP_ITEMS,
      mapConcurrency: e.BATON_MAX_MAP_CONCURRENCY,
      jsonDepth: e.BATON_MAX_JSON_DEPTH,
      expressions: {
        timeoutMs: e.BATON_EXPRESSION_TIMEOUT_MS,
        memoryMb: e.BATON_EXPRESSION_MEMORY_MB,
        processes: e.BATON_EXPRESSION_PROCESSES,
      },
      stepReclaims: e.BATON_STEP_RECLAIMS,
    },
    maxBodyBytes: e.BATON_MAX_BODY_BYTES,
    maxBatch: e.BATON_MAX_BATCH,
    allowedHosts: e.BATON_ALLOWED_HOSTS,
    testRunsKept: e.BATON_TEST_RUNS_KEPT,
  };
};
