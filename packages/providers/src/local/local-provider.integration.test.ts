import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoveryFixture } from "../../test/discovery.ts";
import { callOptions, examplesFolder, failure, fixturesFolder } from "../../test/helpers.ts";
import type { CatalogFunction, Connection } from "../index.ts";
import { createLocalProvider } from "./local-provider.ts";

const fixtures: Connection = {
  name: "fixtures",
  provider: "local",
  config: { folder: fixturesFolder },
};
const examples: Connection = {
  name: "examples",
  provider: "local",
  config: { folder: examplesFolder },
};

const local = createLocalProvider({ poolSize: 2 });
const { registry, catalog, discover } = discoveryFixture(local);

const fn = (ref: string): CatalogFunction => {
  const found = catalog.get(ref);
  if (!found) throw new Error(`${ref} was not discovered`);
  return found;
};

beforeAll(async () => {
  for (const connection of [fixtures, examples]) await discover(connection);
});

afterAll(() => registry.close());

describe("local provider: discovery", () => {
  it("finds every example function with declared schemas and cost hints", async () => {
    const discovery = await registry.discover(examples);
    expect(discovery.problems).toEqual([]);
    expect(discovery.functions.map((f) => f.name).sort()).toEqual([
      "ChargePayment",
      "CreateInvoice",
      "CreateUser",
      "NotifyWebhook",
      "RefundPayment",
      "ReserveStock",
      "ShipOrder",
      "StoreUserData",
      "ValidateContacts",
      "ValidateEmail",
    ]);
    const createUser = fn("examples/CreateUser");
    expect(createUser.schemaSource).toBe("declared");
    expect(createUser.costHints).toEqual({ timeoutMs: 2_000, memoryMb: 64 });
    expect(createUser.tags).toContain("sign-up");
    expect(createUser.inputSchema).toMatchObject({ required: ["name", "email"] });
  });

  it("loads plain JavaScript modules too", () => {
    expect(fn("fixtures/Greet").description).toBe("Greets someone by name.");
  });
});

