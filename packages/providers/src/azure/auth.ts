import type { WebSiteManagementClient } from "@azure/arm-appservice";
import { BatonError } from "@baton/model";
import { ProviderError } from "../errors.ts";
import { send, statusError } from "../shared/http.ts";
import { parseJson } from "../shared/json.ts";

export type TokenCredential = ConstructorParameters<typeof WebSiteManagementClient>[0];

/**
 * A service principal (client-credentials flow against Microsoft Entra ID), or a token
 * obtained elsewhere. Function keys may be given too; otherwise they are read via ARM.
 */
export type AzureSecret = {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  accessToken?: string;
  /** `"<app>/<function>"` → function key. */
  functionKeys?: Record<string, string>;
};

const marginMs = 60_000;

export function readAzureSecret(secret: Record<string, unknown> | undefined): AzureSecret {
  const { tenantId, clientId, clientSecret, accessToken, functionKeys } = secret ?? {};
  const principal = [tenantId, clientId, clientSecret];
  if (typeof accessToken !== "string" && !principal.every((v) => typeof v === "string")) {
    throw new BatonError(
      "BAD_INPUT",
      "An azure connection's secret needs tenantId, clientId and clientSecret (a service principal), or accessToken.",
    );
  }
  return {
    ...(typeof accessToken === "string" ? { accessToken } : {}),
    ...(principal.every((v) => typeof v === "string")
      ? {
          tenantId: tenantId as string,
          clientId: clientId as string,
          clientSecret: clientSecret as string,
        }
      : {}),
    functionKeys: (functionKeys ?? {}) as Record<string, string>,
  };
}

/** A TokenCredential without @azure/identity, which needs Node 22. */
export function createTokenCredential(secret: AzureSecret, authorityHost: string): TokenCredential {
  let cached: { token: string; expiresOnTimestamp: number } | undefined;
  return {
    async getToken(scopes) {
      if (secret.accessToken) {
        return { token: secret.accessToken, expiresOnTimestamp: Date.now() + 3_600_000 };
      }
      if (cached && cached.expiresOnTimestamp - marginMs > Date.now()) return cached;
      const scope = Array.isArray(scopes) ? scopes.join(" ") : scopes;
      const response = await send(
        `${authorityHost.replace(/\/$/, "")}/${encodeURIComponent(secret.tenantId ?? "")}/oauth2/v2.0/token`,
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            grant_type: "client_credentials",
            client_id: secret.clientId ?? "",
            client_secret: secret.clientSecret ?? "",
            scope,
          }).toString(),
        },
        { provider: "azure", reason: "token" },
      );
      if (response.status !== 200) {
        const error = statusError(response, { provider: "azure" });
        throw new ProviderError(
          error.classification,
          `Microsoft Entra ID refused the service principal: ${error.message}`,
          { ...error.details, reason: "unauthorized" },
        );
      }
      const body = parseJson(response.text);
      const fields = body && typeof body === "object" && !Array.isArray(body) ? body : {};
      if (typeof fields.access_token !== "string") {
        throw new ProviderError("unavailable", "The token endpoint sent no access_token.", {
          provider: "azure",
        });
      }
      const seconds =
        typeof fields.expires_in === "number"
          ? fields.expires_in
          : Number(fields.expires_in ?? 3600);
      cached = { token: fields.access_token, expiresOnTimestamp: Date.now() + seconds * 1000 };
      return cached;
    },
  };
}
