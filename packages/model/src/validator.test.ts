import { describe, expect, it } from "vitest";
import { compileSchema } from "./validator.ts";

describe("compileSchema", () => {
  // Ajv 8.20 skips `contains` here unless allErrors is on; this pins the setting.
  it("checks `contains` on an array shorter than its `prefixItems`", () => {
    const compiled = compileSchema({
      prefixItems: [true, { type: "number" }],
      contains: { type: "number" },
    });
    if (!compiled.ok) throw new Error(compiled.message);
    expect(compiled.validate([null])).toBe(false);
    expect(compiled.validate([1])).toBe(true);
  });

  it("reports a schema Ajv cannot compile", () => {
    const compiled = compileSchema({ type: "strnig" } as never);
    expect(compiled.ok).toBe(false);
  });
});
