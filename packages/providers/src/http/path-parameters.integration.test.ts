import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoveryFixture } from "../../test/discovery.ts";
import { callOptions, failure } from "../../test/helpers.ts";
import { type Loopback, sendJson, startLoopback } from "../../test/loopback.ts";
import type { CatalogFunction, Connection } from "../index.ts";
import { createHttpProvider } from "./http-provider.ts";

// Every path the service was asked for, exactly as it arrived on the wire.
const requested: string[] = [];
let server: Loopback;
let connection: Connection;
const { registry, catalog, discover } = discoveryFixture(createHttpProvider());
const getUser = () => catalog.get("users/getUser") as CatalogFunction;

const document = (base: string) => ({
  openapi: "3.1.0",
  info: { title: "Users", version: "1" },
  servers: [{ url: `${base}/api` }],
  paths: {
    "/users/{id}": {
      get: {
        operationId: "getUser",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "a user", content: { "application/json": {} } } },
      },
    },
    "/admin": {
      get: { operationId: "admin", responses: { "200": { description: "secrets" } } },
    },
  },
});

beforeAll(async () => {
  server = await startLoopback((request, _body, response) => {
    if (request.url === "/openapi.json") return sendJson(response, 200, document(server.url));
    requested.push(request.url ?? "");
    sendJson(response, 200, { path: request.url });
  });
  connection = {
    name: "users",
    provider: "http",
    config: { document: `${server.url}/openapi.json` },
  };
  await discover(connection);
});

afterAll(async () => {
  await registry.close();
  await server.close();
});

describe("http provider: path parameters stay inside the operation's path", () => {
  it.each([".", "..", "../admin", "a/../../admin", "..\\admin", "./x"])(
    "refuses %j before sending anything",
    async (id) => {
      const before = requested.length;
      const error = await failure(registry.invoke(connection, getUser(), { id }, callOptions()));
      expect(error).toMatchObject({
        classification: "rejected_input",
        details: { reason: "invalid_path_parameter" },
      });
      expect(error.message).toMatch(/path parameter "id" .* "\." or "\.\."/);
      expect(requested.length).toBe(before);
    },
  );

  it("encodes what it sends as one segment (RFC 6570 simple expansion)", async () => {
    const cases: [string, string][] = [
      ["a/b", "/api/users/a%2Fb"],
      ["%2e%2e", "/api/users/%252e%252e"],
      ["a b?c#d", "/api/users/a%20b%3Fc%23d"],
      ["...", "/api/users/..."],
      ["x..y", "/api/users/x..y"],
    ];
    for (const [id, path] of cases) {
      expect(await registry.invoke(connection, getUser(), { id }, callOptions())).toEqual({ path });
    }
    expect(requested.every((path) => path.startsWith("/api/users/"))).toBe(true);
  });
});
