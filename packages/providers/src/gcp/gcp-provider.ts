import { BatonError } from "@baton/model";
import { ProviderError } from "../errors.ts";
import { toCatalogEntry } from "../shared/catalog.ts";
import { jsonBody, messageOf, send, statusError } from "../shared/http.ts";
import { parseJson } from "../shared/json.ts";
import { loadSchemaDocument } from "../shared/schema-document.ts";
import type {
  CatalogFunction,
  Connection,
  CostHints,
  DiscoverOptions,
  Discovery,
  InvocableFunction,
  InvokeOptions,
  JsonValue,
  Provider,
} from "../types.ts";
import { createGoogleAuth, type GoogleAuth, readGcpSecret } from "./auth.ts";

export type GcpConfig = {
  project: string;
  /** Locations to list; `["-"]` (the default) means all of them. */
  locations: string[];
  /** The Cloud Functions API root; normally unset. */
  endpoint: string;
  schemaDocument?: string;
};

/** The parts of a Cloud Functions v2 `Function` resource we read. */
type GcpFunction = {
  name?: string;
  description?: string;
  state?: string;
  url?: string;
  labels?: Record<string, string>;
  buildConfig?: { runtime?: string };
  serviceConfig?: {
    uri?: string;
    availableMemory?: string;
    timeoutSeconds?: number;
    maxInstanceCount?: number;
  };
};

function readConfig(connection: Connection): GcpConfig {
  const { project, locations, endpoint, schemaDocument } = connection.config;
  if (typeof project !== "string" || project === "") {
    throw new BatonError("BAD_INPUT", `Connection "${connection.name}" needs config.project.`);
  }
  return {
    project,
    locations: Array.isArray(locations) && locations.length > 0 ? locations.map(String) : ["-"],
    endpoint:
      typeof endpoint === "string"
        ? endpoint.replace(/\/$/, "")
        : "https://cloudfunctions.googleapis.com",
    schemaDocument: typeof schemaDocument === "string" ? schemaDocument : undefined,
  };
}

/** "256M", "1Gi", "512Mi" → megabytes. */
export function memoryMb(text: string | undefined): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([KMGT]i?)?$/i.exec(text ?? "");
  if (!match) return undefined;
  const units: Record<string, number> = {
    K: 1e3 / 1e6,
    KI: 1024 / 1048576,
    M: 1,
    MI: 1,
    G: 1e3,
    GI: 1024,
    T: 1e6,
    TI: 1048576,
  };
  return Math.round(Number(match[1]) * (units[(match[2] ?? "M").toUpperCase()] ?? 1));
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function createGcpProvider(): Provider {
  const auths = new Map<string, GoogleAuth>();

  const authFor = (connection: Connection): GoogleAuth => {
    const key = JSON.stringify([connection.name, connection.secret ?? null]);
    let auth = auths.get(key);
    if (!auth) {
      auth = createGoogleAuth(readGcpSecret(connection.secret));
      auths.set(key, auth);
    }
    return auth;
  };

  async function listLocation(
    connection: Connection,
    config: GcpConfig,
    location: string,
    signal: AbortSignal | undefined,
    problems: string[],
  ): Promise<GcpFunction[]> {
    const token = await authFor(connection).accessToken(signal);
    const found: GcpFunction[] = [];
    let pageToken = "";
    do {
      const url = new URL(
        `${config.endpoint}/v2/projects/${encodeURIComponent(config.project)}/locations/${encodeURIComponent(location)}/functions`,
      );
      url.searchParams.set("pageSize", "100");
      if (pageToken) url.searchParams.set("pageToken", pageToken);
      const response = await send(
        url,
        { headers: token ? { authorization: `Bearer ${token}` } : {}, signal },
        { provider: "gcp" },
      );
      if (response.status !== 200) throw statusError(response, { provider: "gcp" });
      const page = parseJson(response.text);
      if (!isObject(page)) {
        throw new ProviderError(
          "bad_output",
          "functions.list answered with something that is not JSON.",
          {
            provider: "gcp",
          },
        );
      }
      if (Array.isArray(page.functions))
        found.push(...(page.functions.filter(isObject) as GcpFunction[]));
      if (Array.isArray(page.unreachable) && page.unreachable.length > 0) {
        problems.push(`Locations not reachable just now: ${page.unreachable.join(", ")}.`);
      }
      pageToken = typeof page.nextPageToken === "string" ? page.nextPageToken : "";
    } while (pageToken);
    return found;
  }

  async function discover(connection: Connection, options?: DiscoverOptions): Promise<Discovery> {
    const config = readConfig(connection);
    const signal = options?.signal;
    const document = await loadSchemaDocument(config.schemaDocument, "gcp", signal);
    const problems: string[] = [];
    const functions: CatalogFunction[] = [];
    const names = new Set<string>();
    for (const location of config.locations) {
      for (const fn of await listLocation(connection, config, location, signal, problems)) {
        // name: projects/{project}/locations/{location}/functions/{id}
        const [, , , region, , id] = (fn.name ?? "").split("/");
        const uri = fn.serviceConfig?.uri ?? fn.url;
        if (!id || !region) continue;
        if (fn.state && fn.state !== "ACTIVE") {
          problems.push(`${id} (${region}): skipped, its state is ${fn.state}.`);
          continue;
        }
        if (!uri) {
          problems.push(
            `${id} (${region}): skipped, it has no HTTPS URL (event-triggered functions cannot be called).`,
          );
          continue;
        }
        const name = names.has(id) ? `${id}@${region}` : id;
        names.add(name);
        const costHints: CostHints = {};
        const memory = memoryMb(fn.serviceConfig?.availableMemory);
        if (memory) costHints.memoryMb = memory;
        if (fn.serviceConfig?.timeoutSeconds)
          costHints.timeoutMs = fn.serviceConfig.timeoutSeconds * 1000;
        if (fn.buildConfig?.runtime) costHints.runtime = fn.buildConfig.runtime;
        if (fn.serviceConfig?.maxInstanceCount)
          costHints.maxConcurrency = fn.serviceConfig.maxInstanceCount;
        functions.push(
          toCatalogEntry(
            connection,
            {
              name,
              description: fn.description ?? "",
              tags: Object.entries(fn.labels ?? {}).map(([key, value]) =>
                value ? `${key}=${value}` : key,
              ),
              costHints,
              locator: { resource: fn.name ?? null, url: uri, region },
            },
            document.get(id),
            problems,
          ),
        );
      }
    }
    return { functions, problems };
  }

  async function invoke(
    connection: Connection,
    fn: InvocableFunction,
    input: JsonValue,
    options: InvokeOptions,
  ): Promise<unknown> {
    const details = { provider: "gcp", ref: fn.ref };
    const url = fn.locator.url;
    if (typeof url !== "string") {
      throw new ProviderError("function_error", `${fn.ref} has no URL; refresh the catalog.`, {
        ...details,
        reason: "not_found",
      });
    }
    const token = await authFor(connection).idToken(url, options.signal);
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/json",
      "idempotency-key": options.idempotencyKey,
    };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await send(
      url,
      { method: "POST", headers, body: JSON.stringify(input), signal: options.signal },
      details,
    );
    // The Functions Framework marks an exception in the function itself this way.
    if (response.headers.get("x-google-status") === "crash") {
      throw new ProviderError(
        "function_error",
        messageOf(response.text) || "The function crashed.",
        {
          ...details,
          status: response.status,
          reason: "crashed",
        },
      );
    }
    if (response.status < 200 || response.status >= 300) throw statusError(response, details);
    return jsonBody(response, details);
  }

  return { kind: "gcp", discover, invoke };
}
