import { describe, expect, it } from "vitest";
import { childPath, searchJson, summarize } from "./json-search.ts";

describe("searchJson", () => {
  const value = {
    orderId: "o-1",
    items: [{ sku: "TEE-010", quantity: 20 }],
    "ship to": { city: "Amsterdam" },
  };

  it("finds values and keys, and opens the containers above them", () => {
    const { hits, open } = searchJson(value, "tee");
    expect([...hits]).toEqual(["$.items[0].sku"]);
    expect([...open].sort()).toEqual(["$", "$.items", "$.items[0]"]);
    expect([...searchJson(value, "CITY").hits]).toEqual(['$["ship to"].city']);
  });

  it("matches numbers and null as text and finds nothing for a blank query", () => {
    expect([...searchJson({ a: 20, b: null }, "20").hits]).toEqual(["$.a"]);
    expect([...searchJson({ a: 20, b: null }, "null").hits]).toEqual(["$.b"]);
    expect(searchJson(value, "  ").hits.size).toBe(0);
  });
});

describe("childPath and summarize", () => {
  it("writes readable paths and summaries", () => {
    expect(childPath("$", "a")).toBe("$.a");
    expect(childPath("$", 2)).toBe("$[2]");
    expect(childPath("$", "a-b")).toBe('$["a-b"]');
    expect(summarize([1])).toBe("[1 item]");
    expect(summarize({ a: 1, b: 2 })).toBe("{2 keys}");
  });
});
