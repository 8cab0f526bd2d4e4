import { BatonError } from "@baton/model";
import { describe, expect, it } from "vitest";
import { failure } from "../test/helpers.ts";
import { createProviderRegistry } from "./registry.ts";
import type { CatalogFunction, Connection, Provider } from "./types.ts";

const connection: Connection = { name: "fake", provider: "fake", config: {} };

const fn: CatalogFunction = {
  name: "Echo",
  ref: "fake/Echo",
  description: "",
  tags: [],
  inputSchema: {
    type: "object",
    properties: { n: { type: "integer" } },
    required: ["n"],
  },
  outputSchema: { type: "object", properties: { n: { type: "integer" } }, required: ["n"] },
  schemaSource: "declared",
  costHints: {},
  locator: {},
};

function fakeProvider(invoke: Provider["invoke"], functions: CatalogFunction[] = [fn]): Provider {
  return { kind: "fake", discover: async () => ({ functions, problems: [] }), invoke };
}

const options = (ms = 1_000, signal = new AbortController().signal) => ({
  deadline: Date.now() + ms,
  signal,
  idempotencyKey: "r:n:0:1",
});

describe("createProviderRegistry", () => {
  it("maps kinds to providers and refuses unknown or duplicate kinds", () => {
    const provider = fakeProvider(async (_c, _f, input) => input);
    const registry = createProviderRegistry([provider]);
    expect(registry.kinds()).toEqual(["fake"]);
    expect(registry.get("fake")).toBe(provider);
    expect(() => registry.get("nope")).toThrow(/No provider "nope"/);
    expect(() => registry.register(provider)).toThrow(/already registered/);
  });

  it("returns valid output", async () => {
    const registry = createProviderRegistry([fakeProvider(async (_c, _f, input) => input)]);
    expect(await registry.invoke(connection, fn, { n: 1 }, options())).toEqual({ n: 1 });
  });

  it("classifies input breaking the schema as rejected_input without calling the provider", async () => {
    let called = false;
    const registry = createProviderRegistry([
      fakeProvider(async () => {
        called = true;
        return {};
      }),
    ]);
    const error = await failure(registry.invoke(connection, fn, { n: "one" }, options()));
    expect(error.classification).toBe("rejected_input");
    expect(error.details.issues).toEqual([{ path: "/n", message: "must be integer" }]);
    expect(called).toBe(false);
  });

  it("enforces the deadline on a provider that ignores it", async () => {
    const registry = createProviderRegistry([fakeProvider(() => new Promise(() => {}))]);
    const started = Date.now();
    const error = await failure(registry.invoke(connection, fn, { n: 1 }, options(50)));
    expect(error.classification).toBe("timeout");
    expect(error.details.reason).toBe("deadline");
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("refuses to start after the deadline", async () => {
    const registry = createProviderRegistry([fakeProvider(async (_c, _f, input) => input)]);
    const error = await failure(registry.invoke(connection, fn, { n: 1 }, options(-1)));
    expect(error.classification).toBe("timeout");
  });

  it("passes a signal that fires when the caller cancels", async () => {
    let seen: AbortSignal | undefined;
    const registry = createProviderRegistry([
      fakeProvider((_c, _f, _i, o) => {
        seen = o.signal;
        return new Promise(() => {});
      }),
    ]);
    const controller = new AbortController();
    const pending = registry.invoke(connection, fn, { n: 1 }, options(5_000, controller.signal));
    controller.abort(new Error("shutting down"));
    const error = await failure(pending);
    expect(error.details.reason).toBe("cancelled");
    expect(error.message).toContain("shutting down");
    expect(seen?.aborted).toBe(true);
  });

  it("classifies non-JSON output and output breaking the schema as bad_output", async () => {
    for (const output of [undefined, { n: 1n }, { n: Number.NaN }, new Date(), { n: 1.5 }]) {
      const registry = createProviderRegistry([fakeProvider(async () => output)]);
      const error = await failure(registry.invoke(connection, fn, { n: 1 }, options()));
      expect(error.classification).toBe("bad_output");
    }
  });

  it("classifies a stray provider error as unavailable and keeps its message", async () => {
    const registry = createProviderRegistry([
      fakeProvider(async () => {
        throw new Error("socket hang up");
      }),
    ]);
    const error = await failure(registry.invoke(connection, fn, { n: 1 }, options()));
    expect(error.classification).toBe("unavailable");
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("socket hang up");
    expect(error.toJSON()).toMatchObject({ code: "PROVIDER", classification: "unavailable" });
  });

  it("classifies a connection set up wrong as rejected_input", async () => {
    const registry = createProviderRegistry([
      fakeProvider(async () => {
        throw new BatonError("BAD_INPUT", "config.folder is missing");
      }),
    ]);
    const error = await failure(registry.invoke(connection, fn, { n: 1 }, options()));
    expect(error).toMatchObject({
      classification: "rejected_input",
      message: "config.folder is missing",
      details: { reason: "invalid_connection" },
    });
  });

  it("classifies an unusable schema instead of throwing a stray error", async () => {
    const registry = createProviderRegistry([fakeProvider(async (_c, _f, input) => input)]);
    const broken = { ...fn, outputSchema: { type: "nope" } };
    const error = await failure(registry.invoke(connection, broken, { n: 1 }, options()));
    expect(error.classification).toBe("bad_output");
    expect(error.details.reason).toBe("invalid_schema");
  });

  it("drops discovered functions with duplicate refs or unusable schemas, saying why", async () => {
    const registry = createProviderRegistry([
      fakeProvider(
        async () => ({}),
        [
          fn,
          fn,
          { ...fn, ref: "fake/Bad", inputSchema: { type: 3 } },
          { ...fn, ref: "other/Echo" },
        ],
      ),
    ]);
    const discovery = await registry.discover(connection);
    expect(discovery.functions).toEqual([fn]);
    expect(discovery.problems).toEqual([
      "fake/Echo: found twice; only the first is kept.",
      expect.stringMatching(/^fake\/Bad: skipped, input schema: /),
      'other/Echo: skipped, its ref does not start with "fake/".',
    ]);
  });
});
