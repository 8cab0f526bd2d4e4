import { BatonError } from "@baton/model";
import { ProviderError } from "@baton/providers";
import { describe, expect, it } from "vitest";
import { MAX_ERROR_MESSAGE, toStepError } from "./step-error.ts";

describe("a step's error as stored and sent in events", () => {
  it("keeps a long message's beginning and says how long it was", () => {
    const error = toStepError(new BatonError("BAD_INPUT", "x".repeat(10_000)), "a", 1);
    expect(error.message).toBe(`${"x".repeat(MAX_ERROR_MESSAGE)}… [cut: 10000 characters in all]`);
  });

  it("drops details too large to keep, but not whether another attempt could help", () => {
    const issues = Array.from({ length: 2_000 }, (_, i) => ({
      path: `/items/${i}`,
      message: "must be a string",
    }));
    const error = toStepError(
      new ProviderError("bad_output", "The output breaks its schema.", { issues }),
      "a",
      1,
    );
    expect(error.details).toEqual({
      retryable: false,
      cut: expect.stringMatching(/^the details \(\d+\.\d KB\) were too large to keep$/),
    });
    expect(error.code).toBe("bad_output");
  });

  it("leaves small errors as they are", () => {
    const error = toStepError(new BatonError("BAD_INPUT", "No.", { field: "x" }), "a", 2);
    expect(error).toEqual({
      message: "No.",
      code: "rejected_input",
      nodeId: "a",
      attempts: 2,
      details: { field: "x" },
    });
  });

  it("keeps a provider's classification and HTTP status, which retry policies decide on", () => {
    const error = toStepError(
      new ProviderError("function_error", "Internal Server Error", {
        provider: "http",
        status: 500,
        reason: "http_500",
      }),
      "a",
      1,
    );
    expect(error).toMatchObject({
      code: "function_error",
      details: { status: 500, retryable: false },
      classified: { classification: "function_error", status: 500 },
    });
    const huge = toStepError(
      new ProviderError("unavailable", "Bad gateway", {
        status: 502,
        problems: ["x".repeat(9_000)],
      }),
      "a",
      1,
    );
    expect(huge.details).toMatchObject({ retryable: true, status: 502 });
    expect(huge.classified).toEqual({ classification: "unavailable", status: 502 });
  });
});