describe("local provider: invocation", () => {
  it("runs a TypeScript handler and passes the idempotency key", async () => {
    const options = callOptions();
    const user = await registry.invoke(
      examples,
      fn("examples/CreateUser"),
      { name: "Ada Lovelace", email: "ada@example.com" },
      options,
    );
    expect(user).toMatchObject({
      email: "ada@example.com",
      phone: null,
      status: "pending_verification",
    });
    const again = await registry.invoke(
      examples,
      fn("examples/CreateUser"),
      { name: "Ada Lovelace", email: "ada@example.com" },
      options,
    );
    expect((again as { id: string }).id).toBe((user as { id: string }).id);
  });

  it("runs a JavaScript handler", async () => {
    const output = await registry.invoke(
      fixtures,
      fn("fixtures/Greet"),
      { name: "Grace" },
      callOptions(),
    );
    expect(output).toMatchObject({ greeting: "Hello, Grace!" });
  });

  it("classifies a declined card as function_error with the function's message", async () => {
    const error = await failure(
      registry.invoke(
        examples,
        fn("examples/ChargePayment"),
        {
          orderId: "9b2d1f8e-3c4a-4b5d-8e6f-7a8b9c0d1e2f",
          amountCents: 2_900,
          currency: "EUR",
          card: { number: "4000000000000002", expMonth: 12, expYear: 2099, cvc: "123" },
        },
        callOptions(),
      ),
    );
    expect(error.classification).toBe("function_error");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("card_declined");
  });

  it("rejects input that breaks the input schema before running anything", async () => {
    const error = await failure(
      registry.invoke(
        examples,
        fn("examples/ValidateEmail"),
        { email: "not an email" },
        callOptions(),
      ),
    );
    expect(error.classification).toBe("rejected_input");
    expect(error.details.issues).toEqual([
      { path: "/email", message: 'must match format "email"' },
    ]);
  });

  it("classifies a throw as function_error, keeping the error type", async () => {
    const error = await failure(
      registry.invoke(fixtures, fn("fixtures/Throws"), {}, callOptions()),
    );
    expect(error.classification).toBe("function_error");
    expect(error.details.errorType).toBe("TypeError");
    expect(error.message).toBe("Cannot read properties of undefined (reading 'email')");
  });

  it("classifies output breaking the output schema as bad_output, path by path", async () => {
    const error = await failure(
      registry.invoke(fixtures, fn("fixtures/BadOutput"), {}, callOptions()),
    );
    expect(error.classification).toBe("bad_output");
    expect(error.details.issues).toEqual([
      { path: "/id", message: 'must match format "uuid"' },
      { path: "/count", message: "must be >= 0" },
    ]);
  });

  it("classifies a non-JSON result as bad_output", async () => {
    const error = await failure(
      registry.invoke(fixtures, fn("fixtures/NotJson"), {}, callOptions()),
    );
    expect(error.classification).toBe("bad_output");
    expect(error.message).toMatch(/BigInt/);
  });

  it("times out a slow call at its deadline and stays usable", async () => {
    const started = Date.now();
    const error = await failure(
      registry.invoke(fixtures, fn("fixtures/Slow"), { ms: 5_000 }, callOptions(150)),
    );
    expect(error.classification).toBe("timeout");
    expect(error.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await registry.invoke(fixtures, fn("fixtures/Slow"), { ms: 1 }, callOptions())).toEqual({
      waited: 1,
    });
  });

  it("terminates a handler that never yields", async () => {
    const error = await failure(
      registry.invoke(fixtures, fn("fixtures/Spin"), {}, callOptions(300)),
    );
    expect(error.classification).toBe("timeout");
  });

  it("ends a timed-out busy loop for good: its worker leaves the pool and the loop stops", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "baton-spin-"));
    const file = path.join(folder, "count");
    const pool = () => local.stats().find((stats) => stats.memoryMb === 256);
    // booted workers, so the call runs at once instead of timing out while one starts
    await local.warm(fixtures);
    const before = pool()?.workers ?? 0;
    try {
      const error = await failure(
        registry.invoke(fixtures, fn("fixtures/SpinAndCount"), { file }, callOptions(400)),
      );
      expect(error.classification).toBe("timeout");
      expect(pool(), "the worker it ran on is gone").toMatchObject({
        workers: before - 1,
        busy: 0,
      });
      await sleep(200);
      const counted = Number(await readFile(file, "utf8"));
      expect(counted, "the loop ran").toBeGreaterThan(0);
      await sleep(300);
      expect(Number(await readFile(file, "utf8")), "the loop still writes").toBe(counted);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("stops on the caller's abort signal", async () => {
    const controller = new AbortController();
    const pending = registry.invoke(
      fixtures,
      fn("fixtures/Slow"),
      { ms: 5_000 },
      callOptions(5_000, controller.signal),
    );
    setTimeout(() => controller.abort(new Error("worker shutting down")), 50);
    const error = await failure(pending);
    expect(error.classification).toBe("timeout");
    expect(error.details.reason).toBe("cancelled");
  });

  it("survives a function that exhausts its memory limit", async () => {
    const error = await failure(
      registry.invoke(fixtures, fn("fixtures/Hog"), {}, callOptions(20_000)),
    );
    expect(error.classification).toBe("function_error");
    expect(error.details.reason).toBe("out_of_memory");
    expect(
      await registry.invoke(fixtures, fn("fixtures/Noop"), { ok: true }, callOptions()),
    ).toEqual({ ok: true });
  });

  it("survives process.exit inside a function", async () => {
    const error = await failure(registry.invoke(fixtures, fn("fixtures/Exits"), {}, callOptions()));
    expect(error.classification).toBe("function_error");
    expect(error.details.reason).toBe("exited");
  });

  it("reports an unknown function as function_error not_found", async () => {
    const ghost = { ...fn("fixtures/Noop"), ref: "fixtures/Ghost", name: "Ghost" };
    ghost.locator = { path: `${fixturesFolder}/Ghost.ts`, version: 1 };
    const error = await failure(registry.invoke(fixtures, ghost, {}, callOptions()));
    expect(error.classification).toBe("function_error");
    expect(error.details.reason).toBe("not_found");
  });

  it("refuses a locator outside the connection's folder", async () => {
    const outside = {
      ...fn("fixtures/Noop"),
      locator: { path: "/etc/passwd", version: 1 },
    };
    const error = await failure(registry.invoke(fixtures, outside, {}, callOptions()));
    expect(error.details.reason).toBe("not_found");
  });

  it("keeps per-call overhead of a warm no-op call under a millisecond", async () => {
    await local.warm(fixtures);
    const noop = fn("fixtures/Noop");
    for (let i = 0; i < 200; i++) await registry.invoke(fixtures, noop, { i }, callOptions());
    const samples: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const started = performance.now();
      await registry.invoke(fixtures, noop, { i }, callOptions());
      samples.push(performance.now() - started);
    }
    // The median, because other jobs on this machine make the mean noisy.
    const median = samples.sort((a, b) => a - b)[samples.length / 2] ?? Number.POSITIVE_INFINITY;
    console.info(`local no-op call: median ${(median * 1000).toFixed(0)} µs (sequential, warm)`);
    expect(median).toBeLessThan(1);
  });
});
