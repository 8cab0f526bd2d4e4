import { describe, expect, it } from "vitest";
import {
  applySecretChanges,
  connectionSettingsText,
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
    expect(
      parseConnectionSettings("http", { document: "api.yaml", headers: '{"x-team":"a"}' }),
    ).toEqual({ document: "api.yaml", headers: { "x-team": "a" } });
  });

  it("lists every problem at once", () => {
    expect(() =>
      parseConnectionSettings("http", {
        baseUrl: "ftp://x",
        headers: "[1]",
        colour: "red",
      }),
    ).toThrow(
      'The connection settings are wrong: colour: not a setting of HTTP (OpenAPI) connections; OpenAPI document: required; Base URL: "ftp://x" is not an http(s) URL; Headers: must be a JSON object.',
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

  it("refuses unknown and empty credentials", () => {
    expect(() => applySecretChanges("openfaas", undefined, { token: "x", password: " " })).toThrow(
      "The credentials are wrong: token: not a credential of OpenFaaS connections; Password: empty; remove it instead.",
    );
  });
});
