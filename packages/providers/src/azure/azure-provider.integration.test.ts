import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoveryFixture } from "../../test/discovery.ts";
import { callOptions, failure } from "../../test/helpers.ts";
import { closedPort, type Loopback, sendJson, startLoopback } from "../../test/loopback.ts";
import type { CatalogFunction, Connection } from "../index.ts";
import { createAzureProvider } from "./azure-provider.ts";

const subscription = "00000000-0000-0000-0000-000000000001";
const sitesPath = `/subscriptions/${subscription}/providers/Microsoft.Web/sites`;
const appPath = `/subscriptions/${subscription}/resourceGroups/rg-pay/providers/Microsoft.Web/sites/payments`;
const keyRequests: string[] = [];

let arm: Loopback;
let host: Loopback;
let connection: Connection;
const { registry, catalog, problems, discover } = discoveryFixture(createAzureProvider());
const fn = (name: string) => catalog.get(`azure/payments.${name}`) as CatalogFunction;

// Shapes follow the published examples of Web Apps - List, List Functions and List Function Keys.
function site(name: string, kind: string, state = "Running") {
  return {
    id: `/subscriptions/${subscription}/resourceGroups/rg-pay/providers/Microsoft.Web/sites/${name}`,
    name,
    type: "Microsoft.Web/sites",
    kind,
    location: "West Europe",
    tags: { team: "payments" },
    properties: {
      state,
      enabled: true,
      defaultHostName: `${name}.azurewebsites.net`,
      resourceGroup: "rg-pay",
    },
  };
}

function envelope(name: string, bindings: object[], extra: Record<string, unknown> = {}) {
  return {
    id: `${appPath}/functions/${name}`,
    name: `payments/${name}`,
    type: "Microsoft.Web/sites/functions",
    properties: {
      function_app_id: null,
      script_href: `https://payments.scm.azurewebsites.net/api/vfs/site/wwwroot/${name}/index.js`,
      config: { bindings },
      invoke_url_template: `${host.url}/api/${name}`,
      language: "node",
      isDisabled: false,
      ...extra,
    },
  };
}

const httpIn = (authLevel: string) => [
  { type: "httpTrigger", direction: "in", name: "req", authLevel, methods: ["post"] },
  { type: "http", direction: "out", name: "res" },
];

beforeAll(async () => {
  // The function app's host: keys checked the way the Functions runtime does.
  host = await startLoopback((request, body, response) => {
    const name = (request.url ?? "").replace(/^\/api\//, "");
    if (name !== "status" && request.headers["x-functions-key"] !== `key-${name}`) {
      response.writeHead(401).end();
      return;
    }
    if (name === "explode") {
      response.writeHead(500).end();
      return;
    }
    if (name === "busy")
      return sendJson(response, 429, { message: "Too many requests" }, { "retry-after": "3" });
    if (name === "status") return sendJson(response, 200, { ok: true });
    sendJson(response, 200, {
      charged: JSON.parse(body),
      idempotencyKey: request.headers["idempotency-key"],
    });
  });
  arm = await startLoopback((request, body, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/tenant-1/oauth2/v2.0/token") {
      const form = new URLSearchParams(body);
      if (form.get("client_secret") !== "s3cret") {
        return sendJson(response, 401, {
          error: "invalid_client",
          error_description: "AADSTS7000215: Invalid client secret provided.",
        });
      }
      return sendJson(response, 200, {
        token_type: "Bearer",
        expires_in: 3599,
        access_token: "arm-token",
      });
    }
    if (request.headers.authorization !== "Bearer arm-token") {
      return sendJson(response, 401, {
        error: { code: "AuthenticationFailed", message: "Authentication failed." },
      });
    }
    if (url.pathname === sitesPath) {
      if (url.searchParams.get("$skiptoken") === "2") {
        return sendJson(response, 200, {
          value: [site("www", "app"), site("legacy", "functionapp", "Stopped")],
        });
      }
      return sendJson(response, 200, {
        value: [site("payments", "functionapp,linux")],
        nextLink: `${arm.url}${sitesPath}?api-version=${url.searchParams.get("api-version")}&$skiptoken=2`,
      });
    }
    if (url.pathname === `${appPath}/functions`) {
      return sendJson(response, 200, {
        value: [
          envelope("charge", httpIn("function")),
          envelope("status", httpIn("anonymous")),
          envelope("explode", httpIn("function")),
          envelope("busy", httpIn("function")),
          envelope("onQueue", [
            { type: "queueTrigger", direction: "in", name: "item", queueName: "q" },
          ]),
          envelope("old", httpIn("function"), { isDisabled: true }),
        ],
      });
    }
    const keys = /^.*\/functions\/([^/]+)\/listkeys$/.exec(url.pathname);
    if (keys && request.method === "POST") {
      keyRequests.push(keys[1] ?? "");
      return sendJson(response, 200, { default: `key-${keys[1]}` });
    }
    sendJson(response, 404, {
      error: { code: "ResourceNotFound", message: `No route ${url.pathname}` },
    });
  });
  connection = {
    name: "azure",
    provider: "azure",
    config: { subscriptionId: subscription, endpoint: arm.url, authorityHost: arm.url },
    secret: { tenantId: "tenant-1", clientId: "client-1", clientSecret: "s3cret" },
  };
  await discover(connection);
});

