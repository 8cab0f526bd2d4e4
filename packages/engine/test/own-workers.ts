import { afterAll, afterEach, beforeAll } from "vitest";
import { createEngine, type TEngine } from "../src/index.ts";
import { openHarness, type THarness } from "./harness.ts";

/**
 * A harness with the API alone, for tests that bring their own workers so that one can
 * stop them (a wait or a crash half-way). Registers the hooks of the describe it is called
 * in: `h` is there once its tests run, and each test's workers stop after it.
 */
export const harnessWithOwnWorkers = (kind: "pglite" | "postgres") => {
  const workers: TEngine[] = [];
  const own = {
    h: undefined as unknown as THarness,
    startWorker: async (): Promise<TEngine> => {
      const worker = await createEngine({
        db: own.h.db,
        providers: own.h.providers,
        concurrency: 4,
        events: false,
        log: { info: () => {}, warn: () => {}, error: () => {} },
      });
      workers.push(worker);
      return worker;
    },
  };
  beforeAll(async () => {
    own.h = await openHarness(kind, { concurrency: 0 });
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
  });
  afterAll(async () => {
    await own.h?.close();
  });
  return own;
};
