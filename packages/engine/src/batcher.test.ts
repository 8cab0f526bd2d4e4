import { describe, expect, it } from "vitest";
import { createBatcher } from "./batcher.ts";

/** A `send` whose calls are recorded and answered only when the test says so. */
const controlledSend = () => {
  const calls: { items: number[]; answer(fail?: Error): void }[] = [];
  const send = (items: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      calls.push({
        items,
        answer: (fail) => (fail ? reject(fail) : resolve(items.map((n) => n * 10))),
      });
    });
  return { calls, send };
};

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createBatcher", () => {
  it("sends an item at once when nothing is in flight", async () => {
    const { calls, send } = controlledSend();
    const submit = createBatcher(send);
    const result = submit(1);
    expect(calls.map((c) => c.items)).toEqual([[1]]);
    calls[0]!.answer();
    await expect(result).resolves.toBe(10);
  });

  it("groups what arrives while a batch is in flight into the next one, in order", async () => {
    const { calls, send } = controlledSend();
    const submit = createBatcher(send);
    const results = [1, 2, 3, 4].map(submit);
    expect(calls.map((c) => c.items)).toEqual([[1]]);
    calls[0]!.answer();
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    calls[1]!.answer();
    await expect(Promise.all(results)).resolves.toEqual([10, 20, 30, 40]);
  });

  it("keeps batches within maxBatch and maxInFlight", async () => {
    const { calls, send } = controlledSend();
    const submit = createBatcher(send, { maxInFlight: 2, maxBatch: 2 });
    const results = [1, 2, 3, 4, 5, 6].map(submit);
    expect(calls.map((c) => c.items)).toEqual([[1], [2]]);
    calls[0]!.answer();
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2], [3, 4]]);
    calls[1]!.answer();
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2], [3, 4], [5, 6]]);
    calls[2]!.answer();
    calls[3]!.answer();
    await expect(Promise.all(results)).resolves.toEqual([10, 20, 30, 40, 50, 60]);
  });

  it("sends each item of a failed batch again alone, so only the bad one fails", async () => {
    const bad = new Error("item 3 is bad");
    const sent: number[][] = [];
    const submit = createBatcher(async (items: number[]) => {
      sent.push(items);
      if (items.includes(3)) throw bad;
      return items.map((n) => n * 10);
    });
    const results = [1, 2, 3, 4].map((n) => submit(n).catch((error: Error) => error.message));
    await expect(Promise.all(results)).resolves.toEqual([10, 20, "item 3 is bad", 40]);
    expect(sent).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it("rejects a lone item's failure as it is", async () => {
    const submit = createBatcher(async () => {
      throw new Error("database away");
    });
    await expect(submit(1)).rejects.toThrow("database away");
  });
});
