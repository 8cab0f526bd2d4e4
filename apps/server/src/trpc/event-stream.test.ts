import type { TEventFeed } from "@baton/engine";
import type { TRunEvent } from "@baton/model";

type TEventListener = (event: TRunEvent) => void;

import { describe, expect, it } from "vitest";
import { streamEventBatches } from "./event-stream.ts";

const fakeFeed = () => {
  const listeners = new Set<TEventListener>();
  const feed: TEventFeed = {
    subscribe: (_runId, listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onCancel: () => () => {},
    close: async () => {},
  };
  const emit = (id: string) =>
    listeners.forEach((l) => {
      l({
        id,
        runId: "r",
        stepRunId: null,
        type: "step.succeeded",
        data: { nodeId: "n", scope: "", attempt: 1 },
        actorId: null,
        createdAt: new Date(),
      } satisfies TRunEvent);
    });
  return { feed, emit, listeners };
};

const ids = (result: IteratorResult<TRunEvent[]>) =>
  result.done ? [] : result.value.map((e) => e.id);

describe("streamEventBatches", () => {
  it("hands on events until the session it was opened with ends", async () => {
    const { feed, emit, listeners } = fakeFeed();
    let live = true;
    const stream = streamEventBatches(feed, null, undefined, async () => live, 20);
    const first = stream.next();
    emit("1");
    expect(ids(await first)).toEqual(["1"]);
    live = false;
    // nothing more arrives: the recheck alone ends the stream, and it lets go of the feed
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(listeners.size).toBe(0);
  });

  it("sends the events that arrived since the last batch together", async () => {
    const { feed, emit } = fakeFeed();
    const stream = streamEventBatches(feed, null, undefined);
    const first = stream.next();
    emit("1");
    emit("2");
    expect(ids(await first)).toEqual(["1", "2"]);
    const second = stream.next();
    emit("3");
    expect(ids(await second)).toEqual(["3"]);
    await stream.return(undefined);
  });
});
