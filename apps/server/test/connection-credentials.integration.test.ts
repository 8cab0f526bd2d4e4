import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TRunningServer } from "../src/app.ts";
import { openConnectionSecret } from "../src/catalog/secrets/connection-secret.ts";
import { loadConfig } from "../src/config.ts";
import { signedInAs, type TClient } from "./auth-client.ts";

const HEADER_KEY = "hdr-key-6d0f2a9c41";
const HEADER_TOKEN = "hdr-token-1b7e55c3d9";
const LEGACY_KEY = "legacy-hdr-8c2e4f1a07";
const GATEWAY_PASSWORD = "gw-password-3f9a61";

type TRecorded = { url: string; headers: IncomingHttpHeaders };

/** A loopback service: serves an OpenAPI document, answers every call with the headers it got. */
const startService = async () => {
  const seen: TRecorded[] = [];
  const server: Server = createServer((request, response) => {
    const send = (status: number, body: unknown) =>
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (request.url === "/openapi.json") {
      return send(200, {
        openapi: "3.0.3",
        info: { title: "Who am I", version: "1" },
        servers: [{ url: base }],
        paths: {
          "/whoami": {
            get: {
              operationId: "whoami",
              responses: {
                "200": { description: "the headers", content: { "application/json": {} } },
              },
            },
          },
        },
      });
    }
    seen.push({ url: request.url ?? "", headers: request.headers });
    if (request.url?.startsWith("/system/functions")) return send(200, []);
    send(200, {
      key: request.headers["x-api-key"] ?? null,
      auth: request.headers.authorization ?? null,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, seen, close: () => new Promise((resolve) => server.close(resolve)) };
};

let root: string;
let server: TRunningServer;
let admin: TClient;
let viewer: TClient;
let service: Awaited<ReturnType<typeof startService>>;
let elsewhere: Awaited<ReturnType<typeof startService>>;

const start = async () => {
  server = await startServer(loadConfig({ PORT: "0", BATON_DATA_DIR: path.join(root, "data") }));
  admin = (await signedInAs(server, ["admin"])).client;
  viewer = (await signedInAs(server, ["viewer"])).client;
};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "baton-credentials-"));
  service = await startService();
  elsewhere = await startService();
  await start();
});

afterAll(async () => {
  await server?.stop();
  await service?.close();
  await elsewhere?.close();
  await rm(root, { recursive: true, force: true });
});

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<never>;
};

const stored = async (id: string) => {
  const row = await server.services.db.prisma.connection.findUniqueOrThrow({ where: { id } });
  return { row, secret: openConnectionSecret(server.services.secrets, row) };
};

