import type { TEventFeed, TRunEvent } from "@baton/engine";

/** How often a live stream asks whether its session still holds. */
export const SESSION_RECHECK_MS = 15_000;

/**
 * The feed's callbacks as an async iterable for a subscription procedure. Events that
 * arrive while the client is slow are buffered; the stream ends when the client leaves,
 * or when `stillAllowed` (asked every `recheckMs`) says the session has ended, so a
 * stream opened before a logout, an expiry or a disabled account does not outlive it.
 */
export async function* streamEvents(
  feed: TEventFeed,
  runId: string | null,
  signal: AbortSignal | undefined,
  stillAllowed: () => Promise<boolean> = async () => true,
  recheckMs = SESSION_RECHECK_MS,
): AsyncGenerator<TRunEvent> {
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
      const event = buffer.shift();
      if (event) {
        yield event;
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
