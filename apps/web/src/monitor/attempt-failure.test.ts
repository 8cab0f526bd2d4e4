import { describe, expect, it } from "vitest";
import { attemptFailure } from "./attempt-failure.ts";

describe("a failed attempt as the attempts table shows it", () => {
  it("gives the HTTP status and the provider's classification", () => {
    const error = {
      message: "The pricing database is warming up",
      code: "function_error",
      nodeId: "quote",
      attempts: 1,
      details: { provider: "http", status: 500, reason: "http_500", retryable: false },
    };
    expect(attemptFailure(error, true)).toEqual({
      message: "The pricing database is warming up",
      classification: "function_error",
      meaning: "The function itself failed. Not retried unless the step's retry policy lists it.",
      status: 500,
      retried: true,
    });
  });

  it("has no status for a failure that was not an HTTP answer, and nothing for no error", () => {
    expect(
      attemptFailure(
        { message: "took too long", code: "timeout", details: { retryable: true } },
        false,
      ),
    ).toMatchObject({ classification: "timeout", status: undefined, retried: false });
    expect(attemptFailure(null, false)).toBeUndefined();
  });
});
