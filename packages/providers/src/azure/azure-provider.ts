import { type FunctionEnvelope, type Site, WebSiteManagementClient } from "@azure/arm-appservice";
import { BatonError } from "@baton/model";
import { errorMessage, ProviderError, type ProviderErrorDetails } from "../errors.ts";
import { toCatalogEntry } from "../shared/catalog.ts";
import { jsonBody, send, statusError } from "../shared/http.ts";
import { loadSchemaDocument } from "../shared/schema-document.ts";
import type {
  CatalogFunction,
  Connection,
  DiscoverOptions,
  Discovery,
  InvocableFunction,
  InvokeOptions,
  JsonValue,
  Provider,
} from "../types.ts";
import {
  type AzureSecret,
  createTokenCredential,
  readAzureSecret,
  type TokenCredential,
} from "./auth.ts";

export type AzureConfig = {
  subscriptionId: string;
  /** List only this resource group's function apps. */
  resourceGroup?: string;
  /** Azure Resource Manager root; normally unset. */
  endpoint?: string;
  authorityHost: string;
  schemaDocument?: string;
};

type Binding = { type?: string; authLevel?: string; direction?: string };

const armScope = "https://management.azure.com/.default";
const keyTtlMs = 10 * 60_000;

function readConfig(connection: Connection): AzureConfig {
  const { subscriptionId, resourceGroup, endpoint, authorityHost, schemaDocument } =
    connection.config;
  if (typeof subscriptionId !== "string" || subscriptionId === "") {
    throw new BatonError(
      "BAD_INPUT",
      `Connection "${connection.name}" needs config.subscriptionId.`,
    );
  }
  return {
    subscriptionId,
    resourceGroup: typeof resourceGroup === "string" ? resourceGroup : undefined,
    endpoint: typeof endpoint === "string" ? endpoint : undefined,
    authorityHost:
      typeof authorityHost === "string" ? authorityHost : "https://login.microsoftonline.com",
    schemaDocument: typeof schemaDocument === "string" ? schemaDocument : undefined,
  };
}

/** Classifies an ARM failure (a RestError, or no answer at all). */
function armError(error: unknown, details: ProviderErrorDetails): ProviderError {
  if (error instanceof ProviderError) return error;
  const { statusCode, code } = (error ?? {}) as { statusCode?: number; code?: string };
  const message = errorMessage(error);
  const base = {
    ...details,
    ...(statusCode ? { status: statusCode } : {}),
    ...(code ? { errorType: code } : {}),
  };
  const options = { cause: error };
  if (statusCode === undefined) {
    return new ProviderError(
      "unavailable",
      `Cannot reach Azure Resource Manager: ${message}`,
      { ...base, reason: "unreachable" },
      options,
    );
  }
  if (statusCode === 429) return new ProviderError("throttled", message, base, options);
  if (statusCode === 401 || statusCode === 403) {
    return new ProviderError(
      "rejected_input",
      message,
      { ...base, reason: "unauthorized" },
      options,
    );
  }
  if (statusCode === 404)
    return new ProviderError("function_error", message, { ...base, reason: "not_found" }, options);
  if (statusCode >= 500) return new ProviderError("unavailable", message, base, options);
  return new ProviderError("rejected_input", message, base, options);
}

/** `/subscriptions/…/resourceGroups/{rg}/providers/…` → rg */
const resourceGroupOf = (id: string | undefined) =>
  /\/resourceGroups\/([^/]+)/i.exec(id ?? "")?.[1];

