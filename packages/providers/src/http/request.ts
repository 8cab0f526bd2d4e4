import { ProviderError, type ProviderErrorDetails } from "../errors.ts";
import type { JsonValue } from "../types.ts";
import { WRAPPED_BODY } from "./flat-input.ts";
import type { AuthScheme, OperationLocator } from "./openapi-document.ts";

export type Credentials = Record<string, unknown>;
type Parameter = OperationLocator["parameters"][number];
type Fields = { [key: string]: JsonValue };

const scalar = (value: JsonValue): string =>
  value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);

const isDotSegment = (text: string) =>
  text.split(/[/\\]/).some((segment) => segment === "." || segment === "..");

/**
 * A path parameter as RFC 6570 simple expansion writes it (OpenAPI's default `simple`
 * style): every value percent-encoded, so it stays one segment. A value that is or holds
 * `.` or `..` is refused: a server that decodes `%2F` before routing would walk out of the
 * operation's path with it.
 */
function pathValue(
  parameter: Parameter,
  value: JsonValue,
  template: string,
  details: ProviderErrorDetails,
): string {
  // an array's items, or an object's key/value pairs (RFC 6570 "list" and "associative array")
  const pieces: { key?: string; text: string }[] = Array.isArray(value)
    ? value.map((item) => ({ text: scalar(item) }))
    : value !== null && typeof value === "object"
      ? Object.entries(value).map(([key, item]) => ({ key, text: scalar(item) }))
      : [{ text: scalar(value) }];
  const dotted = pieces
    .flatMap(({ key, text }) => (key === undefined ? [text] : [key, text]))
    .find(isDotSegment);
  if (dotted !== undefined) {
    throw new ProviderError(
      "rejected_input",
      `The path parameter "${parameter.name}" is ${JSON.stringify(dotted)}: a path parameter may not be "." or ".." or contain such a segment, which would leave the operation's path ${template}.`,
      { ...details, reason: "invalid_path_parameter" },
    );
  }
  const encode = encodeURIComponent;
  return pieces
    .map(({ key, text }) =>
      key === undefined
        ? encode(text)
        : `${encode(key)}${parameter.explode ? "=" : ","}${encode(text)}`,
    )
    .join(",");
}

function applyAuth(
  alternatives: AuthScheme[][],
  secret: Credentials,
  headers: Headers,
  query: URLSearchParams,
  cookies: string[],
): void {
  // The first alternative the secret can satisfy completely; none means send without.
  const usable = alternatives.find((schemes) =>
    schemes.every((s) => secret[s.scheme] !== undefined),
  );
  for (const scheme of usable ?? []) {
    const value = secret[scheme.scheme];
    if (scheme.type === "apiKey") {
      const key = String(value);
      if (scheme.in === "header") headers.set(scheme.param, key);
      else if (scheme.in === "query") query.set(scheme.param, key);
      else cookies.push(`${scheme.param}=${encodeURIComponent(key)}`);
    } else if (scheme.type === "http" && scheme.httpScheme === "basic") {
      const { username, password } = (value ?? {}) as { username?: unknown; password?: unknown };
      const pair = Buffer.from(`${String(username ?? "")}:${String(password ?? "")}`).toString(
        "base64",
      );
      headers.set("authorization", `Basic ${pair}`);
    } else {
      // bearer, oauth2 and openIdConnect all carry an already obtained token.
      headers.set("authorization", `Bearer ${String(value)}`);
    }
  }
}

const isFields = (value: JsonValue | undefined): value is Fields =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Where each parameter's value and the body are in an input. A spread-out body is every
 * field that is not a parameter's. The older wrapped form (scenarios saved before inputs
 * were flat: parameters by name and an object `body`, nothing else) is still read, unless
 * the body declares a field of its own called `body`.
 */
function readInput(
  locator: OperationLocator,
  input: Fields,
): { parameter: (p: Parameter) => JsonValue | undefined; body: JsonValue | undefined } {
  const fieldOf = (p: Parameter) => p.field ?? p.name;
  const spread = locator.body?.fields;
  const names = new Set(locator.parameters.map((p) => p.name));
  const wrapped =
    spread !== undefined &&
    !spread.includes(WRAPPED_BODY) &&
    isFields(input[WRAPPED_BODY]) &&
    Object.keys(input).every((key) => key === WRAPPED_BODY || names.has(key));
  if (spread === undefined || wrapped) {
    return {
      parameter: (p) => input[wrapped ? p.name : fieldOf(p)],
      body: input[WRAPPED_BODY],
    };
  }
  const parameterFields = new Set(locator.parameters.map(fieldOf));
  const fields = Object.entries(input).filter(([key]) => !parameterFields.has(key));
  return {
    parameter: (p) => input[fieldOf(p)],
    body: fields.length > 0 ? Object.fromEntries(fields) : undefined,
  };
}

/** Builds the HTTP request an operation describes from a function input. */
export function buildRequest(
  locator: OperationLocator,
  baseUrl: string,
  input: Fields,
  extra: {
    secret: Credentials;
    headers: Record<string, string>;
    idempotencyKey: string;
    /** what a refused input's error says about the call */
    details?: ProviderErrorDetails;
  },
): { url: URL; init: RequestInit } {
  const query = new URLSearchParams();
  const headers = new Headers(extra.headers);
  const cookies: string[] = [];
  let path = locator.path;
  const read = readInput(locator, input);

  for (const parameter of locator.parameters) {
    const value = read.parameter(parameter);
    if (value === undefined) continue;
    if (parameter.in === "path") {
      const text = pathValue(parameter, value, locator.path, extra.details ?? {});
      path = path.replaceAll(`{${parameter.name}}`, text);
    } else if (parameter.in === "query") {
      if (Array.isArray(value) && parameter.explode) {
        for (const item of value) query.append(parameter.name, scalar(item));
      } else if (Array.isArray(value)) {
        query.append(parameter.name, value.map(scalar).join(","));
      } else if (value !== null && typeof value === "object" && parameter.explode) {
        for (const [key, item] of Object.entries(value)) query.append(key, scalar(item));
      } else {
        query.append(parameter.name, scalar(value));
      }
    } else if (parameter.in === "header") {
      headers.set(parameter.name, scalar(value));
    } else {
      cookies.push(`${parameter.name}=${encodeURIComponent(scalar(value))}`);
    }
  }

  applyAuth(locator.auth, extra.secret, headers, query, cookies);
  if (cookies.length > 0) headers.set("cookie", cookies.join("; "));
  headers.set("accept", "application/json, text/plain;q=0.9, */*;q=0.1");
  // The IETF Idempotency-Key header: servers that honour it drop duplicate retries.
  headers.set("idempotency-key", extra.idempotencyKey);

  let body: string | undefined;
  if (locator.body && read.body !== undefined) {
    headers.set("content-type", locator.body.mediaType);
    body =
      locator.body.mediaType === "application/x-www-form-urlencoded"
        ? formBody(read.body)
        : JSON.stringify(read.body);
  }

  const url = new URL(`${baseUrl.replace(/\/$/, "")}${path}`);
  for (const [key, value] of query) url.searchParams.append(key, value);
  return { url, init: { method: locator.method, headers, body } };
}

function formBody(value: JsonValue): string {
  const form = new URLSearchParams();
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (Array.isArray(item)) for (const each of item) form.append(key, scalar(each));
      else if (item !== undefined) form.append(key, scalar(item));
    }
  }
  return form.toString();
}