describe("header credentials of an OpenAPI connection", () => {
  let id: string;

  it("are sealed with the other credentials and sent with every call", async () => {
    const created = await admin.catalog.createConnection.mutate({
      name: "whoami",
      provider: "http",
      settings: { document: `${service.base}/openapi.json` },
      secretChanges: {
        "header:X-Api-Key": HEADER_KEY,
        "header:Authorization": `Bearer ${HEADER_TOKEN}`,
      },
    });
    id = created.id;
    expect(created.refresh).toMatchObject({ ok: true, added: ["whoami/whoami"] });
    const { row, secret } = await stored(id);
    expect(row.config).toEqual({ document: `${service.base}/openapi.json` });
    expect(Buffer.from(row.secret!).toString("latin1")).not.toContain(HEADER_KEY);
    expect(secret).toEqual({
      "header:x-api-key": HEADER_KEY,
      "header:authorization": `Bearer ${HEADER_TOKEN}`,
    });
    const fn = (await admin.catalog.functions.query({ connectionId: id })).items[0]!;
    expect(await admin.catalog.tryFunction.mutate({ id: fn.id, input: {} })).toMatchObject({
      ok: true,
      output: { key: HEADER_KEY, auth: `Bearer ${HEADER_TOKEN}` },
    });
  });

  it("show viewers only their names", async () => {
    const view = await viewer.catalog.connection.query({ id });
    expect(view).toMatchObject({
      settings: { document: `${service.base}/openapi.json` },
      secretKeys: ["header:authorization", "header:x-api-key"],
    });
    const text = JSON.stringify([view, await viewer.catalog.connections.query()]);
    expect(text).not.toContain(HEADER_KEY);
    expect(text).not.toContain(HEADER_TOKEN);
  });

  it("are kept, replaced or removed one by one, and audited by name", async () => {
    await admin.catalog.updateConnection.mutate({
      id,
      settings: { document: `${service.base}/openapi.json` },
      secretChanges: { "header:authorization": null, "header:X-Team": "billing" },
    });
    expect((await stored(id)).secret).toEqual({
      "header:x-api-key": HEADER_KEY,
      "header:x-team": "billing",
    });
    const trail = await admin.audit.list.query({ target: id });
    expect(trail.items[0]?.data).toMatchObject({
      credentialsSet: ["header:X-Team"],
      credentialsRemoved: ["header:authorization"],
    });
    expect(JSON.stringify(trail)).not.toMatch(/billing|hdr-/);
  });

  it("kept in plain settings by older versions are sealed on the next start", async () => {
    const { prisma } = server.services.db;
    const legacy = await prisma.connection.create({
      data: {
        name: "legacy",
        provider: "http",
        config: { document: `${service.base}/openapi.json`, headers: { "X-Api-Key": LEGACY_KEY } },
      },
    });
    await server.stop();
    await start();
    const { row, secret } = await stored(legacy.id);
    expect(row.config).toEqual({ document: `${service.base}/openapi.json` });
    expect(secret).toEqual({ "header:x-api-key": LEGACY_KEY });
    const view = await viewer.catalog.connection.query({ id: legacy.id });
    expect(view.secretKeys).toEqual(["header:x-api-key"]);
    expect(JSON.stringify(view)).not.toContain(LEGACY_KEY);
    const audit = await admin.audit.list.query({ target: legacy.id });
    expect(audit.items[0]).toMatchObject({
      action: "connection.update",
      actorId: null,
      data: { credentialsSet: ["header:x-api-key"] },
    });
    expect(JSON.stringify(audit)).not.toContain(LEGACY_KEY);
  });
});

describe("stored credentials and a new address", () => {
  it("are not sent there, by a test or a save, until they are entered again", async () => {
    const created = await admin.catalog.createConnection.mutate({
      name: "gateway",
      provider: "openfaas",
      settings: { gateway: service.base },
      secretChanges: { password: GATEWAY_PASSWORD },
    });
    const moved = { id: created.id, settings: { gateway: elsewhere.base } };
    const tested = await refusal(
      admin.catalog.testConnection.mutate({ ...moved, name: "gateway", provider: "openfaas" }),
    );
    expect(tested.message).toBe(
      "Gateway changed: re-enter the credentials to send them to the new address, or remove them (password).",
    );
    expect(tested.data).toMatchObject({ httpStatus: 400 });
    const saved = await refusal(admin.catalog.updateConnection.mutate(moved));
    expect(saved.message).toMatch(/re-enter the credentials to send them to the new address/);
    expect(elsewhere.seen).toEqual([]);
    expect((await stored(created.id)).row.config).toEqual({ gateway: service.base });

    // settings that do not decide the address change as before
    await admin.catalog.updateConnection.mutate({
      id: created.id,
      settings: { gateway: service.base, namespace: "fn" },
    });
    expect((await stored(created.id)).secret).toEqual({ password: GATEWAY_PASSWORD });

    await admin.catalog.updateConnection.mutate({
      ...moved,
      secretChanges: { password: "new-pw" },
    });
    expect(elsewhere.seen.map((r) => r.headers.authorization)).toEqual([
      `Basic ${Buffer.from("admin:new-pw").toString("base64")}`,
    ]);

    // nor through a test that claims the connection is of another kind
    const otherKind = await refusal(
      admin.catalog.testConnection.mutate({
        id: created.id,
        name: "gateway",
        provider: "http",
        settings: { document: `${elsewhere.base}/openapi.json` },
      }),
    );
    expect(otherKind.message).toBe(
      'Connection "gateway" uses the openfaas provider, which cannot change.',
    );
    expect(elsewhere.seen).toHaveLength(1);
  });

  it("of an OpenAPI connection are not sent to another base URL either", async () => {
    const whoami = (await admin.catalog.connections.query()).find((c) => c.name === "whoami");
    const error = await refusal(
      admin.catalog.updateConnection.mutate({
        id: whoami!.id,
        settings: { document: `${service.base}/openapi.json`, baseUrl: elsewhere.base },
      }),
    );
    expect(error.message).toBe(
      "Base URL changed: re-enter the credentials to send them to the new address, or remove them (header:x-api-key, header:x-team).",
    );
  });
});
