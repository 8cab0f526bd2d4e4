import { chmod, mkdir, mkdtemp, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { claimDataDir, makeOwnerOnly } from "./data-dir.ts";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "baton-data-dir-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const modeOf = async (file: string) => (await stat(file)).mode & 0o7777;

describe("makeOwnerOnly", () => {
  it("takes every permission of others off, and counts what others could reach", async () => {
    const dir = path.join(root, "data");
    await mkdir(path.join(dir, "base"), { recursive: true });
    await writeFile(path.join(dir, "base", "users"), "hashes");
    await writeFile(path.join(dir, "own"), "");
    await writeFile(path.join(root, "outside"), "");
    await chmod(path.join(dir, "base", "users"), 0o666);
    await chmod(path.join(dir, "own"), 0o600);
    await chmod(path.join(root, "outside"), 0o644);
    await chmod(path.join(dir, "base"), 0o777);
    await chmod(dir, 0o755);
    await symlink(path.join(root, "outside"), path.join(dir, "link"));

    expect(await makeOwnerOnly(dir)).toBe(3);
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(path.join(dir, "base"))).toBe(0o700);
    expect(await modeOf(path.join(dir, "base", "users"))).toBe(0o600);
    expect(await modeOf(path.join(dir, "own"))).toBe(0o600);
    // what a link points to is left alone
    expect(await modeOf(path.join(root, "outside"))).toBe(0o644);
    expect(await makeOwnerOnly(dir)).toBe(0);
  });

  it("does not count loose files in a folder others cannot search, but tightens them", async () => {
    const dir = path.join(root, "closed");
    await mkdir(dir, { mode: 0o700 });
    await chmod(dir, 0o700);
    await writeFile(path.join(dir, "pg_internal.init"), "");
    await chmod(path.join(dir, "pg_internal.init"), 0o666);
    expect(await makeOwnerOnly(dir)).toBe(0);
    expect(await modeOf(path.join(dir, "pg_internal.init"))).toBe(0o600);
  });
});

describe("claimDataDir", () => {
  it("creates the folder for its owner alone, and so everything written in it later", async () => {
    const dir = path.join(root, "fresh", "data");
    const claim = await claimDataDir(dir);
    expect(claim.madePrivate).toBe(0);
    expect(await modeOf(dir)).toBe(0o700);
    await writeFile(path.join(dir, "later"), "");
    await mkdir(path.join(dir, "sub"));
    expect(await modeOf(path.join(dir, "later"))).toBe(0o600);
    expect(await modeOf(path.join(dir, "sub"))).toBe(0o700);
    await claim.release();
  });

  it("tightens a folder others could read, and says how much it changed", async () => {
    const dir = path.join(root, "open");
    await mkdir(dir, { mode: 0o777 });
    await chmod(dir, 0o777);
    await writeFile(path.join(dir, "audit"), "", { mode: 0o666 });
    await chmod(path.join(dir, "audit"), 0o666);
    const claim = await claimDataDir(dir);
    expect(claim.madePrivate).toBe(2);
    expect(await modeOf(path.join(dir, "audit"))).toBe(0o600);
    await claim.release();
  });
});