afterAll(async () => {
  await registry.close();
  await arm.close();
  await host.close();
});

describe("azure provider", () => {
  it("lists the HTTP-triggered functions of every function app, following nextLink", () => {
    expect([...catalog.keys()]).toEqual([
      "azure/payments.charge",
      "azure/payments.status",
      "azure/payments.explode",
      "azure/payments.busy",
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        "legacy: skipped, the function app is Stopped.",
        "payments/onQueue: skipped, it has a queueTrigger and cannot be called over HTTP.",
        "payments/old: skipped, it is disabled.",
      ]),
    );
    expect(fn("charge")).toMatchObject({
      tags: ["team=payments"],
      costHints: { runtime: "node" },
      locator: {
        app: "payments",
        functionName: "charge",
        resourceGroup: "rg-pay",
        authLevel: "function",
      },
    });
  });

  it("invokes with the function key read through ARM, once", async () => {
    const options = callOptions();
    expect(await registry.invoke(connection, fn("charge"), { amountCents: 100 }, options)).toEqual({
      charged: { amountCents: 100 },
      idempotencyKey: options.idempotencyKey,
    });
    await registry.invoke(connection, fn("charge"), { amountCents: 200 }, callOptions());
    expect(keyRequests).toEqual(["charge"]);
  });

  it("calls anonymous functions without a key", async () => {
    expect(await registry.invoke(connection, fn("status"), {}, callOptions())).toEqual({
      ok: true,
    });
    expect(keyRequests).not.toContain("status");
  });

  it("classifies a 500 from the host as function_error and 429 as throttled", async () => {
    const explode = await failure(registry.invoke(connection, fn("explode"), {}, callOptions()));
    expect(explode).toMatchObject({ classification: "function_error", details: { status: 500 } });
    const busy = await failure(registry.invoke(connection, fn("busy"), {}, callOptions()));
    expect(busy).toMatchObject({ classification: "throttled", details: { retryAfterMs: 3_000 } });
  });

  it("classifies a refused service principal and an unreachable ARM", async () => {
    const refused = await failure(
      registry.discover({ ...connection, secret: { ...connection.secret, clientSecret: "wrong" } }),
    );
    expect(refused.classification).toBe("rejected_input");
    expect(refused.message).toContain("AADSTS7000215");
    const port = await closedPort();
    const gone = await failure(
      registry.discover({
        ...connection,
        config: { ...connection.config, endpoint: `http://127.0.0.1:${port}` },
      }),
    );
    expect(gone.classification).toBe("unavailable");
  });
});
