import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";

describe("loadConfig", () => {
  it("has defaults that need no setup", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4400, host: "127.0.0.1", databaseUrl: undefined });
    expect(config.dataDir).toBe(path.resolve(".baton"));
  });

  it("refreshes the catalog every 15 minutes unless told otherwise (0 = off)", () => {
    expect(loadConfig({}).catalogRefreshMinutes).toBe(15);
    expect(loadConfig({ BATON_CATALOG_REFRESH_MINUTES: "0" }).catalogRefreshMinutes).toBe(0);
    expect(loadConfig({ BATON_CATALOG_REFRESH_MINUTES: "0.5" }).catalogRefreshMinutes).toBe(0.5);
  });

  it("limits requests unless told otherwise", () => {
    expect(loadConfig({})).toMatchObject({
      maxBodyBytes: 1_048_576,
      maxBatch: 20,
      allowedHosts: [],
      limits: { jsonDepth: 64 },
    });
    expect(
      loadConfig({ BATON_ALLOWED_HOSTS: " Baton.Example.com, proxy.internal:8443 ," }).allowedHosts,
    ).toEqual(["baton.example.com", "proxy.internal:8443"]);
  });

  it("bounds runs, maps, expressions and poison pills unless told otherwise", () => {
    expect(loadConfig({}).limits).toEqual({
      valueBytes: 4 * 1024 * 1024,
      mapItems: 10_000,
      mapConcurrency: 100,
      jsonDepth: 64,
      expressions: { timeoutMs: 1_000, memoryMb: 64, processes: 2 },
      stepReclaims: 3,
    });
    expect(
      loadConfig({ BATON_EXPRESSION_TIMEOUT_MS: "250", BATON_MAX_MAP_ITEMS: "50" }).limits,
    ).toMatchObject({ mapItems: 50, expressions: { timeoutMs: 250 } });
    expect(() => loadConfig({ BATON_MAX_MAP_CONCURRENCY: "5000" })).toThrow(
      /BATON_MAX_MAP_CONCURRENCY=5000 must be between 1 and 1000/,
    );
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(loadConfig({ DATABASE_URL: "" }).databaseUrl).toBeUndefined();
  });

  it.each([
    ["PORT", "http", /PORT=http must be a number/],
    ["PORT", "70000", /PORT=70000 must be between 0 and 65535/],
    ["PORT", "12.5", /PORT=12.5 must be a whole number/],
    ["BATON_WORKER_CONCURRENCY", "0", /BATON_WORKER_CONCURRENCY=0/],
    ["BATON_CATALOG_REFRESH_MINUTES", "-1", /BATON_CATALOG_REFRESH_MINUTES=-1 must be 0 \(off\)/],
    [
      "BATON_CATALOG_REFRESH_MINUTES",
      "soon",
      /BATON_CATALOG_REFRESH_MINUTES=soon must be a number/,
    ],
    ["BATON_MAX_BODY_BYTES", "1k", /BATON_MAX_BODY_BYTES=1k must be a number of bytes/],
    ["BATON_MAX_BATCH", "5", /BATON_MAX_BATCH=5 must be at least 10 \(the web app sends/],
    ["BATON_MAX_JSON_DEPTH", "2", /BATON_MAX_JSON_DEPTH=2 must be at least 16/],
    [
      "BATON_ALLOWED_HOSTS",
      "https://baton.example.com/",
      /BATON_ALLOWED_HOSTS=.* must be host names/,
    ],
  ])("rejects %s=%s with a sentence", (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it("takes a webhook token only when it is long, and never repeats it", () => {
    expect(loadConfig({ BATON_HOOK_TOKEN: "" }).hookToken).toBeUndefined();
    const token = "t".repeat(32);
    expect(loadConfig({ BATON_HOOK_TOKEN: token }).hookToken).toBe(token);
    expect(() => loadConfig({ BATON_HOOK_TOKEN: "short-secret" })).toThrow(
      /^BATON_HOOK_TOKEN=\(hidden\) must be at least 24 characters/,
    );
  });
});
