import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { keyFileName, loadSecretKey } from "./secret-key.ts";

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "baton-key-"));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe("loadSecretKey", () => {
  it("takes BATON_SECRET_KEY when set", async () => {
    const key = randomBytes(32);
    expect(await loadSecretKey({ envKey: key.toString("base64"), dataDir })).toEqual(key);
  });

  it("refuses a malformed BATON_SECRET_KEY with what to do", async () => {
    await expect(loadSecretKey({ envKey: "too-short", dataDir })).rejects.toThrow(
      /BATON_SECRET_KEY must be 32 random bytes in base64.*openssl rand -base64 32/,
    );
    const sixteen = randomBytes(16).toString("base64");
    await expect(loadSecretKey({ envKey: sixteen, dataDir })).rejects.toThrow(/32 random bytes/);
  });

  it("generates a key file readable by its owner only, and reuses it", async () => {
    const first = await loadSecretKey({ envKey: undefined, dataDir });
    const file = path.join(dataDir, keyFileName);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(file, "utf8")).trim(), "base64")).toEqual(first);
    expect(await loadSecretKey({ envKey: undefined, dataDir })).toEqual(first);
  });

  it("refuses a damaged key file instead of replacing it", async () => {
    await writeFile(path.join(dataDir, keyFileName), "not a key\n");
    await expect(loadSecretKey({ envKey: undefined, dataDir })).rejects.toThrow(
      /secret\.key must be 32 random bytes/,
    );
  });
});
