import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("has defaults that need no setup", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4400, host: "127.0.0.1", databaseUrl: undefined });
    expect(config.dataDir).toBe(path.resolve(".baton"));
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(loadConfig({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
  });

  it.each([
    ["PORT", "http", /PORT=http must be a number/],
    ["PORT", "70000", /PORT=70000 must be between 0 and 65535/],
    ["PORT", "12.5", /PORT=12.5 must be a whole number/],
    ["BATON_WORKER_CONCURRENCY", "0", /BATON_WORKER_CONCURRENCY=0/],
  ])("rejects %s=%s with a sentence", (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
