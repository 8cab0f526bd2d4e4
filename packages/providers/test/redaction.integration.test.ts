import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Connection,
  createAzureProvider,
  createGcpProvider,
  createHttpProvider,
  createLambdaProvider,
  createOpenFaasProvider,
  createProviderRegistry,
  type InvocableFunction,
  type ProviderError,
} from "../src/index.ts";
import { callOptions, failure } from "./helpers.ts";
import { type Loopback, sendJson, startLoopback } from "./loopback.ts";

// Remote services that repeat the credentials they were sent in their error answers, as
// misconfigured proxies and chatty APIs do. None of it may reach a ProviderError.
const TOKEN = "tok-4f9c1a7e2b8d-bearer";
const API_KEY = "key+/=&?7d2e9a-query";
const TEAM_HEADER = "team-secret-0c5b8e1f";
const BASIC_PASSWORD = "basic-pw-93e1c7";
const AWS_SECRET = "aws/Secret+Key=8b3f0d2c61";
const AWS_SESSION = "aws-session-token-5e7a90";
const GCP_TOKEN = "ya29.gcp-access-token-77c1";
const AZURE_SECRET = "azure~client.secret_41d8";
const AZURE_KEY = "azure-function-key-2f6b0e";
const FAAS_PASSWORD = "faas-gateway-pw-6a1d";

const registry = createProviderRegistry([
  createHttpProvider(),
  createLambdaProvider(),
  createGcpProvider(),
  createAzureProvider(),
  createOpenFaasProvider(),
]);
let echo: Loopback;

/** Everything a request carried, as text: what a service that echoes its input sends back. */
const everything = (request: IncomingMessage, body: string) =>
  `${request.method} ${request.url} ${JSON.stringify(request.headers)} ${body}`;

beforeAll(async () => {
  echo = await startLoopback((request, body, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/openapi.json") return sendJson(response, 200, openApi(echo.url));
    if (url.pathname.startsWith("/2015-03-31/functions/leaky/invocations")) {
      return sendJson(
        response,
        200,
        { errorType: "Error", errorMessage: `rejected ${everything(request, body)} ${AWS_SECRET}` },
        { "x-amz-function-error": "Unhandled" },
      );
    }
    if (url.pathname.startsWith("/2015-03-31/functions")) {
      return sendJson(
        response,
        403,
        { message: `The security token ${AWS_SESSION} is invalid` },
        { "x-amzn-errortype": "UnrecognizedClientException" },
      );
    }
    if (url.pathname.endsWith("/oauth2/v2.0/token")) {
      return sendJson(response, 401, {
        error: "invalid_client",
        error_description: `AADSTS7000215: ${decodeURIComponent(body)}`,
      });
    }
    // answers http, gcp, azure and openfaas alike: the whole request, repeated at length
    response
      .writeHead(url.pathname === "/system/functions" ? 401 : 500, { "content-type": "text/plain" })
      .end(`refused: ${everything(request, body)} ${"x".repeat(5_000)}`);
  });
});

afterAll(async () => {
  await registry.close();
  await echo.close();
});

function openApi(base: string) {
  return {
    openapi: "3.0.3",
    info: { title: "Echo", version: "1" },
    servers: [{ url: base }],
    components: {
      securitySchemes: {
        token: { type: "http", scheme: "bearer" },
        key: { type: "apiKey", in: "query", name: "api_key" },
        basic: { type: "http", scheme: "basic" },
      },
    },
    paths: {
      "/withToken": {
        post: {
          operationId: "withToken",
          security: [{ token: [], key: [] }],
          responses: { "200": { description: "ok" } },
        },
      },
      "/withBasic": {
        post: {
          operationId: "withBasic",
          security: [{ basic: [] }],
          responses: { "200": { description: "ok" } },
        },
      },
    },
  };
}

const fn = (ref: string, locator: InvocableFunction["locator"]): InvocableFunction => ({
  ref,
  name: ref.split("/")[1] ?? ref,
  locator,
  inputSchema: {},
  outputSchema: {},
});

/** Asserts that no credential, plain or encoded, is in the error, and that it says where one was. */
function expectRedacted(error: ProviderError, secrets: string[]) {
  const text = JSON.stringify(error.toJSON());
  for (const secret of secrets) {
    for (const form of [
      secret,
      encodeURIComponent(secret),
      Buffer.from(secret).toString("base64"),
      Buffer.from(secret).toString("base64url"),
    ]) {
      expect(text, `${secret} as ${form}`).not.toContain(form);
    }
  }
  expect(text).toContain("[redacted]");
}

