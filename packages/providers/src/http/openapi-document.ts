import type { JsonSchema, JsonValue } from "../types.ts";
import { type DeclaredBody, type DeclaredParameter, shapeInput } from "./flat-input.ts";
import { createSchemaConverter } from "./openapi-schema.ts";

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export type ParameterPlace = "path" | "query" | "header" | "cookie";

export type AuthScheme =
  | { scheme: string; type: "apiKey"; in: "header" | "query" | "cookie"; param: string }
  | { scheme: string; type: "http"; httpScheme: string }
  | { scheme: string; type: "oauth2" | "openIdConnect" };

/** Everything needed to build the HTTP request later, without the document. */
export type OperationLocator = {
  method: string;
  path: string;
  serverUrl: string | null;
  /** `field`: the input field that holds the parameter, when not its name (see flat-input.ts). */
  parameters: { name: string; in: ParameterPlace; explode: boolean; field?: string }[];
  /**
   * `fields`: the body's declared fields, which the input holds flat beside the parameters;
   * without it (a body that is not a plain object, or a locator stored before flat inputs)
   * the body is the input's `body` field.
   */
  body: { mediaType: string; fields?: string[] } | null;
  response: "json" | "text" | "none";
  /** Alternatives; each lists the schemes that must all be applied. */
  auth: AuthScheme[][];
};

export type Operation = {
  name: string;
  description: string;
  tags: string[];
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  locator: OperationLocator;
};

/** `fatal` lists what makes the whole document unusable; `problems`, what was skipped. */
export type OpenApiReading = { operations: Operation[]; problems: string[]; fatal: string[] };

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const places: readonly string[] = ["path", "query", "header", "cookie"];
const isJsonMedia = (media: string) => /^application\/(.+\+)?json(;|$)/i.test(media);

