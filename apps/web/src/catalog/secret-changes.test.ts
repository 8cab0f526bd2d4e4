import { describe, expect, it } from "vitest";
import { secretChanges } from "./secret-changes.ts";

describe("secretChanges", () => {
  it("sends typed values and removals, and leaves untouched credentials out", () => {
    expect(
      secretChanges({
        password: { value: "new", remove: false },
        username: { value: "", remove: true },
        token: { value: "  ", remove: false },
      }),
    ).toEqual({ password: "new", username: null });
  });
});
