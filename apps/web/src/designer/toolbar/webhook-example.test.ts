import { describe, expect, it } from "vitest";
import { sampleInput, webhookCurl } from "./webhook-example.ts";

describe("sampleInput", () => {
  it("fills the fields a caller must send, and only those", () => {
    expect(
      sampleInput({
        type: "object",
        properties: {
          name: { type: "string" },
          phone: { type: "string", pattern: "^\\+[0-9]+$" },
          address: {
            type: "object",
            properties: { city: { type: "string" }, line2: { type: "string" } },
            required: ["city"],
          },
        },
        required: ["name", "address"],
      }),
    ).toEqual({ name: "text", address: { city: "text" } });
  });

  it("fills every field of an object that requires none with a placeholder of its type", () => {
    expect(
      sampleInput({
        type: "object",
        properties: {
          name: { type: "string" },
          email: { type: "string", format: "email" },
          count: { type: "integer", minimum: 1 },
          vip: { type: "boolean" },
          tags: { type: "array", items: { type: "string" } },
          address: { type: "object", properties: { city: { type: ["string", "null"] } } },
        },
      }),
    ).toEqual({
      name: "text",
      email: "ada@example.com",
      count: 1,
      vip: false,
      tags: ["text"],
      address: { city: "text" },
    });
  });

  it("prefers what the schema says: an example, a default, a const, an enum", () => {
    expect(sampleInput({ type: "string", examples: ["gold"], default: "x" })).toBe("gold");
    expect(sampleInput({ type: "integer", default: 3 })).toBe(3);
    expect(sampleInput({ const: "fixed" })).toBe("fixed");
    expect(sampleInput({ enum: ["a", "b"] })).toBe("a");
  });

  it("sends an empty object when the start declares nothing", () => {
    expect(sampleInput(undefined)).toEqual({});
    expect(sampleInput(true)).toEqual({});
  });
});

describe("webhookCurl", () => {
  it("posts the body with the token from the environment, quoted for the shell", () => {
    expect(webhookCurl("http://127.0.0.1:4400/hooks/sign-up", { name: "O'Brien" })).toBe(
      [
        "curl -X POST 'http://127.0.0.1:4400/hooks/sign-up' \\",
        "  -H 'content-type: application/json' \\",
        '  -H "authorization: Bearer $BATON_HOOK_TOKEN" \\',
        `  -d '{"name":"O'\\''Brien"}'`,
      ].join("\n"),
    );
  });
});
