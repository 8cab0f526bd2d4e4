import type { TEventFeed } from "@baton/engine";
import type { TRunEvent } from "@baton/model";

/** How often a live stream asks whether its session still holds. */
export const SESSION_RECHECK_MS = 15_000;

/**
 * The feed's callbacks as an async iterable for a subscription procedure, in batches: all
 * events that arrived by the time one is sent (those of one commit, or those buffered while
 * the client was slow) go together, so a burst costs the server and the browser one message
 * per batch instead of one per event. It never waits for more: with the embedded database
 * busy, a timer or `setImmediate` can be starved for hundreds of milliseconds by the
 * engine's chain of promises. The stream ends when the client
 * leaves, or when `stillAllowed` (asked every `recheckMs`) says the session has ended, so a
 * stream opened before a logout, an expiry or a disabled account does not outlive it.
 */
export async function* streamEventBatches(
  feed: TEventFeed,
  runId: string | null,
  signal: AbortSignal | undefined,
  stillAllowed: () => Promise<boolean> = async () => true,
  recheckMs = SESSION_RECHECK_MS,
): AsyncGenerator<TRunEvent[]> {
  const buffer: TRunEvent[] = [];
  let wake: (() => void) | undefined;
  let revoked = false;
  const recheck = setInterval(() => {
    stillAllowed().then(
      (allowed) => {
        if (allowed) return;
        revoked = true;
        wake?.();
      },
      () => {},
    );
  }, recheckMs);
  const unsubscribe = feed.subscribe(runId, (event) => {
    buffer.push(event);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    while (!signal?.aborted && !revoked) {
      if (buffer.length) {
        yield buffer.splice(0);
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  } finally {
    clearInterval(recheck);
    unsubscribe();
    signal?.removeEventListener("abort", onAbort);
  }
}
