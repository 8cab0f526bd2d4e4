import { describe, expect, it } from "vitest";
import { branch, chain, choice, end, fn, onError, scenario, start } from "../test/fixtures.ts";
import { buildInput, buildNodeInput, resolveSource } from "./build-input.ts";
import { isBatonError } from "./errors.ts";
import { evaluateExpression } from "./expression.ts";
import type { TRunContext } from "./reference.ts";

const context: TRunContext = {
  input: { email: "Ann@Example.com", tags: ["a", "b"] },
  steps: {
    createUser: { output: { id: "u1", name: "Ann", phone: null } },
    ship: { error: { message: "No carrier ships to AQ", nodeId: "ship", attempts: 3 } },
  },
};

describe("buildInput", () => {
  it("builds an input field by field from references, literals and expressions", async () => {
    const input = await buildInput(
      {
        recipient: { ref: "input.email" },
        "user.id": { ref: "steps.createUser.output.id" },
        "user.firstTag": { ref: "input.tags.0" },
        retries: { literal: 3 },
        subject: { expr: '"Welcome, " & steps.createUser.output.name' },
        note: { ref: "steps.ship.error.message" },
      },
      context,
      evaluateExpression,
    );
    expect(input).toEqual({
      recipient: "Ann@Example.com",
      user: { id: "u1", firstTag: "a" },
      retries: 3,
      subject: "Welcome, Ann",
      note: "No carrier ships to AQ",
    });
  });

  it("leaves out what resolves to nothing, and keeps null", async () => {
    expect(
      await buildInput(
        {
          phone: { ref: "steps.createUser.output.phone" },
          missing: { ref: "steps.nope.output.x" },
          none: { expr: "input.nothing" },
        },
        context,
        evaluateExpression,
      ),
    ).toEqual({ phone: null });
  });

  it("uses the whole value for the key $", async () => {
    expect(
      await buildInput({ $: { ref: "steps.createUser.output" } }, context, evaluateExpression),
    ).toEqual({
      id: "u1",
      name: "Ann",
      phone: null,
    });
  });

  it("copies literals so a step cannot change the scenario", async () => {
    const literal = { nested: [1] };
    const input = (await buildInput({ value: { literal } }, context, evaluateExpression)) as {
      value: { nested: number[] };
    };
    input.value.nested.push(2);
    expect(literal.nested).toEqual([1]);
  });

  it("keeps a field named __proto__ a field", async () => {
    const input = (await buildInput(
      { "__proto__.polluted": { literal: true } },
      context,
      evaluateExpression,
    )) as Record<string, unknown>;
    expect(Object.keys(input)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("enforces a declared expression schema at run time", async () => {
    const source = { expr: "steps.createUser.output.name", schema: { type: "integer" } };
    const error = await resolveSource(source, context, evaluateExpression).catch((e: unknown) => e);
    expect(isBatonError(error) && error.code).toBe("BAD_INPUT");
    expect((error as Error).message).toContain("does not match its declared schema");
    await expect(
      resolveSource(
        { expr: "input.nothing", schema: { type: "string" } },
        context,
        evaluateExpression,
      ),
    ).rejects.toThrow(/nothing/);
  });

  it("reports an expression that fails", async () => {
    await expect(
      resolveSource({ expr: "$number('x')" }, context, evaluateExpression),
    ).rejects.toThrow(/failed/);
    await expect(resolveSource({ expr: "(" }, context, evaluateExpression)).rejects.toThrow(
      /not valid JSONata/,
    );
  });
});

describe("buildNodeInput", () => {
  const flow = scenario(
    [
      start(),
      fn("createUser", "x", { name: { ref: "input.email" } }),
      fn("notify", "x"),
      fn("recover", "x"),
      choice("route", [], "only"),
      end({ id: { ref: "steps.createUser.output.id" } }),
    ],
    [
      ...chain("start", "createUser", "notify", "end"),
      onError("createUser", "recover"),
      branch("route", "only", "end"),
    ],
  );

  it("follows the same rules as the check", async () => {
    expect(await buildNodeInput(flow, "start", context, evaluateExpression)).toEqual(context.input);
    expect(await buildNodeInput(flow, "start", { ...context, item: 7 }, evaluateExpression)).toBe(
      7,
    );
    expect(await buildNodeInput(flow, "createUser", context, evaluateExpression)).toEqual({
      name: "Ann@Example.com",
    });
    expect(await buildNodeInput(flow, "notify", context, evaluateExpression)).toEqual({
      id: "u1",
      name: "Ann",
      phone: null,
    });
    expect(await buildNodeInput(flow, "end", context, evaluateExpression)).toEqual({ id: "u1" });
    const failed = { ...context, steps: { createUser: { error: { message: "taken" } } } };
    expect(await buildNodeInput(flow, "recover", failed, evaluateExpression)).toEqual({
      message: "taken",
    });
    await expect(buildNodeInput(flow, "nope", context, evaluateExpression)).rejects.toThrow(
      /no node "nope"/,
    );
  });
});
