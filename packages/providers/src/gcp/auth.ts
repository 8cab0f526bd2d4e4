import { createSign } from "node:crypto";
import { BatonError } from "@baton/model";
import { ProviderError } from "../errors.ts";
import { send, statusError } from "../shared/http.ts";
import { parseJson } from "../shared/json.ts";

type ServiceAccount = { client_email: string; private_key: string; token_uri?: string };

/**
 * Credentials of a gcp connection: a service account key (tokens are minted and
 * renewed), or tokens obtained elsewhere. None means public functions and no listing.
 */
export type GcpSecret = { serviceAccount?: ServiceAccount; accessToken?: string; idToken?: string };

export type GoogleAuth = {
  /** A bearer token for Google APIs (functions.list). */
  accessToken(signal?: AbortSignal): Promise<string | undefined>;
  /** An OIDC ID token whose audience is a function's URL, as Cloud Run requires. */
  idToken(audience: string, signal?: AbortSignal): Promise<string | undefined>;
};

const scope = "https://www.googleapis.com/auth/cloud-platform";
const defaultTokenUri = "https://oauth2.googleapis.com/token";
// Renew a little early so a token never expires in flight.
const marginMs = 60_000;

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

export function readGcpSecret(secret: Record<string, unknown> | undefined): GcpSecret {
  if (!secret) return {};
  const { serviceAccount, accessToken, idToken } = secret;
  const result: GcpSecret = {};
  if (serviceAccount !== undefined) {
    const account = serviceAccount as Partial<ServiceAccount>;
    if (typeof account.client_email !== "string" || typeof account.private_key !== "string") {
      throw new BatonError(
        "BAD_INPUT",
        "secret.serviceAccount must be a service account key with client_email and private_key.",
      );
    }
    result.serviceAccount = account as ServiceAccount;
  }
  if (typeof accessToken === "string") result.accessToken = accessToken;
  if (typeof idToken === "string") result.idToken = idToken;
  return result;
}

export function createGoogleAuth(secret: GcpSecret): GoogleAuth {
  const cache = new Map<string, { token: string; expiresAt: number }>();

  /** The service-account flow (RFC 7523): a signed JWT exchanged for a token. */
  async function mint(
    claims: Record<string, unknown>,
    field: "access_token" | "id_token",
    signal?: AbortSignal,
  ) {
    const account = secret.serviceAccount as ServiceAccount;
    const tokenUri = account.token_uri ?? defaultTokenUri;
    const now = Math.floor(Date.now() / 1000);
    const body = { iss: account.client_email, aud: tokenUri, iat: now, exp: now + 3600, ...claims };
    const unsigned = `${base64url(JSON.stringify({ alg: "RS256", typ: "JWT" }))}.${base64url(JSON.stringify(body))}`;
    const signature = createSign("RSA-SHA256").update(unsigned).sign(account.private_key);
    const response = await send(
      tokenUri,
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
          assertion: `${unsigned}.${base64url(signature)}`,
        }).toString(),
        signal,
      },
      { provider: "gcp", reason: "token" },
    );
    if (response.status !== 200) {
      const error = statusError(response, { provider: "gcp" });
      throw new ProviderError(
        error.classification,
        `Google refused the service account: ${error.message}`,
        {
          ...error.details,
          reason: "unauthorized",
        },
      );
    }
    const answer = parseJson(response.text);
    const token =
      answer && typeof answer === "object" && !Array.isArray(answer) ? answer[field] : undefined;
    const expiresIn =
      answer && typeof answer === "object" && !Array.isArray(answer)
        ? answer.expires_in
        : undefined;
    if (typeof token !== "string") {
      throw new ProviderError("unavailable", `Google's token endpoint sent no ${field}.`, {
        provider: "gcp",
      });
    }
    return {
      token,
      expiresAt: Date.now() + (typeof expiresIn === "number" ? expiresIn : 3600) * 1000,
    };
  }

  async function cached(key: string, get: () => ReturnType<typeof mint>): Promise<string> {
    const hit = cache.get(key);
    if (hit && hit.expiresAt - marginMs > Date.now()) return hit.token;
    const fresh = await get();
    cache.set(key, fresh);
    return fresh.token;
  }

  return {
    async accessToken(signal) {
      if (secret.accessToken) return secret.accessToken;
      if (!secret.serviceAccount) return undefined;
      return cached("access", () => mint({ scope }, "access_token", signal));
    },
    async idToken(audience, signal) {
      if (secret.idToken) return secret.idToken;
      if (!secret.serviceAccount) return undefined;
      return cached(`id:${audience}`, () =>
        mint({ target_audience: audience }, "id_token", signal),
      );
    },
  };
}
