import { describe, expect, it } from "vitest";
import {
  applySecretChanges,
  assertCredentialsFollowAddress,
  changedDestinations,
  connectionSettingsText,
  moveHeadersToSecret,
  parseConnectionSettings,
} from "./connection-settings.ts";

describe("parseConnectionSettings", () => {
  it("turns form text into a provider's config", () => {
    expect(
      parseConnectionSettings("aws-lambda", {
        regions: "eu-west-1, us-east-1",
        endpoint: "http://127.0.0.1:3002",
        namePrefix: "",
      }),
    ).toEqual({ regions: ["eu-west-1", "us-east-1"], endpoint: "http://127.0.0.1:3002" });
    expect(parseConnectionSettings("local", { folder: "/fns", memoryMb: "128" })).toEqual({
      folder: "/fns",
      memoryMb: 128,
    });
    expect(parseConnectionSettings("http", { document: "api.yaml" })).toEqual({
      document: "api.yaml",
    });
  });

  it("has no plain headers setting for OpenAPI connections: headers are credentials", () => {
    expect(() =>
      parseConnectionSettings("http", { document: "api.yaml", headers: '{"x-team":"a"}' }),
    ).toThrow("headers: not a setting of HTTP (OpenAPI) connections");
    expect(
      connectionSettingsText("http", { document: "api.yaml", headers: { authorization: "x" } }),
    ).toEqual({ document: "api.yaml" });
  });

  it("lists every problem at once", () => {
    expect(() =>
      parseConnectionSettings("http", {
        baseUrl: "ftp://x",
        colour: "red",
      }),
    ).toThrow(
      'The connection settings are wrong: colour: not a setting of HTTP (OpenAPI) connections; OpenAPI document: required; Base URL: "ftp://x" is not an http(s) URL.',
    );
  });

  it("refuses a kind it does not know", () => {
    expect(() => parseConnectionSettings("ftp", {})).toThrow(
      /Unknown provider "ftp"; choose one of local, http/,
    );
  });

  it("gives back the text a config was parsed from", () => {
    const text = { regions: "eu-west-1, us-east-1", endpoint: "http://127.0.0.1:3002" };
    expect(
      connectionSettingsText("aws-lambda", parseConnectionSettings("aws-lambda", text)),
    ).toEqual(text);
  });
});

describe("applySecretChanges", () => {
  const current = { accessKeyId: "AK", secretAccessKey: "old" };

  it("keeps what is left out, replaces what is given, removes what is null", () => {
    expect(applySecretChanges("aws-lambda", current, {})).toEqual(current);
    expect(applySecretChanges("aws-lambda", current, { secretAccessKey: "new" })).toEqual({
      accessKeyId: "AK",
      secretAccessKey: "new",
    });
    expect(
      applySecretChanges("aws-lambda", current, { accessKeyId: null, secretAccessKey: null }),
    ).toBeUndefined();
  });

  it("parses JSON credentials and refuses ones that are not objects", () => {
    expect(
      applySecretChanges("gcp", undefined, { serviceAccount: '{"client_email":"a"}' }),
    ).toEqual({
      serviceAccount: { client_email: "a" },
    });
    expect(() => applySecretChanges("gcp", undefined, { serviceAccount: "nope" })).toThrow(
      "The credentials are wrong: Service account key: must be a JSON object.",
    );
  });

  it("takes credentials named after security schemes for OpenAPI connections", () => {
    expect(
      applySecretChanges("http", undefined, {
        apiKeyAuth: "k",
        basic: '{"username":"u","password":"p"}',
      }),
    ).toEqual({ apiKeyAuth: "k", basic: { username: "u", password: "p" } });
  });

  it("keeps, replaces and removes header credentials one by one, their names in lower case", () => {
    const current = { apiKeyAuth: "k", "header:x-team": "billing", "header:authorization": "old" };
    expect(
      applySecretChanges("http", current, {
        "header:Authorization": "Bearer new",
        "header:x-team": null,
        "header:X-Extra": '{"not":"parsed"}',
      }),
    ).toEqual({
      apiKeyAuth: "k",
      "header:authorization": "Bearer new",
      "header:x-extra": '{"not":"parsed"}',
    });
    expect(() =>
      applySecretChanges("http", undefined, {
        "header:bad name": "x",
        "header:x-split": "a\r\nx-injected: b",
      }),
    ).toThrow(
      'The credentials are wrong: header "bad name": not a header name (letters, digits and -, no spaces); header "x-split": a header value cannot hold a line break.',
    );
    expect(() => applySecretChanges("openfaas", undefined, { "header:x": "1" })).toThrow(
      "header:x: not a credential of OpenFaaS connections",
    );
  });

  it("refuses unknown and empty credentials", () => {
    expect(() => applySecretChanges("openfaas", undefined, { token: "x", password: " " })).toThrow(
      "The credentials are wrong: token: not a credential of OpenFaaS connections; Password: empty; remove it instead.",
    );
  });
});

