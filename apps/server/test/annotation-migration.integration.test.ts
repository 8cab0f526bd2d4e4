import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, type TDatabase } from "@baton/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const migrations = fileURLToPath(new URL("../../../prisma/migrations/", import.meta.url));

// The statement of the catalog_samples migration that renames stored annotations.
const renameStatement = async () => {
  const folder = (await readdir(migrations)).find((name) => name.endsWith("_catalog_samples"));
  const sql = await readFile(path.join(migrations, folder!, "migration.sql"), "utf8");
  return sql.slice(sql.indexOf('UPDATE "Function"'));
};

let root: string;
let db: TDatabase;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "baton-annotation-migration-"));
  db = await openDatabase({ dataDir: root });
});

afterAll(async () => {
  await db?.close();
  await rm(root, { recursive: true, force: true });
});

describe("the annotation migration", () => {
  it("renames input/output to inputSchema/outputSchema and leaves the rest alone", async () => {
    const { prisma } = db;
    const connection = await prisma.connection.create({ data: { name: "m", provider: "local" } });
    const make = (ref: string, annotation: object | undefined) =>
      prisma.function.create({
        data: {
          connectionId: connection.id,
          ref,
          name: ref,
          inputSchema: {},
          outputSchema: {},
          ...(annotation ? { annotation } : {}),
        },
      });
    await make("m/Legacy", {
      input: { type: "object" },
      output: { type: "string" },
      description: "d",
    });
    await make("m/OutputOnly", { output: true });
    await make("m/Current", { inputSchema: { type: "number" } });
    await make("m/None", undefined);

    await prisma.$executeRawUnsafe(await renameStatement());

    const annotations = Object.fromEntries(
      (await prisma.function.findMany({ select: { ref: true, annotation: true } })).map((f) => [
        f.ref,
        f.annotation,
      ]),
    );
    expect(annotations).toEqual({
      "m/Legacy": {
        inputSchema: { type: "object" },
        outputSchema: { type: "string" },
        description: "d",
      },
      "m/OutputOnly": { outputSchema: true },
      "m/Current": { inputSchema: { type: "number" } },
      "m/None": null,
    });
  });
});
