import { describe, expect, it } from "vitest";
import type { OperationLocator } from "./openapi-document.ts";
import { buildRequest } from "./request.ts";

const locator: OperationLocator = {
  method: "POST",
  path: "/orders/{orderId}/lines",
  serverUrl: null,
  parameters: [
    { name: "orderId", in: "path", explode: false },
    { name: "expand", in: "query", explode: true },
    { name: "fields", in: "query", explode: false },
    { name: "X-Trace", in: "header", explode: false },
    { name: "session", in: "cookie", explode: false },
  ],
  body: { mediaType: "application/json" },
  response: "json",
  auth: [
    [{ scheme: "oauth", type: "oauth2" }],
    [{ scheme: "key", type: "apiKey", in: "query", param: "api_key" }],
  ],
};

describe("buildRequest", () => {
  it("places each input field where the operation says", () => {
    const { url, init } = buildRequest(
      locator,
      "https://api.example.com/v1/",
      {
        orderId: "a b/c",
        expand: ["lines", "customer"],
        fields: ["id", "total"],
        "X-Trace": "t-1",
        session: "s 1",
        body: { sku: "MUG-001", quantity: 2 },
      },
      { secret: { key: "k-123" }, headers: { "x-tenant": "acme" }, idempotencyKey: "r:n:0:1" },
    );
    expect(url.href).toBe(
      "https://api.example.com/v1/orders/a%20b%2Fc/lines?expand=lines&expand=customer&fields=id%2Ctotal&api_key=k-123",
    );
    const headers = init.headers as Headers;
    expect(init.method).toBe("POST");
    expect(init.body).toBe('{"sku":"MUG-001","quantity":2}');
    expect(headers.get("content-type")).toBe("application/json");
    expect(headers.get("x-trace")).toBe("t-1");
    expect(headers.get("x-tenant")).toBe("acme");
    expect(headers.get("cookie")).toBe("session=s%201");
    expect(headers.get("idempotency-key")).toBe("r:n:0:1");
    expect(headers.get("authorization")).toBeNull();
  });

  it("uses bearer and basic credentials by scheme name", () => {
    const bearer = buildRequest(
      locator,
      "http://h",
      { orderId: "1" },
      {
        secret: { oauth: "tok" },
        headers: {},
        idempotencyKey: "k",
      },
    );
    expect((bearer.init.headers as Headers).get("authorization")).toBe("Bearer tok");
    const basic = buildRequest(
      { ...locator, auth: [[{ scheme: "b", type: "http", httpScheme: "basic" }]] },
      "http://h",
      { orderId: "1" },
      { secret: { b: { username: "u", password: "p" } }, headers: {}, idempotencyKey: "k" },
    );
    expect((basic.init.headers as Headers).get("authorization")).toBe("Basic dTpw");
  });

  it("expands array and object path parameters as RFC 6570 lists, each value encoded", () => {
    const path = (explode: boolean, value: Parameters<typeof buildRequest>[2][string]) =>
      buildRequest(
        { ...locator, path: "/colors/{c}", parameters: [{ name: "c", in: "path", explode }] },
        "http://h",
        { c: value },
        { secret: {}, headers: {}, idempotencyKey: "k" },
      ).url.pathname;
    expect(path(false, ["red", "dark blue"])).toBe("/colors/red,dark%20blue");
    expect(path(false, { r: "1/2", g: "x" })).toBe("/colors/r,1%2F2,g,x");
    expect(path(true, { r: "1", g: "x" })).toBe("/colors/r=1,g=x");
    expect(() => path(false, ["ok", ".."])).toThrow(/may not be "\." or "\.\."/);
  });

  it("encodes form bodies", () => {
    const { init } = buildRequest(
      { ...locator, body: { mediaType: "application/x-www-form-urlencoded" } },
      "http://h",
      { orderId: "1", body: { a: "x y", b: [1, 2] } },
      { secret: {}, headers: {}, idempotencyKey: "k" },
    );
    expect(init.body).toBe("a=x+y&b=1&b=2");
  });

  describe("with the body's fields flat beside the parameters", () => {
    const flat: OperationLocator = {
      ...locator,
      path: "/orders/{orderId}/lines/{sku}",
      parameters: [
        { name: "orderId", in: "path", explode: false },
        { name: "sku", in: "path", explode: false, field: "path_sku" },
        { name: "X-Trace", in: "header", explode: false },
      ],
      body: { mediaType: "application/json", fields: ["sku", "quantity"] },
      auth: [],
    };
    const build = (input: Parameters<typeof buildRequest>[2], on = flat) =>
      buildRequest(on, "http://h", input, { secret: {}, headers: {}, idempotencyKey: "k" });

    it("sends every field that is not a parameter's as the body, a prefixed parameter under its own name", () => {
      const { url, init } = build({
        orderId: "o1",
        path_sku: "MUG 1",
        "X-Trace": "t",
        sku: "MUG-001",
        quantity: 2,
      });
      expect(url.pathname).toBe("/orders/o1/lines/MUG%201");
      expect((init.headers as Headers).get("x-trace")).toBe("t");
      expect(init.body).toBe('{"sku":"MUG-001","quantity":2}');
    });

    it("still reads the older wrapped form: parameters by name and the body under body", () => {
      const { url, init } = build({
        orderId: "o1",
        sku: "MUG 1",
        body: { sku: "MUG-001", quantity: 2 },
      });
      expect(url.pathname).toBe("/orders/o1/lines/MUG%201");
      expect(init.body).toBe('{"sku":"MUG-001","quantity":2}');
    });

    it("reads body as a field when the body declares one, and sends no body without fields", () => {
      const comment = { ...flat, body: { mediaType: "application/json", fields: ["body"] } };
      expect(build({ orderId: "o1", path_sku: "s", body: { text: "hi" } }, comment).init.body).toBe(
        '{"body":{"text":"hi"}}',
      );
      expect(build({ orderId: "o1", path_sku: "s" }).init.body).toBeUndefined();
    });
  });
});
