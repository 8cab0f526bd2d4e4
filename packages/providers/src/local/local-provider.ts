import { availableParallelism } from "node:os";
import path from "node:path";
import { ProviderError } from "../errors.ts";
import type {
  CatalogFunction,
  Connection,
  Discovery,
  InvocableFunction,
  InvokeOptions,
  JsonValue,
  Provider,
} from "../types.ts";
import { readLocalConfig } from "./config.ts";
import { listModules, type ModuleFile, moduleUrl, toCatalogFunction } from "./discover.ts";
import { describeExports, moduleExports } from "./module-exports.ts";
import type { ModuleDescription, WorkerFailure } from "./protocol.ts";
import { type CallResult, createWorkerPool, type WorkerPool } from "./worker-pool.ts";

export type LocalProviderOptions = {
  /** Workers per memory limit; defaults to the number of cores. */
  poolSize?: number;
  bootTimeoutMs?: number;
  /** How long discovery waits for one module to load. */
  describeTimeoutMs?: number;
  /**
   * Discovery imports the modules in this thread instead of a worker: for a one-shot
   * command (`baton check`) that calls nothing, booting a worker thread costs more than
   * the whole check. Calls still run in workers.
   */
  describeInProcess?: boolean;
};

export type LocalProvider = Provider & {
  /** Starts workers now so the first calls do not pay for booting them. */
  warm(connection: Connection, workers?: number): Promise<void>;
  stats(): { memoryMb: number; workers: number; busy: number; waiting: number }[];
};

const classOf: Record<WorkerFailure["reason"], ProviderError["classification"]> = {
  threw: "function_error",
  not_json: "bad_output",
  no_handler: "function_error",
  load_failed: "function_error",
  not_found: "function_error",
};

function toError(failure: WorkerFailure, fn: { ref: string }): ProviderError {
  const message = failure.reason === "threw" ? failure.message : `${fn.ref}: ${failure.message}`;
  return new ProviderError(classOf[failure.reason], message, {
    provider: "local",
    ref: fn.ref,
    reason: failure.reason,
    errorType: failure.name,
  });
}

function unwrap(result: CallResult, fn: { ref: string }): string {
  if (!result.ok) throw toError(result.error, fn);
  return result.json;
}

/**
 * Functions in a folder of TS/JS modules, each call run in a pooled worker thread with a
 * heap limit, terminated at its deadline. See examples/functions for the module shape.
 */
export function createLocalProvider(options: LocalProviderOptions = {}): LocalProvider {
  const size = options.poolSize ?? Math.max(2, availableParallelism());
  const bootTimeoutMs = options.bootTimeoutMs ?? 30_000;
  const describeTimeoutMs = options.describeTimeoutMs ?? 15_000;
  const pools = new Map<number, WorkerPool>();
  // Every module discovered so far, so new workers import them before taking calls.
  const known = new Map<string, string>();

  const poolFor = (memoryMb: number): WorkerPool => {
    let pool = pools.get(memoryMb);
    if (!pool) {
      pool = createWorkerPool({
        size,
        memoryMb,
        bootTimeoutMs,
        preload: () => [...known.values()],
      });
      pools.set(memoryMb, pool);
    }
    return pool;
  };

  async function discover(connection: Connection): Promise<Discovery> {
    const config = readLocalConfig(connection);
    const files = await listModules(config.folder);
    for (const file of files) known.set(file.path, file.url);
    const functions: CatalogFunction[] = [];
    const problems: string[] = [];
    const results = await Promise.allSettled(
      files.map(async (file) => {
        const json = options.describeInProcess
          ? JSON.stringify(describeExports(moduleExports(await import(file.url))))
          : unwrap(
              await poolFor(config.memoryMb).run(
                { type: "describe", url: file.url },
                AbortSignal.timeout(describeTimeoutMs),
              ),
              { ref: file.name },
            );
        return JSON.parse(json) as ModuleDescription;
      }),
    );
    results.forEach((result, index) => {
      const file = files[index] as ModuleFile;
      if (result.status === "rejected") {
        problems.push(`${path.basename(file.path)}: skipped, ${(result.reason as Error).message}`);
        return;
      }
      const fn = toCatalogFunction(connection, file, result.value, problems);
      if (fn) functions.push(fn);
    });
    return { functions, problems };
  }

  async function invoke(
    connection: Connection,
    fn: InvocableFunction,
    input: JsonValue,
    invokeOptions: InvokeOptions,
  ): Promise<unknown> {
    const config = readLocalConfig(connection);
    const { path: file, version } = fn.locator;
    const relative = typeof file === "string" ? path.relative(config.folder, file) : "..";
    if (typeof file !== "string" || relative.startsWith("..") || path.isAbsolute(relative)) {
      throw new ProviderError(
        "function_error",
        `${fn.ref} does not point into ${config.folder}; refresh the catalog.`,
        { provider: "local", ref: fn.ref, reason: "not_found" },
      );
    }
    const memoryMb = fn.costHints?.memoryMb ?? config.memoryMb;
    const result = await poolFor(memoryMb).run(
      {
        type: "invoke",
        url: moduleUrl(file, typeof version === "number" ? version : 0),
        input,
        idempotencyKey: invokeOptions.idempotencyKey,
        deadline: invokeOptions.deadline,
      },
      invokeOptions.signal,
    );
    return JSON.parse(unwrap(result, fn));
  }

  return {
    kind: "local",
    discover,
    invoke,
    async warm(connection, workers = size) {
      const { memoryMb } = readLocalConfig(connection);
      const pool = poolFor(memoryMb);
      // Concurrent pings make the pool boot that many workers.
      await Promise.all(
        Array.from({ length: workers }, () =>
          pool.run({ type: "ping" }, AbortSignal.timeout(bootTimeoutMs)),
        ),
      );
    },
    stats: () => [...pools].map(([memoryMb, pool]) => ({ memoryMb, ...pool.stats() })),
    async close() {
      await Promise.all([...pools.values()].map((pool) => pool.close()));
      pools.clear();
    },
  };
}
