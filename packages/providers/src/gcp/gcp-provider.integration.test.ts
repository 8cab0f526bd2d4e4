import { createVerify, generateKeyPairSync } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { getTestServer } from "@google-cloud/functions-framework/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoveryFixture } from "../../test/discovery.ts";
import { callOptions, failure } from "../../test/helpers.ts";
import { closedPort, type Loopback, sendJson, startLoopback } from "../../test/loopback.ts";
import type { CatalogFunction, Connection } from "../index.ts";
import { createGcpProvider } from "./gcp-provider.ts";
import "../../test/fixtures/gcp/functions.ts";

const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const served = ["greet", "explode", "busy", "html", "hang"];
const servers: Server[] = [];
const urls = new Map<string, string>();
const minted: string[] = [];

let api: Loopback;
let connection: Connection;
const { registry, catalog, problems, discover } = discoveryFixture(createGcpProvider());
const fn = (name: string) => catalog.get(`gcp/${name}`) as CatalogFunction;

/** Verifies the service account's JWT as Google's token endpoint does, and mints a token. */
function token(body: string): { status: number; body: Record<string, unknown> } {
  const assertion = new URLSearchParams(body).get("assertion") ?? "";
  const [header, claims, signature] = assertion.split(".");
  const valid = createVerify("RSA-SHA256")
    .update(`${header}.${claims}`)
    .verify(publicKey, Buffer.from(signature ?? "", "base64url"));
  if (!valid) return { status: 400, body: { error: "invalid_grant" } };
  const payload = JSON.parse(Buffer.from(claims ?? "", "base64url").toString()) as Record<
    string,
    string
  >;
  minted.push(
    payload.target_audience ? `id:${payload.target_audience}` : `access:${payload.scope}`,
  );
  return payload.target_audience
    ? { status: 200, body: { id_token: `id-for-${payload.target_audience}` } }
    : { status: 200, body: { access_token: "access-1", expires_in: 3600, token_type: "Bearer" } };
}

function resource(id: string, extra: Record<string, unknown> = {}) {
  return {
    name: `projects/demo/locations/europe-west1/functions/${id}`,
    description: `${id} function`,
    state: "ACTIVE",
    environment: "GEN_2",
    labels: { team: "payments" },
    buildConfig: { runtime: "nodejs20", entryPoint: id },
    serviceConfig: { uri: urls.get(id), availableMemory: "256M", timeoutSeconds: 60 },
    ...extra,
  };
}

beforeAll(async () => {
  for (const name of served) {
    const server = getTestServer(name);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    servers.push(server);
    urls.set(name, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  // functions.list v2 and the OAuth token endpoint, in their documented wire format.
  const listed = [
    ...served.map((id) => resource(id)),
    resource("deploying", { state: "DEPLOYING" }),
    resource("on-upload", { serviceConfig: { availableMemory: "1Gi" } }),
  ];
  api = await startLoopback((request, body, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/token") {
      const answer = token(body);
      return sendJson(response, answer.status, answer.body);
    }
    if (request.headers.authorization !== "Bearer access-1") {
      return sendJson(response, 401, {
        error: {
          code: 401,
          message: "Request had invalid authentication credentials.",
          status: "UNAUTHENTICATED",
        },
      });
    }
    if (url.pathname === "/v2/projects/demo/locations/-/functions") {
      const start = Number(url.searchParams.get("pageToken") || 0);
      const next = start + 3;
      return sendJson(response, 200, {
        functions: listed.slice(start, next),
        ...(next < listed.length
          ? { nextPageToken: String(next) }
          : { unreachable: ["asia-east1"] }),
      });
    }
    sendJson(response, 404, { error: { code: 404, message: "not found", status: "NOT_FOUND" } });
  });
  connection = {
    name: "gcp",
    provider: "gcp",
    config: {
      project: "demo",
      endpoint: api.url,
      schemaDocument: fileURLToPath(
        new URL("../../test/fixtures/gcp/schemas.yaml", import.meta.url),
      ),
    },
    secret: {
      serviceAccount: {
        client_email: "baton@demo.iam.gserviceaccount.com",
        private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
        token_uri: `${api.url}/token`,
      },
    },
  };
  await discover(connection);
});

afterAll(async () => {
  await registry.close();
  await api.close();
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe("gcp provider", () => {
  it("lists every page with a service-account token, skipping what cannot be called", () => {
    expect([...catalog.keys()]).toEqual(served.map((id) => `gcp/${id}`));
    expect(problems).toEqual(
      expect.arrayContaining([
        "deploying (europe-west1): skipped, its state is DEPLOYING.",
        "on-upload (europe-west1): skipped, it has no HTTPS URL (event-triggered functions cannot be called).",
        "Locations not reachable just now: asia-east1.",
      ]),
    );
    expect(minted[0]).toBe("access:https://www.googleapis.com/auth/cloud-platform");
  });

  it("reads cost hints and labels, and schemas from the schema document", () => {
    expect(fn("greet")).toMatchObject({
      schemaSource: "annotated",
      description: "Greets a person by name.",
      costHints: { memoryMb: 256, timeoutMs: 60_000, runtime: "nodejs20" },
      locator: { url: urls.get("greet"), region: "europe-west1" },
    });
    expect(fn("explode").tags).toEqual(["team=payments"]);
  });

  it("invokes over HTTP with an ID token for the function's URL and the idempotency key", async () => {
    const options = callOptions();
    const output = await registry.invoke(connection, fn("greet"), { name: "Ada" }, options);
    expect(output).toEqual({
      greeting: "Hello, Ada!",
      idempotencyKey: options.idempotencyKey,
      authorization: `Bearer id-for-${urls.get("greet")}`,
    });
  });

  it("classifies a crash (x-google-status: crash) as function_error", async () => {
    const error = await failure(registry.invoke(connection, fn("explode"), {}, callOptions()));
    expect(error).toMatchObject({
      classification: "function_error",
      details: { reason: "crashed", status: 500 },
    });
  });

  it("classifies 429 as throttled, HTML as bad_output, silence as timeout", async () => {
    const busy = await failure(registry.invoke(connection, fn("busy"), {}, callOptions()));
    expect(busy).toMatchObject({
      classification: "throttled",
      message: "quota exceeded",
      details: { retryAfterMs: 1_000 },
    });
    const html = await failure(registry.invoke(connection, fn("html"), {}, callOptions()));
    expect(html.classification).toBe("bad_output");
    const hang = await failure(registry.invoke(connection, fn("hang"), {}, callOptions(200)));
    expect(hang.classification).toBe("timeout");
  });

  it("classifies wrong credentials and an unreachable API", async () => {
    const denied = await failure(
      registry.discover({ ...connection, secret: { accessToken: "stale" } }),
    );
    expect(denied).toMatchObject({
      classification: "rejected_input",
      message: "Request had invalid authentication credentials.",
    });
    const port = await closedPort();
    const gone = await failure(
      registry.discover({
        ...connection,
        config: { ...connection.config, endpoint: `http://127.0.0.1:${port}` },
      }),
    );
    expect(gone.classification).toBe("unavailable");
    const moved = { ...fn("greet"), locator: { url: `http://127.0.0.1:${port}` } };
    const call = await failure(registry.invoke(connection, moved, { name: "Ada" }, callOptions()));
    expect(call.classification).toBe("unavailable");
  });
});
