import { BatonError } from "@baton/model";
import { ProviderError } from "../errors.ts";
import { toCatalogEntry } from "../shared/catalog.ts";
import { jsonBody, send, statusError } from "../shared/http.ts";
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
  JsonSchema,
  JsonValue,
  Provider,
} from "../types.ts";

export type OpenFaasConfig = {
  /** The gateway's URL, e.g. http://gateway.openfaas:8080. */
  gateway: string;
  namespace?: string;
  schemaDocument?: string;
};

/** Annotations a function may carry; Kubernetes annotations hold whole schemas. */
export const openFaasAnnotations = {
  description: "baton/description",
  tags: "baton/tags",
  input: "baton/input-schema",
  output: "baton/output-schema",
};

/** The parts of `GET /system/functions` entries we read. */
type FunctionStatus = {
  name?: string;
  namespace?: string;
  image?: string;
  labels?: Record<string, string> | null;
  annotations?: Record<string, string> | null;
  limits?: { memory?: string } | null;
};

function readConfig(connection: Connection): OpenFaasConfig {
  const { gateway, namespace, schemaDocument } = connection.config;
  if (typeof gateway !== "string" || !/^https?:\/\//.test(gateway)) {
    throw new BatonError(
      "BAD_INPUT",
      `Connection "${connection.name}" needs config.gateway, the gateway URL.`,
    );
  }
  return {
    gateway: gateway.replace(/\/$/, ""),
    namespace: typeof namespace === "string" ? namespace : undefined,
    schemaDocument: typeof schemaDocument === "string" ? schemaDocument : undefined,
  };
}

/** Basic auth for the gateway's system API. Never sent to functions themselves. */
function systemHeaders(connection: Connection): Record<string, string> {
  const { username, password } = connection.secret ?? {};
  if (typeof password !== "string") return {};
  const user = typeof username === "string" ? username : "admin";
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` };
}

/** Kubernetes quantities: "128Mi", "1Gi", "256M", "512m" (OpenFaaS accepts lower case too). */
function memoryMb(quantity: string | undefined): number | undefined {
  const match = /^(\d+(?:\.\d+)?)([KMGkmg]i?)?$/.exec(quantity ?? "");
  if (!match) return undefined;
  const factor: Record<string, number> = {
    k: 1 / 1000,
    ki: 1 / 1024,
    m: 1,
    mi: 1,
    g: 1000,
    gi: 1024,
  };
  return Math.round(Number(match[1]) * (factor[(match[2] ?? "m").toLowerCase()] ?? 1));
}

function schemaAnnotation(
  annotations: Record<string, string>,
  key: string,
  label: string,
  problems: string[],
): JsonSchema | undefined {
  const text = annotations[key];
  if (text === undefined) return undefined;
  const schema = parseJson(text);
  if (
    typeof schema === "boolean" ||
    (schema && typeof schema === "object" && !Array.isArray(schema))
  ) {
    return schema;
  }
  problems.push(`${label}: annotation ${key} is not a JSON Schema; it is ignored.`);
  return undefined;
}

async function discover(connection: Connection, options?: DiscoverOptions): Promise<Discovery> {
  const config = readConfig(connection);
  const signal = options?.signal;
  const document = await loadSchemaDocument(config.schemaDocument, "openfaas", signal);
  const url = new URL(`${config.gateway}/system/functions`);
  if (config.namespace) url.searchParams.set("namespace", config.namespace);
  const details = { provider: "openfaas" };
  const response = await send(url, { headers: systemHeaders(connection), signal }, details);
  if (response.status !== 200) throw statusError(response, details);
  const listed = parseJson(response.text);
  if (!Array.isArray(listed)) {
    throw new ProviderError(
      "bad_output",
      "GET /system/functions did not answer with a JSON array.",
      details,
    );
  }
  const problems: string[] = [];
  const functions: CatalogFunction[] = [];
  for (const entry of listed as FunctionStatus[]) {
    if (!entry || typeof entry.name !== "string") continue;
    const annotations = entry.annotations ?? {};
    const input = schemaAnnotation(annotations, openFaasAnnotations.input, entry.name, problems);
    const output = schemaAnnotation(annotations, openFaasAnnotations.output, entry.name, problems);
    const costHints: CostHints = {};
    const memory = memoryMb(entry.limits?.memory);
    if (memory) costHints.memoryMb = memory;
    const namespace = entry.namespace ?? config.namespace ?? null;
    functions.push(
      toCatalogEntry(
        connection,
        {
          name: entry.name,
          description: annotations[openFaasAnnotations.description] ?? "",
          tags: (annotations[openFaasAnnotations.tags] ?? "")
            .split(",")
            .map((tag) => tag.trim())
            .filter(Boolean),
          declared: { ...(input ? { input } : {}), ...(output ? { output } : {}) },
          costHints,
          locator: { name: entry.name, namespace, image: entry.image ?? null },
        },
        document.get(entry.name),
        problems,
      ),
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
  const details = { provider: "openfaas", ref: fn.ref };
  const { name, namespace } = fn.locator;
  if (typeof name !== "string") {
    throw new ProviderError(
      "function_error",
      `${fn.ref} has no OpenFaaS locator; refresh the catalog.`,
      {
        ...details,
        reason: "not_found",
      },
    );
  }
  const target = typeof namespace === "string" && namespace ? `${name}.${namespace}` : name;
  const response = await send(
    `${config.gateway}/function/${encodeURIComponent(target)}`,
    {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        "idempotency-key": options.idempotencyKey,
      },
      body: JSON.stringify(input),
      signal: options.signal,
    },
    details,
  );
  if (response.status < 200 || response.status >= 300) throw statusError(response, details);
  return jsonBody(response, details);
}

/** OpenFaaS through its gateway: `GET /system/functions`, `POST /function/<name>`. */
export function createOpenFaasProvider(): Provider {
  return { kind: "openfaas", discover, invoke };
}