describe("assertCredentialsFollowAddress", () => {
  const stored = { password: "p", username: "u" };
  const before = { gateway: "http://a:8080", namespace: "fn" };

  it("lets settings change freely while they do not decide where credentials go", () => {
    expect(changedDestinations("openfaas", before, { ...before, namespace: "other" })).toEqual([]);
    expect(
      changedDestinations("aws-lambda", { regions: ["a", "b"] }, { regions: ["b", "a"] }),
    ).toEqual([]);
    expect(() =>
      assertCredentialsFollowAddress("openfaas", {
        before,
        after: { gateway: "http://a:8080" },
        current: stored,
        changes: {},
      }),
    ).not.toThrow();
  });

  it("refuses a new address while stored credentials would follow it unseen", () => {
    const change = { before, after: { gateway: "http://b:8080" }, current: stored, changes: {} };
    expect(() => assertCredentialsFollowAddress("openfaas", change)).toThrow(
      "Gateway changed: re-enter the credentials to send them to the new address, or remove them (password, username).",
    );
    expect(() =>
      assertCredentialsFollowAddress("openfaas", { ...change, changes: { password: "p2" } }),
    ).toThrow(/\(username\)/);
  });

  it("accepts a new address once every credential is given again or removed", () => {
    const after = { gateway: "http://b:8080" };
    expect(() =>
      assertCredentialsFollowAddress("openfaas", {
        before,
        after,
        current: stored,
        changes: { password: "p", username: null },
      }),
    ).not.toThrow();
    expect(() =>
      assertCredentialsFollowAddress("openfaas", {
        before,
        after,
        current: undefined,
        changes: {},
      }),
    ).not.toThrow();
  });

  it("knows each kind's addresses: regions and endpoints, base URL and document, authority", () => {
    expect(
      changedDestinations(
        "aws-lambda",
        { regions: ["a"] },
        { regions: ["a", "b"], endpoint: "http://x" },
      ),
    ).toEqual(["Regions", "Endpoint"]);
    expect(
      changedDestinations("http", { document: "d", baseUrl: "http://a" }, { document: "e" }),
    ).toEqual(["OpenAPI document", "Base URL"]);
    expect(
      changedDestinations(
        "azure",
        { subscriptionId: "s" },
        { subscriptionId: "t", authorityHost: "http://x" },
      ),
    ).toEqual(["Authority host"]);
    expect(
      changedDestinations("gcp", { project: "p" }, { project: "q", endpoint: "http://x" }),
    ).toEqual(["Endpoint"]);
    expect(() =>
      assertCredentialsFollowAddress("http", {
        before: { document: "d" },
        after: { document: "e" },
        current: { "header:x-api-key": "k" },
        changes: { "header:X-Api-Key": "k" },
      }),
    ).not.toThrow();
  });
});

describe("moveHeadersToSecret", () => {
  it("moves an http connection's plain headers into its secret, the secret's own winning", () => {
    expect(
      moveHeadersToSecret(
        "http",
        { document: "d", headers: { Authorization: "Bearer t", "x-team": "a" } },
        { apiKey: "k", "header:x-team": "b" },
      ),
    ).toEqual({
      config: { document: "d" },
      secret: { "header:authorization": "Bearer t", "header:x-team": "b", apiKey: "k" },
      moved: ["header:authorization", "header:x-team"],
    });
  });

  it("leaves other kinds and configs without headers alone", () => {
    const config = { gateway: "http://g", headers: { a: "b" } };
    expect(moveHeadersToSecret("openfaas", config, undefined)).toEqual({
      config,
      secret: undefined,
      moved: [],
    });
    expect(moveHeadersToSecret("http", { document: "d" }, { k: "v" })).toEqual({
      config: { document: "d" },
      secret: { k: "v" },
      moved: [],
    });
  });
});