describe("provider errors carry no credentials of their connection", () => {
  it("http: bearer token, API key in the query, headers and basic auth; a long body is cut", async () => {
    const connection: Connection = {
      name: "echo",
      provider: "http",
      config: { document: `${echo.url}/openapi.json` },
      secret: {
        token: TOKEN,
        key: API_KEY,
        basic: { username: "ada", password: BASIC_PASSWORD },
        "header:x-team": TEAM_HEADER,
      },
    };
    const { functions } = await registry.discover(connection);
    const byName = new Map(functions.map((found) => [found.name, found]));
    const token = await failure(
      registry.invoke(connection, byName.get("withToken")!, {}, callOptions()),
    );
    expect(token.classification).toBe("function_error");
    expectRedacted(token, [TOKEN, API_KEY, TEAM_HEADER]);
    expect(token.message).toContain('"x-team":"[redacted]"');
    expect(token.message).toMatch(/… \[cut: \d+ characters in all\]$/);
    expect(token.message.length).toBeLessThan(2_200);
    const basic = await failure(
      registry.invoke(connection, byName.get("withBasic")!, {}, callOptions()),
    );
    expectRedacted(basic, [BASIC_PASSWORD, `ada:${BASIC_PASSWORD}`]);
  });

  it("aws-lambda: the secret access key and session token, listing and invoking", async () => {
    const connection: Connection = {
      name: "aws",
      provider: "aws-lambda",
      config: { regions: ["us-east-1"], endpoint: echo.url },
      secret: {
        accessKeyId: "AKIDREDACTME",
        secretAccessKey: AWS_SECRET,
        sessionToken: AWS_SESSION,
      },
    };
    const listing = await failure(registry.discover(connection));
    expect(listing.details.reason).toBe("unauthorized");
    expectRedacted(listing, [AWS_SESSION]);
    const leaky = fn("aws/leaky", { functionName: "leaky", region: "us-east-1" });
    const calling = await failure(registry.invoke(connection, leaky, {}, callOptions()));
    expect(calling.classification).toBe("function_error");
    expectRedacted(calling, [AWS_SECRET, AWS_SESSION, "AKIDREDACTME"]);
  });

  it("gcp: the access token, listing and invoking", async () => {
    const connection: Connection = {
      name: "gcp",
      provider: "gcp",
      config: { project: "demo", endpoint: echo.url },
      secret: { accessToken: GCP_TOKEN, idToken: TOKEN },
    };
    const listing = await failure(registry.discover(connection));
    expectRedacted(listing, [GCP_TOKEN]);
    const calling = await failure(
      registry.invoke(connection, fn("gcp/echo", { url: `${echo.url}/fn` }), {}, callOptions()),
    );
    expectRedacted(calling, [TOKEN]);
  });

  it("azure: the client secret and a function key", async () => {
    const connection: Connection = {
      name: "azure",
      provider: "azure",
      config: { subscriptionId: "sub-1", endpoint: echo.url, authorityHost: echo.url },
      secret: {
        tenantId: "tenant-1",
        clientId: "client-1",
        clientSecret: AZURE_SECRET,
        functionKeys: { "app/echo": AZURE_KEY },
      },
    };
    const listing = await failure(registry.discover(connection));
    expect(listing.classification).toBe("rejected_input");
    expectRedacted(listing, [AZURE_SECRET]);
    const locator = {
      app: "app",
      functionName: "echo",
      resourceGroup: "rg",
      url: `${echo.url}/api/echo`,
    };
    const calling = await failure(
      registry.invoke(
        connection,
        fn("azure/app.echo", { ...locator, authLevel: "function" }),
        {},
        callOptions(),
      ),
    );
    expectRedacted(calling, [AZURE_KEY]);
  });

  it("openfaas: the gateway password, inside its Basic header", async () => {
    const connection: Connection = {
      name: "faas",
      provider: "openfaas",
      config: { gateway: echo.url },
      secret: { password: FAAS_PASSWORD },
    };
    const listing = await failure(registry.discover(connection));
    expect(listing.details.status).toBe(401);
    expectRedacted(listing, [FAAS_PASSWORD, `admin:${FAAS_PASSWORD}`]);
  });
});
