import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoveryFixture } from "../../test/discovery.ts";
import { callOptions, failure } from "../../test/helpers.ts";
import { closedPort, type Loopback, sendJson, startLoopback } from "../../test/loopback.ts";
import type { CatalogFunction, Connection } from "../index.ts";
import { createHttpProvider } from "./http-provider.ts";

const documentText = readFileSync(
  new URL("../../test/fixtures/openapi/orders.yaml", import.meta.url),
  "utf8",
);
const orderId = "0b6a3a8e-1f0c-4d2a-9c1e-2f3a4b5c6d7e";
const seenKeys: string[] = [];

function order(body: Record<string, unknown>, id = orderId, status = "placed") {
  return { id, status, total: { amountCents: 2_900, currency: "EUR" }, parent: null, ...body };
}

let server: Loopback;
let connection: Connection;
const { registry, catalog, discover } = discoveryFixture(createHttpProvider());
const fn = (name: string) => catalog.get(`orders/${name}`) as CatalogFunction;

beforeAll(async () => {
  server = await startLoopback(async (request, body, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    seenKeys.push(String(request.headers["idempotency-key"]));
    if (url.pathname === "/openapi.yaml") {
      response.writeHead(200, { "content-type": "application/yaml" }).end(documentText);
      return;
    }
    if (url.pathname === "/garbage") {
      response.writeHead(200, { "content-type": "text/html" }).end("<html>{ not: [yaml");
      return;
    }
    if (url.pathname === "/swagger.json")
      return sendJson(response, 200, { swagger: "2.0", paths: {} });
    if (url.pathname === "/api/v1/health") {
      response.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (request.headers["x-api-key"] !== "secret-key") {
      return sendJson(response, 401, { message: "missing or wrong API key" });
    }
    const source = request.headers["x-request-source"];
    if (request.method === "POST" && url.pathname === "/api/v1/orders") {
      if (source === "throttle")
        return sendJson(response, 429, { message: "slow down" }, { "retry-after": "2" });
      if (source === "down") return sendJson(response, 503, { message: "maintenance" });
      if (source === "crash")
        return sendJson(response, 500, { error: { message: "NullPointerException" } });
      if (source === "html") {
        response.writeHead(200, { "content-type": "text/html" }).end("<h1>Welcome</h1>");
        return;
      }
      if (source === "hang") return;
      const parsed = JSON.parse(body) as { lines: { quantity: number }[] };
      if (parsed.lines.some((line) => line.quantity > 100)) {
        return sendJson(response, 422, { message: "quantity must be at most 100" });
      }
      return sendJson(response, 201, order(parsed, orderId, source === "lie" ? "lost" : "placed"));
    }
    const line = /^\/api\/v1\/orders\/([^/]+)\/lines\/([^/]+)$/.exec(url.pathname);
    if (line && request.method === "PUT") {
      const sent = JSON.parse(body) as { sku: string; quantity: number };
      return sendJson(response, 200, {
        ...order({ customerEmail: "ada@example.com", lines: [sent] }, line[1]),
        note: `path sku ${decodeURIComponent(line[2] ?? "")}`,
      });
    }
    const match = /^\/api\/v1\/orders\/([^/]+)(\/cancel)?$/.exec(url.pathname);
    if (match?.[2] && request.method === "POST") {
      response.writeHead(204).end();
      return;
    }
    if (match && request.method === "GET") {
      if (match[1] !== orderId) return sendJson(response, 404, { message: `no order ${match[1]}` });
      return sendJson(response, 200, {
        ...order({ customerEmail: "ada@example.com", lines: [{ sku: "MUG-001", quantity: 1 }] }),
        expand: url.searchParams.getAll("expand"),
        team: request.headers["x-team"] ?? null,
      });
    }
    sendJson(response, 404, { message: "no route" });
  });
  connection = {
    name: "orders",
    provider: "http",
    config: { document: `${server.url}/openapi.yaml` },
    secret: { apiKey: "secret-key" },
  };
  await discover(connection);
});

afterAll(async () => {
  await registry.close();
  await server.close();
});

const newOrder = {
  customerEmail: "ada@example.com",
  note: null,
  lines: [{ sku: "MUG-001", quantity: 2 }],
};

describe("http provider", () => {
  it("discovers the operations of a YAML document served over HTTP", () => {
    expect([...catalog.keys()]).toEqual([
      "orders/getOrder",
      "orders/createOrder",
      "orders/setLine",
      "orders/createOrders",
      "orders/cancelOrder",
      "orders/get_health",
    ]);
    expect(fn("getOrder").locator.serverUrl).toBe(`${server.url}/api/v1`);
  });

  it("calls an operation with path, query, API key and idempotency key", async () => {
    const options = callOptions();
    const output = await registry.invoke(
      connection,
      fn("getOrder"),
      { orderId, expand: ["lines", "customer"] },
      options,
    );
    expect(output).toMatchObject({ id: orderId, expand: ["lines", "customer"] });
    expect(seenKeys.at(-1)).toBe(options.idempotencyKey);
  });

  it("sends the connection's header credentials, over headers older connections keep in config", async () => {
    const withHeaders = {
      ...connection,
      config: { ...connection.config, headers: { "X-Team": "from-config", "x-other": "1" } },
      secret: { ...connection.secret, "header:x-team": "from-secret" },
    };
    expect(
      await registry.invoke(withHeaders, fn("getOrder"), { orderId }, callOptions()),
    ).toMatchObject({ team: "from-secret" });
    const older = { ...withHeaders, secret: connection.secret };
    expect(await registry.invoke(older, fn("getOrder"), { orderId }, callOptions())).toMatchObject({
      team: "from-config",
    });
  });

  it("sends the body's fields, given flat beside the parameters, as the JSON body", async () => {
    const output = await registry.invoke(
      connection,
      fn("createOrder"),
      { ...newOrder, "X-Request-Source": "web" },
      callOptions(),
    );
    expect(output).toMatchObject({ status: "placed", lines: newOrder.lines });
  });

  it("still takes the older wrapped form that saved scenarios send", async () => {
    const output = await registry.invoke(
      connection,
      fn("createOrder"),
      { body: newOrder, "X-Request-Source": "web" },
      callOptions(),
    );
    expect(output).toMatchObject({ status: "placed", lines: newOrder.lines });
  });

  it("sends a parameter named like a body field from its prefixed field", async () => {
    const output = await registry.invoke(
      connection,
      fn("setLine"),
      { orderId, path_sku: "MUG 001", sku: "MUG-001", quantity: 3 },
      callOptions(),
    );
    expect(output).toMatchObject({
      id: orderId,
      lines: [{ sku: "MUG-001", quantity: 3 }],
      note: "path sku MUG 001",
    });
  });

  it("returns null for 204 and text for text/plain", async () => {
    expect(
      await registry.invoke(connection, fn("cancelOrder"), { orderId }, callOptions()),
    ).toBeNull();
    expect(await registry.invoke(connection, fn("get_health"), {}, callOptions())).toBe("ok");
  });

  it.each([
    ["throttle", "throttled", true, 429],
    ["down", "unavailable", true, 503],
    ["crash", "function_error", false, 500],
    ["html", "bad_output", false, 200],
    ["lie", "bad_output", false, undefined],
  ] as const)(
    "classifies source=%s as %s, with the HTTP status",
    async (source, classification, retryable, status) => {
      const error = await failure(
        registry.invoke(
          connection,
          fn("createOrder"),
          { ...newOrder, "X-Request-Source": source },
          callOptions(),
        ),
      );
      expect(error.classification).toBe(classification);
      expect(error.retryable).toBe(retryable);
      expect(error.details.status).toBe(status);
      if (source === "throttle") expect(error.details.retryAfterMs).toBe(2_000);
      if (source === "crash") expect(error.message).toBe("NullPointerException");
      if (source === "lie") expect(error.details.issues?.[0]?.path).toBe("/status");
    },
  );

  it("classifies a 422 as rejected_input with the server's message", async () => {
    const error = await failure(
      registry.invoke(
        connection,
        fn("createOrder"),
        { ...newOrder, lines: [{ sku: "MUG-001", quantity: 500 }] },
        callOptions(),
      ),
    );
    expect(error.classification).toBe("rejected_input");
    expect(error.message).toBe("quantity must be at most 100");
  });

  it("classifies wrong credentials as rejected_input and a missing resource as not_found", async () => {
    const wrongKey = { ...connection, secret: { apiKey: "nope" } };
    const denied = await failure(
      registry.invoke(wrongKey, fn("getOrder"), { orderId }, callOptions()),
    );
    expect(denied).toMatchObject({ classification: "rejected_input", details: { status: 401 } });
    const missing = await failure(
      registry.invoke(
        connection,
        fn("getOrder"),
        { orderId: "9b2d1f8e-3c4a-4b5d-8e6f-7a8b9c0d1e2f" },
        callOptions(),
      ),
    );
    expect(missing.details.reason).toBe("not_found");
  });

  it("times out a server that never answers", async () => {
    const error = await failure(
      registry.invoke(
        connection,
        fn("createOrder"),
        { ...newOrder, "X-Request-Source": "hang" },
        callOptions(200),
      ),
    );
    expect(error.classification).toBe("timeout");
  });

  it("classifies an unreachable endpoint as unavailable", async () => {
    const port = await closedPort();
    const gone = {
      ...connection,
      config: { ...connection.config, baseUrl: `http://127.0.0.1:${port}` },
    };
    const error = await failure(registry.invoke(gone, fn("getOrder"), { orderId }, callOptions()));
    expect(error.classification).toBe("unavailable");
    expect(error.message).toMatch(/ECONNREFUSED/);
    const discovery = await failure(
      registry.discover({
        ...connection,
        config: { document: `http://127.0.0.1:${port}/openapi.yaml` },
      }),
    );
    expect(discovery.classification).toBe("unavailable");
  });

  it("lists what is wrong with a malformed document", async () => {
    const swagger = await failure(
      registry.discover({ ...connection, config: { document: `${server.url}/swagger.json` } }),
    );
    expect(swagger.classification).toBe("bad_output");
    expect(swagger.details.problems).toEqual([
      "Swagger 2.0 is not supported; convert it to OpenAPI 3",
    ]);
    const garbage = await failure(
      registry.discover({ ...connection, config: { document: `${server.url}/garbage` } }),
    );
    expect(garbage.details.reason).toBe("malformed_document");
  });

  it("reads a document from a file, given a base URL", async () => {
    const fromFile = {
      ...connection,
      config: {
        document: new URL("../../test/fixtures/openapi/orders.yaml", import.meta.url).pathname,
        baseUrl: `${server.url}/api/v1`,
      },
    };
    const discovery = await registry.discover(fromFile);
    expect(discovery.functions).toHaveLength(6);
    const first = discovery.functions[0] as CatalogFunction;
    expect(await registry.invoke(fromFile, first, { orderId }, callOptions())).toMatchObject({
      id: orderId,
    });
  });
});
