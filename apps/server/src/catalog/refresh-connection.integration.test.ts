import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type TDatabase } from "@baton/db";
import {
  createLocalProvider,
  createProviderRegistry,
  type ProviderRegistry,
} from "@baton/providers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshConnection } from "./refresh-connection.ts";

const moduleSource = (outputType: string) => `
export const description = "Echoes";
export const tags = ["test"];
export const input = { type: "object", properties: { text: { type: "string" } }, required: ["text"] };
export const output = { type: "object", properties: { text: { type: "${outputType}" } } };
export async function handler(input) { return { text: input.text }; }
`;

let root: string;
let folder: string;
let db: TDatabase;
let registry: ProviderRegistry;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "baton-refresh-"));
  folder = path.join(root, "functions");
  await mkdir(folder);
  db = await openDatabase({ dataDir: path.join(root, "data") });
  registry = createProviderRegistry([createLocalProvider({ poolSize: 1 })]);
});

afterAll(async () => {
  await registry?.close();
  await db?.close();
  await rm(root, { recursive: true, force: true });
});

describe("refreshConnection", () => {
  it("adds, updates, marks missing, and keeps the user's annotation", async () => {
    const { prisma } = db;
    await writeFile(path.join(folder, "Echo.mjs"), moduleSource("string"));
    await writeFile(path.join(folder, "Shout.mjs"), moduleSource("string"));
    const connection = await prisma.connection.create({
      data: { name: "fns", provider: "local", config: { folder } },
    });

    const first = await refreshConnection(prisma, registry, connection);
    expect(first).toMatchObject({ ok: true, added: ["fns/Echo", "fns/Shout"], missing: [] });

    const annotation = { description: "annotated by a person" };
    await prisma.function.update({ where: { ref: "fns/Echo" }, data: { annotation } });
    await writeFile(path.join(folder, "Echo.mjs"), moduleSource("number"));
    await rm(path.join(folder, "Shout.mjs"));

    const second = await refreshConnection(prisma, registry, connection);
    expect(second).toMatchObject({
      ok: true,
      added: [],
      changed: [
        {
          ref: "fns/Echo",
          input: [],
          output: [
            { path: "properties.text.type", kind: "changed", before: "string", after: "number" },
          ],
        },
      ],
      missing: ["fns/Shout"],
    });
    const echo = await prisma.function.findUniqueOrThrow({ where: { ref: "fns/Echo" } });
    expect(echo.annotation).toEqual(annotation);
    expect(echo.outputSchema).toMatchObject({ properties: { text: { type: "number" } } });
    const shout = await prisma.function.findUniqueOrThrow({ where: { ref: "fns/Shout" } });
    expect(shout.status).toBe("missing");
  });

  it("marks the connection in error and keeps its last good catalog when discovery fails", async () => {
    const { prisma } = db;
    const connection = await prisma.connection.findUniqueOrThrow({ where: { name: "fns" } });
    await rm(folder, { recursive: true });
    const report = await refreshConnection(prisma, registry, connection);
    expect(report.ok).toBe(false);
    expect(report.error).toBeTruthy();
    const after = await prisma.connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect(after.status).toBe("error");
    expect(after.lastError).toBe(report.error);
    expect(await prisma.function.count({ where: { connectionId: connection.id } })).toBe(2);
  });
});
