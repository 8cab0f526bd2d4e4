import { describe, expect, it } from "vitest";
import { ProviderError } from "../errors.ts";
import type { Connection } from "../types.ts";
import { credentialRedactor, cutText, MAX_ERROR_TEXT, sanitizeProviderError } from "./redact.ts";

const b64 = (text: string) => Buffer.from(text).toString("base64");
const b64url = (text: string) => Buffer.from(text).toString("base64url");
const connection = (provider: string, secret: Record<string, unknown>, config = {}) =>
  ({ name: "c", provider, config, secret }) satisfies Connection;

describe("credentialRedactor, per provider kind", () => {
  it("http: tokens, API keys URL-encoded in a query, headers, and basic auth in its header", () => {
    const redact = credentialRedactor(
      connection("http", {
        bearer: "tok-123456",
        key: "k y/+=&?",
        basic: { username: "ada", password: "pw" },
        "header:x-api-key": "header-secret",
      }),
    );
    const echoed = [
      "Authorization: Bearer tok-123456",
      `GET /things?api_key=${encodeURIComponent("k y/+=&?")}`,
      `form api_key=${new URLSearchParams({ a: "k y/+=&?" }).toString().slice(2)}`,
      "x-api-key: header-secret",
      `Authorization: Basic ${b64("ada:pw")}`,
    ].join("\n");
    expect(redact(echoed)).toBe(
      [
        "Authorization: Bearer [redacted]",
        "GET /things?api_key=[redacted]",
        "form api_key=[redacted]",
        "x-api-key: [redacted]",
        "Authorization: Basic [redacted]",
      ].join("\n"),
    );
  });

  it("http (older connections): header values kept in config", () => {
    const redact = credentialRedactor({
      config: { headers: { "x-team": "team-secret" } },
      secret: undefined,
    });
    expect(redact('{"x-team":"team-secret"}')).toBe('{"x-team":"[redacted]"}');
  });

  it("aws-lambda: secret access key (also base64url inside a token) and session token", () => {
    const redact = credentialRedactor(
      connection("aws-lambda", {
        accessKeyId: "AKIDEXAMPLE",
        secretAccessKey: "wJalr/XUtn+FEMI=K7MDENG",
        sessionToken: "FwoGZXIvYXdzE-session",
      }),
    );
    const packed = b64url(`{"k":"wJalr/XUtn+FEMI=K7MDENG"}`);
    expect(redact(`key wJalr/XUtn+FEMI=K7MDENG token FwoGZXIvYXdzE-session in ${packed}.sig`)).toBe(
      "key [redacted] token [redacted] in [redacted].sig",
    );
  });

  it("gcp: the private key, line by line and JSON-escaped, but not the key's addresses", () => {
    const privateKey =
      "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n";
    const redact = credentialRedactor(
      connection("gcp", {
        serviceAccount: {
          type: "service_account",
          client_email: "baton@demo.iam.gserviceaccount.com",
          private_key: privateKey,
          token_uri: "https://oauth2.googleapis.com/token",
        },
        accessToken: "ya29.access",
      }),
    );
    expect(redact(`bad key ${JSON.stringify(privateKey)}`)).toBe('bad key "[redacted]"');
    expect(redact("line MIIEvQIBADANBgkqhkiG9w0BAQEFAASC seen")).toBe("line [redacted] seen");
    expect(
      redact("https://oauth2.googleapis.com/token refused baton@demo.iam.gserviceaccount.com"),
    ).toBe("https://oauth2.googleapis.com/token refused baton@demo.iam.gserviceaccount.com");
    expect(redact("Bearer ya29.access")).toBe("Bearer [redacted]");
  });

  it("azure: client secret (form-encoded) and function keys", () => {
    const redact = credentialRedactor(
      connection("azure", {
        tenantId: "tenant-1",
        clientId: "client-1",
        clientSecret: "s~cret value",
        functionKeys: { "app/fn": "function-key-1" },
      }),
    );
    expect(redact("client_secret=s%7Ecret+value&x-functions-key=function-key-1")).toBe(
      "client_secret=[redacted]&x-functions-key=[redacted]",
    );
  });

  it("openfaas: the password inside the Basic header of the default user, at any offset", () => {
    const redact = credentialRedactor(connection("openfaas", { password: "gateway-password" }));
    for (const user of ["admin", "ops", "x"]) {
      expect(redact(`Basic ${b64(`${user}:gateway-password`)}!`)).toBe("Basic [redacted]!");
    }
  });

  it("leaves text alone for a connection without credentials, and ignores values too short to look for", () => {
    expect(credentialRedactor(connection("local", {}))("nothing to hide")).toBe("nothing to hide");
    expect(credentialRedactor(connection("openfaas", { username: "ab" }))("ab cd")).toBe("ab cd");
  });
});

describe("cutText", () => {
  it("keeps short text and cuts long text, saying so", () => {
    expect(cutText("short")).toBe("short");
    const cut = cutText("y".repeat(5_000));
    expect(cut).toBe(`${"y".repeat(MAX_ERROR_TEXT)}… [cut: 5000 characters in all]`);
  });
});

describe("sanitizeProviderError", () => {
  const secret = connection("http", { token: "tok-abcdef" });

  it("redacts message and details before cutting, and keeps the classification", () => {
    // the secret straddles the cut: cutting first would leave half of it behind
    const message = `${"z".repeat(MAX_ERROR_TEXT - 4)}tok-abcdef and more`;
    const error = new ProviderError("throttled", message, {
      reason: "http_429",
      problems: ["echo tok-abcdef"],
      retryAfterMs: 2_000,
    });
    const clean = sanitizeProviderError(error, secret);
    expect(clean.classification).toBe("throttled");
    expect(clean.message).not.toContain("tok-");
    expect(clean.message).toMatch(/… \[cut: \d+ characters in all\]$/);
    expect(clean.details).toEqual({
      reason: "http_429",
      problems: ["echo [redacted]"],
      retryAfterMs: 2_000,
    });
  });

  it("returns the error itself when there is nothing to take out", () => {
    const error = new ProviderError("timeout", "slow", { reason: "deadline" });
    expect(sanitizeProviderError(error, secret)).toBe(error);
  });
});
