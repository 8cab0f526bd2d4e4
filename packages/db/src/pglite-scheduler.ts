import { AsyncLocalStorage } from "node:async_hooks";
import type { PGlite } from "@electric-sql/pglite";

const foreground = new AsyncLocalStorage<true>();

/**
 * Runs work someone waits for (an HTTP request): on the embedded database its statements
 * go before background work (steps, the job queue's upkeep) that is waiting too.
 */
export const inForeground = <T>(work: () => T): T => foreground.run(true, work);

/** Runs work nobody waits for, even when a request started it (a run's first steps). */
export const inBackground = <T>(work: () => T): T => foreground.exit(work);

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Schedules the statements of one PGlite instance. PGlite is one session: it runs a
 * statement synchronously in WebAssembly, holds its lock through a whole transaction, and
 * settles each promise in a microtask. So a steady stream of statements (a large map, a
 * burst of steps) would never let the event loop turn, and a request's statement would
 * wait behind every statement queued before it. Here each statement first lets the loop
 * turn, background statements go one at a time, and none starts while a foreground one
 * waits: a request waits for one background statement or transaction at most.
 */
export const schedulePGlite = (pglite: PGlite): PGlite => {
  let foregroundPending = 0;
  let backgroundTail: Promise<void> = Promise.resolve();
  let foregroundDrained: (() => void) | undefined;

  const inFront = async <T>(call: () => Promise<T>): Promise<T> => {
    foregroundPending++;
    try {
      await turn();
      return await call();
    } finally {
      foregroundPending--;
      if (!foregroundPending) foregroundDrained?.();
    }
  };

  const behind = <T>(call: () => Promise<T>): Promise<T> => {
    const run = backgroundTail.then(async () => {
      await turn();
      while (foregroundPending) {
        await new Promise<void>((resolve) => {
          foregroundDrained = resolve;
        });
      }
      return call();
    });
    backgroundTail = run.then(
      () => {},
      () => {},
    );
    return run;
  };

  const scheduled =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      (foreground.getStore() ? inFront : behind)(() => method(...args));

  Object.assign(pglite, {
    query: scheduled(pglite.query.bind(pglite)),
    exec: scheduled(pglite.exec.bind(pglite)),
    transaction: scheduled(pglite.transaction.bind(pglite)),
  });
  return pglite;
};
