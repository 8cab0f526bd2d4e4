import { readFile } from "node:fs/promises";
import path from "node:path";
import { BatonError } from "@baton/model";
import { parse as parseYaml } from "yaml";
import { HEADER_SECRET_PREFIX } from "../connection-forms.ts";
import { errorMessage, ProviderError } from "../errors.ts";
import { jsonBody, send, statusError } from "../shared/http.ts";
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
import { asOperationLocator, locatorJson, readOpenApi } from "./openapi-document.ts";
import { buildRequest } from "./request.ts";

export type HttpConfig = {
  /** URL or file path of an OpenAPI 3.0/3.1 document, JSON or YAML. */
  document: string;
  /** Overrides the document's `servers`. */
  baseUrl?: string;
  /**
   * Sent with every call. Older connections kept them here; they belong in the secret
   * as `header:<name>` keys, which win over these.
   */
  headers?: Record<string, string>;
};

const stringEntries = (value: unknown): [string, string][] =>
  Object.entries(value !== null && typeof value === "object" ? value : {}).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );

/** Headers for every call: from the config (older connections), then from the secret. */
function connectionHeaders(connection: Connection): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of stringEntries(connection.config.headers)) {
    headers[name.toLowerCase()] = value;
  }
  for (const [key, value] of stringEntries(connection.secret)) {
    if (key.startsWith(HEADER_SECRET_PREFIX))
      headers[key.slice(HEADER_SECRET_PREFIX.length)] = value;
  }
  return headers;
}

function readConfig(connection: Connection): HttpConfig {
  const { document, baseUrl } = connection.config;
  if (typeof document !== "string" || document === "") {
    throw new BatonError(
      "BAD_INPUT",
      `Connection "${connection.name}" needs config.document: the URL or path of an OpenAPI document.`,
    );
  }
  return {
    document,
    baseUrl: typeof baseUrl === "string" ? baseUrl : undefined,
    headers: connectionHeaders(connection),
  };
}

const isUrl = (location: string) => /^https?:\/\//i.test(location);

async function loadDocument(
  config: HttpConfig,
  signal: AbortSignal | undefined,
): Promise<{ text: string; url?: string }> {
  const details = { provider: "http" };
  if (isUrl(config.document)) {
    const response = await send(
      config.document,
      { headers: { accept: "application/json, application/yaml;q=0.9, */*;q=0.1" }, signal },
      details,
    );
    if (response.status >= 300) {
      const error = statusError(response, details);
      throw new ProviderError(
        error.classification,
        `Cannot load the OpenAPI document ${config.document}: ${error.message}`,
        error.details,
      );
    }
    return { text: response.text, url: config.document };
  }
  try {
    return { text: await readFile(path.resolve(config.document), "utf8") };
  } catch (error) {
    throw new BatonError(
      "BAD_INPUT",
      `Cannot read the OpenAPI document ${config.document}: ${errorMessage(error)}`,
      undefined,
      { cause: error },
    );
  }
}

function parseDocument(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return parseYaml(text);
    } catch (error) {
      throw new ProviderError(
        "bad_output",
        "The OpenAPI document is neither JSON nor YAML.",
        { provider: "http", reason: "malformed_document", problems: [errorMessage(error)] },
        { cause: error },
      );
    }
  }
}

async function discover(connection: Connection, options?: DiscoverOptions): Promise<Discovery> {
  const config = readConfig(connection);
  const { text, url } = await loadDocument(config, options?.signal);
  const reading = readOpenApi(parseDocument(text), url);
  if (reading.fatal.length > 0) {
    throw new ProviderError(
      "bad_output",
      `The OpenAPI document ${config.document} is malformed: ${reading.fatal.join("; ")}.`,
      { provider: "http", reason: "malformed_document", problems: reading.fatal },
    );
  }
  const problems = [...reading.problems];
  const functions = reading.operations.map(
    (operation): CatalogFunction => ({
      name: operation.name,
      ref: `${connection.name}/${operation.name}`,
      description: operation.description,
      tags: operation.tags,
      inputSchema: operation.inputSchema,
      outputSchema: operation.outputSchema,
      schemaSource: "declared",
      costHints: {},
      locator: locatorJson(operation.locator),
    }),
  );
  if (!config.baseUrl && functions.some((fn) => fn.locator.serverUrl === null)) {
    problems.push(
      "The document names no absolute server URL; set config.baseUrl to call its operations.",
    );
  }
  return { functions, problems };
}

async function invoke(
  connection: Connection,
  fn: InvocableFunction,
  input: JsonValue,
  options: InvokeOptions,
): Promise<unknown> {
  const config = readConfig(connection);
  const locator = asOperationLocator(fn.locator);
  const details = { provider: "http", ref: fn.ref };
  if (!locator) {
    throw new ProviderError(
      "function_error",
      `${fn.ref} has no HTTP operation locator; refresh the catalog.`,
      { ...details, reason: "not_found" },
    );
  }
  const baseUrl = config.baseUrl ?? locator.serverUrl;
  if (!baseUrl) {
    throw new ProviderError(
      "function_error",
      `${fn.ref} has no server URL; set config.baseUrl of connection "${connection.name}".`,
      { ...details, reason: "no_base_url" },
    );
  }
  const fields = input !== null && typeof input === "object" && !Array.isArray(input) ? input : {};
  const { url, init } = buildRequest(locator, baseUrl, fields, {
    secret: connection.secret ?? {},
    headers: config.headers ?? {},
    idempotencyKey: options.idempotencyKey,
    details,
  });
  const response = await send(url, { ...init, signal: options.signal }, details);
  if (response.status < 200 || response.status >= 300) throw statusError(response, details);
  if (locator.response === "none") return null;
  if (locator.response === "text") return response.text;
  return jsonBody(response, details);
}

/** Any HTTP service with an OpenAPI 3.x document: each operation is a function. */
export function createHttpProvider(): Provider {
  return { kind: "http", discover, invoke };
}