export function readOpenApi(document: unknown, documentUrl?: string): OpenApiReading {
  const fatal: string[] = [];
  if (!isNode(document))
    return { operations: [], problems: [], fatal: ["the document is not an object"] };
  if (document.swagger !== undefined) {
    fatal.push(`Swagger ${String(document.swagger)} is not supported; convert it to OpenAPI 3`);
  } else if (typeof document.openapi !== "string" || !/^3\.[01]\./.test(document.openapi)) {
    fatal.push(
      `"openapi" must be a 3.0.x or 3.1.x version, found ${JSON.stringify(document.openapi)}`,
    );
  }
  if (!isNode(document.paths)) fatal.push('"paths" is missing or not an object');
  if (fatal.length > 0) return { operations: [], problems: [], fatal };
  const doc: Node = document;

  const openapi30 = (document.openapi as string).startsWith("3.0.");
  const components = isNode(document.components) ? document.components : {};
  const converter = createSchemaConverter(
    isNode(components.schemas) ? components.schemas : {},
    openapi30,
  );
  const securitySchemes = isNode(components.securitySchemes) ? components.securitySchemes : {};
  const problems: string[] = [];
  const operations: Operation[] = [];
  const names = new Set<string>();

  /** Follows a local `$ref` (parameters, request bodies, responses) to its target. */
  const resolve = (node: unknown, where: string): Node | undefined => {
    let current = node;
    for (let hops = 0; isNode(current) && typeof current.$ref === "string"; hops++) {
      const ref = current.$ref;
      if (hops > 10 || !ref.startsWith("#/")) {
        problems.push(`${where}: reference ${ref} cannot be resolved`);
        return undefined;
      }
      current = ref
        .slice(2)
        .split("/")
        .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"))
        .reduce<unknown>((at, key) => (isNode(at) ? at[key] : undefined), doc);
      if (current === undefined) {
        problems.push(`${where}: reference ${ref} points to nothing`);
        return undefined;
      }
    }
    return isNode(current) ? current : undefined;
  };

  const serverOf = (servers: unknown): string | null | undefined => {
    if (!Array.isArray(servers) || !isNode(servers[0]) || typeof servers[0].url !== "string") {
      return undefined;
    }
    const server = servers[0];
    const variables = isNode(server.variables) ? server.variables : {};
    const url = (server.url as string).replace(/\{([^}]+)\}/g, (_, name: string) => {
      const variable = variables[name];
      return isNode(variable) && typeof variable.default === "string" ? variable.default : "";
    });
    try {
      return new URL(url, documentUrl).href.replace(/\/$/, "");
    } catch {
      return null;
    }
  };

  const authOf = (requirements: unknown, where: string): AuthScheme[][] => {
    if (!Array.isArray(requirements)) return [];
    return requirements.filter(isNode).map((requirement) =>
      Object.keys(requirement).flatMap((scheme): AuthScheme[] => {
        const definition = resolve(securitySchemes[scheme], where);
        if (!definition) {
          problems.push(`${where}: security scheme "${scheme}" is not defined`);
          return [];
        }
        if (definition.type === "apiKey" && typeof definition.name === "string") {
          const place =
            definition.in === "query" || definition.in === "cookie" ? definition.in : "header";
          return [{ scheme, type: "apiKey", in: place, param: definition.name }];
        }
        if (definition.type === "http" && typeof definition.scheme === "string") {
          return [{ scheme, type: "http", httpScheme: definition.scheme.toLowerCase() }];
        }
        if (definition.type === "oauth2" || definition.type === "openIdConnect") {
          return [{ scheme, type: definition.type }];
        }
        problems.push(`${where}: security scheme "${scheme}" has an unsupported type`);
        return [];
      }),
    );
  };

  for (const [path, rawItem] of Object.entries(document.paths as Node)) {
    const item = resolve(rawItem, path);
    if (!item) continue;
    for (const method of methods) {
      if (!isNode(item[method])) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const operation = readOperation(item[method], item, method, path, where);
      if (!operation) continue;
      if (names.has(operation.name)) {
        problems.push(`${where}: skipped, a second operation is named "${operation.name}"`);
        continue;
      }
      names.add(operation.name);
      operations.push(operation);
    }
  }
  problems.push(...converter.problems());
  return { operations, problems, fatal };

  function readOperation(
    op: Node,
    item: Node,
    method: string,
    path: string,
    where: string,
  ): Operation | undefined {
    const declared: DeclaredParameter[] = [];

    // Operation-level parameters override path-level ones with the same name and place.
    const merged = new Map<string, Node>();
    for (const raw of [
      ...(Array.isArray(item.parameters) ? item.parameters : []),
      ...(Array.isArray(op.parameters) ? op.parameters : []),
    ]) {
      const parameter = resolve(raw, where);
      if (!parameter) continue;
      if (typeof parameter.name !== "string" || !places.includes(String(parameter.in))) {
        problems.push(`${where}: a parameter lacks a name or a valid "in"`);
        continue;
      }
      merged.set(`${parameter.in}:${parameter.name}`, parameter);
    }
    for (const parameter of merged.values()) {
      const name = parameter.name as string;
      const place = parameter.in as ParameterPlace;
      const content = isNode(parameter.content) ? Object.values(parameter.content)[0] : undefined;
      const raw = parameter.schema ?? (isNode(content) ? content.schema : undefined) ?? {};
      const schema = converter.convert(raw);
      const defaultStyle = place === "query" || place === "cookie" ? "form" : "simple";
      const style = typeof parameter.style === "string" ? parameter.style : defaultStyle;
      declared.push({
        name,
        in: place,
        explode: typeof parameter.explode === "boolean" ? parameter.explode : style === "form",
        required: place === "path" || parameter.required === true,
        schema:
          typeof parameter.description === "string" &&
          typeof schema === "object" &&
          !schema.description
            ? { ...schema, description: parameter.description }
            : schema,
      });
    }
    for (const match of path.matchAll(/\{([^}]+)\}/g)) {
      if (!declared.some((p) => p.in === "path" && p.name === match[1])) {
        problems.push(`${where}: skipped, path parameter {${match[1]}} is not declared`);
        return undefined;
      }
    }

    let body: DeclaredBody | null = null;
    const requestBody = op.requestBody === undefined ? undefined : resolve(op.requestBody, where);
    if (requestBody && isNode(requestBody.content)) {
      const media = Object.keys(requestBody.content);
      const chosen =
        media.find(isJsonMedia) ?? media.find((m) => m === "application/x-www-form-urlencoded");
      if (!chosen) {
        problems.push(
          `${where}: skipped, its request body is ${media.join(", ")}; only JSON and form bodies are supported`,
        );
        return undefined;
      }
      const content = requestBody.content[chosen];
      body = {
        mediaType: chosen,
        required: requestBody.required === true,
        schema: converter.convert(isNode(content) ? (content.schema ?? {}) : {}),
      };
    }
    const input = shapeInput(declared, body, converter.definition);
    if ("problem" in input) {
      problems.push(`${where}: skipped, ${input.problem}`);
      return undefined;
    }

    const { schema: outputSchema, response } = readResponse(op, where);

    const text = [op.summary, op.description].filter((s): s is string => typeof s === "string");
    return {
      name: nameOf(op, method, path),
      description: text.join("\n\n"),
      tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === "string") : [],
      inputSchema: converter.standalone(input.inputSchema),
      outputSchema: converter.standalone(outputSchema),
      locator: {
        method: method.toUpperCase(),
        path,
        serverUrl: serverOf(op.servers) ?? serverOf(item.servers) ?? serverOf(doc.servers) ?? null,
        parameters: input.parameters,
        body: input.body,
        response,
        auth: authOf(op.security ?? doc.security, where),
      },
    };
  }

  function readResponse(
    op: Node,
    where: string,
  ): { schema: JsonSchema; response: OperationLocator["response"] } {
    const responses = isNode(op.responses) ? op.responses : {};
    const code =
      Object.keys(responses)
        .filter((c) => /^2(\d\d|XX)$/i.test(c))
        .sort()[0] ?? (responses.default ? "default" : undefined);
    if (!code) {
      problems.push(`${where}: declares no success response; its output is treated as any JSON`);
      return { schema: {}, response: "json" };
    }
    const answer = resolve(responses[code], where);
    const content = answer && isNode(answer.content) ? answer.content : undefined;
    if (!content || Object.keys(content).length === 0)
      return { schema: { type: "null" }, response: "none" };
    const media = Object.keys(content);
    const json = media.find(isJsonMedia) ?? media.find((m) => m === "*/*");
    if (json) {
      const entry = content[json];
      return {
        schema: converter.convert(isNode(entry) ? (entry.schema ?? {}) : {}),
        response: "json",
      };
    }
    return { schema: { type: "string" }, response: "text" };
  }
}

function nameOf(op: Node, method: string, path: string): string {
  if (typeof op.operationId === "string" && op.operationId.trim()) {
    return op.operationId.trim().replace(/[^A-Za-z0-9_.-]+/g, "_");
  }
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return [method, ...words].join("_");
}

/** A stored locator read back, or `undefined` when it is not one of ours. */
export function asOperationLocator(value: {
  [key: string]: JsonValue;
}): OperationLocator | undefined {
  const { method, path, parameters, auth, response } = value;
  const shaped =
    typeof method === "string" &&
    typeof path === "string" &&
    Array.isArray(parameters) &&
    Array.isArray(auth) &&
    (response === "json" || response === "text" || response === "none");
  return shaped ? (value as unknown as OperationLocator) : undefined;
}

/** Checks at compile time that a locator fits the catalog's JSON `locator` column. */
export const locatorJson = (locator: OperationLocator): { [key: string]: JsonValue } => locator;
