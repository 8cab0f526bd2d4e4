import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TRunningServer } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import type { AppRouter } from "../src/index.ts";
import { signedInAs, type TClient } from "./auth-client.ts";

let server: TRunningServer;
let dataDir: string;
let client: TClient;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "baton-api-"));
  server = await startServer(loadConfig({ PORT: "0", BATON_DATA_DIR: dataDir }));
  client = (await signedInAs(server, ["admin"])).client;
});

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("API", () => {
  it("has the demo functions in its catalog from the first start", async () => {
    expect(server.catalog.ok).toBe(true);
    const page = await client.catalog.functions.query({ search: "CreateUser" });
    expect(page.items.map((f) => f.ref)).toEqual(["examples/CreateUser"]);
  });

  it("answers queries with data from the database", async () => {
    const { prisma } = server.services.db;
    const before = await client.system.overview.query();
    const connection = await prisma.connection.create({
      data: { name: "test", provider: "local", secret: Buffer.from("s3cr3t-value") },
    });
    await prisma.function.create({
      data: {
        connectionId: connection.id,
        ref: "test/Hello",
        name: "Hello",
        description: "Says hello",
        tags: ["greeting"],
        inputSchema: { type: "object" },
        outputSchema: { type: "object" },
      },
    });
    const overview = await client.system.overview.query();
    expect(overview).toMatchObject({
      connections: before.connections + 1,
      functions: before.functions + 1,
      scenarios: before.scenarios,
      openTasks: 0,
    });

    const page = await client.catalog.functions.query({ search: "hello" });
    expect(page.items.map((f) => f.ref)).toEqual(["test/Hello"]);
    expect((await client.catalog.functions.query({ tag: "nope" })).items).toEqual([]);

    const connections = await client.catalog.connections.query();
    expect(JSON.stringify(connections)).not.toContain("s3cr3t");
    for (const c of connections) expect(c).not.toHaveProperty("secret");
  });

  it("pages through results with a cursor", async () => {
    const { prisma } = server.services.db;
    const connection = await prisma.connection.create({
      data: { name: "paging", provider: "local" },
    });
    await prisma.function.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        connectionId: connection.id,
        ref: `paging/F${i}`,
        name: `F${i}`,
        inputSchema: {},
        outputSchema: {},
      })),
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof client.catalog.functions.query>> =
        await client.catalog.functions.query({ connectionId: connection.id, limit: 2, cursor });
      seen.push(...page.items.map((f) => f.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["F0", "F1", "F2", "F3", "F4"]);
  });

  it("rejects bad input with a readable message", async () => {
    const error = await client.catalog.functions.query({ limit: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const trpcError = error as TRPCClientError<AppRouter>;
    expect(trpcError.data?.httpStatus).toBe(400);
    expect(trpcError.message).toMatch(/limit/);
    expect(trpcError.data).not.toHaveProperty("stack");
  });

  it("streams subscriptions over SSE", async () => {
    const received = await new Promise<{ database: { ok: boolean } }[]>((resolve, reject) => {
      const events: { database: { ok: boolean } }[] = [];
      const sub = client.system.status.subscribe(
        { intervalMs: 250 },
        {
          onData: (data) => {
            events.push(data);
            if (events.length === 2) {
              sub.unsubscribe();
              resolve(events);
            }
          },
          onError: reject,
        },
      );
    });
    expect(received.every((e) => e.database.ok)).toBe(true);
  });

  it("serves /healthz with the database it checked", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toMatchObject({ status: "ok", database: "pglite" });
  });
});
