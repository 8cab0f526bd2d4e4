import type { TEventFeed, TRunEvent } from "@baton/engine";

/**
 * The feed's callbacks as an async iterable for a subscription procedure. Events that
 * arrive while the client is slow are buffered; the stream ends when the client leaves.
 */
export async function* streamEvents(
  feed: TEventFeed,
  runId: string | null,
  signal: AbortSignal | undefined,
): AsyncGenerator<TRunEvent> {
  const buffer: TRunEvent[] = [];
  let wake: (() => void) | undefined;
  const unsubscribe = feed.subscribe(runId, (event) => {
    buffer.push(event);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    while (!signal?.aborted) {
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
    unsubscribe();
    signal?.removeEventListener("abort", onAbort);
  }
}
