import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoveryFixture } from "../../test/discovery.ts";
import { callOptions, failure } from "../../test/helpers.ts";
import { closedPort, type Loopback, sendJson, startLoopback } from "../../test/loopback.ts";
import type { CatalogFunction, Connection } from "../index.ts";
import { createOpenFaasProvider } from "./openfaas-provider.ts";

let gateway: Loopback;
let connection: Connection;
const { registry, catalog, problems, discover } = discoveryFixture(createOpenFaasProvider());
const fn = (name: string) => catalog.get(`faas/${name}`) as CatalogFunction;
const invocationAuth: (string | undefined)[] = [];

// Entries as the gateway's GET /system/functions returns them (faas-netes).
const listed = [
  {
    name: "slugify",
    image: "ghcr.io/acme/slugify:1.2.0",
    namespace: "openfaas-fn",
    replicas: 1,
    availableReplicas: 1,
    invocationCount: 42,
    labels: { "com.openfaas.scale.max": "5" },
    annotations: {
      "baton/description": "Turns a title into a URL slug.",
      "baton/tags": "text, urls",
      "baton/input-schema":
        '{"type":"object","properties":{"title":{"type":"string"}},"required":["title"]}',
      "baton/output-schema":
        '{"type":"object","properties":{"slug":{"type":"string"}},"required":["slug"]}',
    },
    limits: { memory: "128Mi", cpu: "100m" },
    createdAt: "2026-11-01T10:00:00Z",
  },
  {
    name: "nodeinfo",
    image: "ghcr.io/openfaas/nodeinfo:latest",
    namespace: "openfaas-fn",
    replicas: 0,
    availableReplicas: 0,
    labels: null,
    annotations: { "baton/output-schema": "[oops" },
  },
  {
    name: "crash",
    image: "ghcr.io/acme/crash:1",
    namespace: "openfaas-fn",
    replicas: 1,
    availableReplicas: 1,
  },
  {
    name: "ghost",
    image: "ghcr.io/acme/ghost:1",
    namespace: "openfaas-fn",
    replicas: 1,
    availableReplicas: 1,
  },
];

beforeAll(async () => {
  gateway = await startLoopback((request, body, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/system/functions") {
      const expected = `Basic ${Buffer.from("admin:faas-pass").toString("base64")}`;
      if (request.headers.authorization !== expected) {
        response
          .writeHead(401, { "www-authenticate": 'Basic realm="Restricted"' })
          .end("invalid credentials");
        return;
      }
      return sendJson(
        response,
        200,
        listed.filter((f) => f.namespace === (url.searchParams.get("namespace") ?? "openfaas-fn")),
      );
    }
    invocationAuth.push(request.headers.authorization);
    if (url.pathname === "/function/slugify.openfaas-fn") {
      const { title } = JSON.parse(body) as { title: string };
      response.writeHead(200, { "content-type": "text/plain" }).end(
        JSON.stringify({
          slug: title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
          key: request.headers["idempotency-key"],
        }),
      );
      return;
    }
    if (url.pathname === "/function/nodeinfo.openfaas-fn") {
      response
        .writeHead(200, { "content-type": "text/plain" })
        .end("Hostname: nodeinfo-7d9f\nArch: x64\n");
      return;
    }
    if (url.pathname === "/function/crash.openfaas-fn") {
      response
        .writeHead(500, { "content-type": "text/plain" })
        .end("exit status 1\nError: cannot open /data/model.bin");
      return;
    }
    response
      .writeHead(404, { "content-type": "text/plain" })
      .end("error finding function ghost.openfaas-fn: not found");
  });
  connection = {
    name: "faas",
    provider: "openfaas",
    config: { gateway: gateway.url, namespace: "openfaas-fn" },
    secret: { username: "admin", password: "faas-pass" },
  };
  await discover(connection);
});

afterAll(async () => {
  await registry.close();
  await gateway.close();
});

describe("openfaas provider", () => {
  it("lists functions with schemas and hints from their annotations and limits", () => {
    expect([...catalog.keys()]).toEqual([
      "faas/slugify",
      "faas/nodeinfo",
      "faas/crash",
      "faas/ghost",
    ]);
    expect(fn("slugify")).toMatchObject({
      description: "Turns a title into a URL slug.",
      tags: ["text", "urls"],
      schemaSource: "declared",
      inputSchema: { required: ["title"] },
      costHints: { memoryMb: 128 },
      locator: { name: "slugify", namespace: "openfaas-fn" },
    });
    expect(problems).toContain(
      "nodeinfo: annotation baton/output-schema is not a JSON Schema; it is ignored.",
    );
  });

  it("invokes through the gateway without leaking the admin credentials to the function", async () => {
    const options = callOptions();
    const output = await registry.invoke(
      connection,
      fn("slugify"),
      { title: "Hello Baton World" },
      options,
    );
    expect(output).toEqual({ slug: "hello-baton-world", key: options.idempotencyKey });
    expect(invocationAuth).toEqual([undefined]);
  });

  it("classifies text output as bad_output, a 500 as function_error, a 404 as not_found", async () => {
    const text = await failure(registry.invoke(connection, fn("nodeinfo"), {}, callOptions()));
    expect(text.classification).toBe("bad_output");
    const crash = await failure(registry.invoke(connection, fn("crash"), {}, callOptions()));
    expect(crash).toMatchObject({
      classification: "function_error",
      message: expect.stringContaining("exit status 1"),
    });
    const ghost = await failure(registry.invoke(connection, fn("ghost"), {}, callOptions()));
    expect(ghost).toMatchObject({
      classification: "function_error",
      details: { reason: "not_found" },
    });
  });

  it("classifies wrong credentials and an unreachable gateway", async () => {
    const denied = await failure(
      registry.discover({ ...connection, secret: { password: "nope" } }),
    );
    expect(denied).toMatchObject({
      classification: "rejected_input",
      message: "invalid credentials",
    });
    const port = await closedPort();
    const gone = { ...connection, config: { gateway: `http://127.0.0.1:${port}` } };
    expect((await failure(registry.discover(gone))).classification).toBe("unavailable");
    expect(
      (await failure(registry.invoke(gone, fn("slugify"), { title: "x" }, callOptions())))
        .classification,
    ).toBe("unavailable");
  });
});
