import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./open-database.ts";
import { createTestDatabase, freePort, testServerUrl } from "./testing/index.ts";

describe("embedded database (PGlite)", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "baton-db-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("applies migrations on first open and keeps data for the next", async () => {
    const first = await openDatabase({ dataDir });
    expect(first.kind).toBe("pglite");
    expect(first.appliedMigrations.length).toBeGreaterThan(0);
    await first.prisma.user.create({ data: { email: "ada@example.com", name: "Ada" } });
    await first.close();

    const second = await openDatabase({ dataDir });
    expect(second.appliedMigrations).toEqual([]);
    expect(await second.prisma.user.count()).toBe(1);
    await second.close();
  });

  it("refuses a data folder another live process holds", async () => {
    // pid 1 is always alive and never ours
    await writeFile(path.join(dataDir, "baton.pid"), "1");
    await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by another Baton process/);
    await rm(path.join(dataDir, "baton.pid"));
  });

  it("takes over a lock left by a dead process", async () => {
    await writeFile(path.join(dataDir, "baton.pid"), "999999999");
    const db = await openDatabase({ dataDir });
    await db.close();
  });

  it.skipIf(process.getuid?.() === 0)("says so when the data folder is not writable", async () => {
    const locked = await mkdtemp(path.join(tmpdir(), "baton-ro-"));
    await chmod(locked, 0o500);
    await expect(openDatabase({ dataDir: path.join(locked, "data") })).rejects.toMatchObject({
      code: "DATA_DIR",
    });
  });

  it("says so when the data folder is a file", async () => {
    const file = path.join(dataDir, "not-a-folder");
    await writeFile(file, "");
    await expect(openDatabase({ dataDir: file })).rejects.toMatchObject({
      code: "DATA_DIR",
      message: expect.stringMatching(/cannot write to the data folder .*BATON_DATA_DIR/),
    });
  });
});

describe("PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("applies migrations once and serves queries", async () => {
    const first = await openDatabase({ databaseUrl: database.url, dataDir: "unused" });
    expect(first.kind).toBe("postgres");
    expect(first.appliedMigrations.length).toBeGreaterThan(0);
    expect(first.location).not.toContain("@");
    await first.prisma.user.create({ data: { email: "grace@example.com", name: "Grace" } });
    await first.close();
    const second = await openDatabase({ databaseUrl: database.url, dataDir: "unused" });
    expect(second.appliedMigrations).toEqual([]);
    expect(await second.prisma.user.count()).toBe(1);
    await second.close();
  });

  it("explains a malformed URL", async () => {
    await expect(openDatabase({ databaseUrl: "not a url", dataDir: "x" })).rejects.toMatchObject({
      code: "DATABASE_CONFIG",
    });
    await expect(
      openDatabase({ databaseUrl: "mysql://localhost/db", dataDir: "x" }),
    ).rejects.toThrow(/must start with postgresql:\/\//);
  });

  it("explains an unreachable server", async () => {
    const port = await freePort();
    await expect(
      openDatabase({ databaseUrl: `postgresql://u:secret@127.0.0.1:${port}/baton`, dataDir: "x" }),
    ).rejects.toMatchObject({
      code: "DATABASE_UNREACHABLE",
      message: expect.stringMatching(/connection refused/),
    });
  });

  it("explains a missing database without leaking the password", async () => {
    const url = new URL(testServerUrl());
    url.pathname = "/no_such_database";
    url.password = "s3cret";
    const error = await openDatabase({ databaseUrl: url.href, dataDir: "x" }).catch((e) => e);
    expect(error.message).toMatch(/does not exist/);
    expect(error.message).not.toContain("s3cret");
  });
});
