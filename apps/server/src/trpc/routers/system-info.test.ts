import type { TDatabase } from "@baton/db";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.ts";
import { describeSystem, ZSystemInfo } from "./system-info.ts";

const TOKEN = "a-webhook-token-of-24-characters-or-more";

const describeWith = (env: Record<string, string>) =>
  describeSystem({
    version: "1.2.3",
    db: { kind: "pglite", location: "/data/pgdata" } as TDatabase,
    startedAt: new Date("2026-12-08T10:00:00Z"),
    config: loadConfig(env),
  });

describe("describeSystem", () => {
  it("says webhooks are off without a webhook token", () => {
    expect(describeWith({}).webhooks).toEqual({ enabled: false });
  });

  it("says webhooks are on with one, and never gives the token away", () => {
    const info = describeWith({ BATON_HOOK_TOKEN: TOKEN });
    expect(info.webhooks).toEqual({ enabled: true });
    expect(JSON.stringify(info)).not.toContain(TOKEN);
  });

  it("answers what its output schema promises", () => {
    expect(ZSystemInfo.strict().parse(describeWith({}))).toMatchObject({ version: "1.2.3" });
  });
});
