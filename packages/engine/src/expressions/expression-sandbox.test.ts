import { afterAll, describe, expect, it } from "vitest";
import { createExpressionSandbox, ExpressionLimitError } from "./expression-sandbox.ts";

const context = { input: { xs: [1, 2, 3] }, steps: { a: { output: { n: 2 } } } };

describe("the expression sandbox", () => {
  const sandbox = createExpressionSandbox({
    timeoutMs: 500,
    memoryMb: 32,
    maxResultBytes: 64 * 1024,
    processes: 2,
  });
  afterAll(() => sandbox.close());

  it("evaluates as JSONata does on the calling thread", async () => {
    expect(await sandbox.evaluate("$sum(input.xs) * steps.a.output.n", context)).toBe(12);
    expect(await sandbox.evaluate("input.nothing", context)).toBeUndefined();
    expect(await sandbox.evaluate("{ 'first': input.xs[0] }", context)).toEqual({ first: 1 });
    await expect(sandbox.evaluate("(", context)).rejects.toThrow(/is not valid JSONata/);
    await expect(sandbox.evaluate("$number('x')", context)).rejects.toThrow(/failed: /);
  });

  it("stops a recursion that never ends at the time limit, and the event loop goes on meanwhile", async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    const started = Date.now();
    const error = await sandbox
      .evaluate("($f := function($n){ $f($n + 1) }; $f(0))", context)
      .catch((e: unknown) => e);
    clearInterval(ticker);
    expect(error).toBeInstanceOf(ExpressionLimitError);
    expect((error as Error).message).toMatch(/exceeded 500 ms and was stopped/);
    expect(Date.now() - started).toBeLessThan(5_000);
    // the loop was never blocked: about one tick per 10 ms of the wait
    expect(ticks).toBeGreaterThan(20);
    expect(await sandbox.evaluate("1 + 1", context)).toBe(2);
  });

  it("stops an expression that needs more memory than its limit", async () => {
    const error = await sandbox
      .evaluate("$map([1..10000000], function($x){ { 'x': $x } })", context)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpressionLimitError);
    expect((error as Error).message).toMatch(/exceeded (its memory limit of 32 MB|500 ms)/);
    expect(await sandbox.evaluate("input.xs[1]", context)).toBe(2);
  });

  it("refuses a result larger than a value may be", async () => {
    await expect(sandbox.evaluate("$pad('', 100000, 'x')", context)).rejects.toThrow(
      /produced 0\.1 MB of data; a value may hold at most 0\.1 MB/,
    );
  });

  it("runs evaluations side by side and queues the rest", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sandbox.evaluate(`${i} * 2`, context)),
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
    expect(sandbox.stats()).toMatchObject({ busy: 0, waiting: 0 });
    expect(sandbox.stats().processes).toBeLessThanOrEqual(2);
  });
});