export function createAzureProvider(): Provider {
  const clients = new Map<string, { client: WebSiteManagementClient; secret: AzureSecret }>();
  const keys = new Map<string, { key: string; expiresAt: number }>();

  function clientFor(connection: Connection): {
    client: WebSiteManagementClient;
    secret: AzureSecret;
  } {
    const config = readConfig(connection);
    const cacheKey = JSON.stringify([connection.name, config, connection.secret ?? null]);
    const cached = clients.get(cacheKey);
    if (cached) return cached;
    const secret = readAzureSecret(connection.secret);
    const credential = createTokenCredential(secret, config.authorityHost);
    const client = new WebSiteManagementClient(credential, config.subscriptionId, {
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      // Retrying is the engine's job, with the step's own policy.
      retryOptions: { maxRetries: 0 },
    });
    if (config.endpoint && isLoopbackHttp(config.endpoint)) allowLoopbackBearer(client, credential);
    const entry = { client, secret };
    clients.set(cacheKey, entry);
    return entry;
  }

  async function discover(connection: Connection, options?: DiscoverOptions): Promise<Discovery> {
    const config = readConfig(connection);
    const signal = options?.signal;
    const document = await loadSchemaDocument(config.schemaDocument, "azure", signal);
    const { client } = clientFor(connection);
    const problems: string[] = [];
    const functions: CatalogFunction[] = [];
    const details = { provider: "azure" };
    try {
      const sites = config.resourceGroup
        ? client.webApps.listByResourceGroup(config.resourceGroup, { abortSignal: signal })
        : client.webApps.list({ abortSignal: signal });
      for await (const site of sites) {
        if (!site.kind?.toLowerCase().includes("functionapp") || !site.name) continue;
        const group = site.resourceGroup ?? resourceGroupOf(site.id);
        if (!group) continue;
        if (site.state && site.state !== "Running") {
          problems.push(`${site.name}: skipped, the function app is ${site.state}.`);
          continue;
        }
        for await (const envelope of client.webApps.listFunctions(group, site.name, {
          abortSignal: signal,
        })) {
          const entry = toEntry(site, group, envelope, problems);
          if (!entry) continue;
          const annotation =
            document.get(String(entry.name)) ?? document.get(String(entry.locator.functionName));
          functions.push(toCatalogEntry(connection, entry, annotation, problems));
        }
      }
    } catch (error) {
      throw armError(error, details);
    }
    return { functions, problems };
  }

  /** The function key: from the secret, else read through ARM and kept for a while. */
  async function functionKey(
    connection: Connection,
    locator: { [key: string]: JsonValue },
    signal: AbortSignal,
  ): Promise<string | undefined> {
    const { client, secret } = clientFor(connection);
    const app = String(locator.app);
    const fn = String(locator.functionName);
    const given = secret.functionKeys?.[`${app}/${fn}`];
    if (given) return given;
    const cacheKey = `${connection.name}:${app}/${fn}`;
    const hit = keys.get(cacheKey);
    if (hit && hit.expiresAt > Date.now()) return hit.key;
    let raw: unknown;
    const dictionary = await client.webApps
      .listFunctionKeys(String(locator.resourceGroup), app, fn, {
        abortSignal: signal,
        // The live API answers `{"default": "…"}`, not the documented `{"properties": {…}}`
        // the SDK reads, so look at the raw body too.
        onResponse: (response) => {
          raw = response.parsedBody;
        },
      })
      .catch((error: unknown) => {
        throw armError(error, { provider: "azure", reason: "function_keys" });
      });
    const flat = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
    const candidates = { ...flat, ...(dictionary.properties ?? {}) };
    const key = candidates.default ?? Object.values(candidates).find((v) => typeof v === "string");
    if (typeof key !== "string") return undefined;
    keys.set(cacheKey, { key, expiresAt: Date.now() + keyTtlMs });
    return key;
  }

  async function invoke(
    connection: Connection,
    fn: InvocableFunction,
    input: JsonValue,
    options: InvokeOptions,
  ): Promise<unknown> {
    const details = { provider: "azure", ref: fn.ref };
    const { url, authLevel } = fn.locator;
    if (typeof url !== "string") {
      throw new ProviderError(
        "function_error",
        `${fn.ref} has no invoke URL; refresh the catalog.`,
        {
          ...details,
          reason: "not_found",
        },
      );
    }
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/json",
      "idempotency-key": options.idempotencyKey,
    };
    if (authLevel !== "anonymous") {
      const key = await functionKey(connection, fn.locator, options.signal);
      if (key) headers["x-functions-key"] = key;
    }
    const response = await send(
      url,
      { method: "POST", headers, body: JSON.stringify(input), signal: options.signal },
      details,
    );
    if (response.status === 401)
      keys.delete(`${connection.name}:${fn.locator.app}/${fn.locator.functionName}`);
    if (response.status < 200 || response.status >= 300) throw statusError(response, details);
    return jsonBody(response, details);
  }

  return {
    kind: "azure",
    discover,
    invoke,
    async close() {
      clients.clear();
      keys.clear();
    },
  };
}

function toEntry(site: Site, group: string, envelope: FunctionEnvelope, problems: string[]) {
  const app = site.name as string;
  // ARM names a function "<app>/<function>".
  const functionName = (envelope.name ?? "").split("/").at(-1) ?? "";
  const label = `${app}/${functionName}`;
  if (!functionName) return undefined;
  if (envelope.isDisabled) {
    problems.push(`${label}: skipped, it is disabled.`);
    return undefined;
  }
  const config = (envelope.config ?? {}) as { bindings?: Binding[] };
  const trigger = (config.bindings ?? []).find(
    (b) => b.direction !== "out" && b.type?.endsWith("Trigger"),
  );
  if (trigger && trigger.type !== "httpTrigger") {
    problems.push(`${label}: skipped, it has a ${trigger.type} and cannot be called over HTTP.`);
    return undefined;
  }
  const url =
    envelope.invokeUrlTemplate ??
    (site.defaultHostName ? `https://${site.defaultHostName}/api/${functionName}` : undefined);
  if (!url) {
    problems.push(`${label}: skipped, it has no invoke URL.`);
    return undefined;
  }
  return {
    name: `${app}.${functionName}`,
    description: "",
    tags: Object.entries(site.tags ?? {}).map(([key, value]) => (value ? `${key}=${value}` : key)),
    costHints: envelope.language ? { runtime: envelope.language } : {},
    locator: {
      app,
      functionName,
      resourceGroup: group,
      url,
      authLevel: trigger?.authLevel ?? "function",
    },
  };
}

const isLoopbackHttp = (endpoint: string) =>
  /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i.test(endpoint);

/**
 * The SDK refuses bearer tokens over plain HTTP. An emulator or test server on the
 * loopback interface gets the token from this policy instead; nothing else ever does.
 */
function allowLoopbackBearer(client: WebSiteManagementClient, credential: TokenCredential): void {
  client.pipeline.removePolicy({ name: "bearerTokenAuthenticationPolicy" });
  client.pipeline.addPolicy({
    name: "batonLoopbackBearer",
    async sendRequest(request, next) {
      request.allowInsecureConnection = true;
      const token = await credential.getToken(armScope);
      if (token) request.headers.set("authorization", `Bearer ${token.token}`);
      return next(request);
    },
  });
}
