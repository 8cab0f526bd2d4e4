import { describe, expect, it } from "vitest";
import { readStepError } from "./step-error.ts";

describe("readStepError", () => {
  it("reads the message, the classification and whether it was retryable", () => {
    expect(
      readStepError({
        message: "A user with email taken@example.com already exists",
        code: "function_error",
        nodeId: "createUser",
        attempts: 1,
        details: { retryable: false },
      }),
    ).toEqual({
      message: "A user with email taken@example.com already exists",
      code: "function_error",
      meaning: "The function itself failed. Retried only when the step's retry policy lists it.",
      retryable: false,
      details: { retryable: false },
    });
  });

  it("copes with no error, a bare string and an unknown code", () => {
    expect(readStepError(null)).toBeUndefined();
    expect(readStepError("boom")?.message).toBe("boom");
    expect(readStepError({ message: "x", code: "odd" })).toMatchObject({
      code: "odd",
      meaning: undefined,
    });
  });
});
