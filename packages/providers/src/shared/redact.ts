import { ProviderError, type ProviderErrorDetails } from "../errors.ts";
import type { Connection } from "../types.ts";

export const REDACTED = "[redacted]";

/** Longest message or detail text a provider error carries; remote bodies can be megabytes. */
export const MAX_ERROR_TEXT = 2_048;

// Shorter values would garble every message they happen to occur in.
const MIN_SECRET_LENGTH = 4;

// The parts of a service account key that are names and addresses, not credentials:
// redacting "googleapis.com" or a project id would only make messages unreadable.
const PUBLIC_FIELDS = new Set([
  "type",
  "project_id",
  "client_email",
  "client_id",
  "auth_uri",
  "token_uri",
  "auth_provider_x509_cert_url",
  "client_x509_cert_url",
  "universe_domain",
]);

function collectStrings(value: unknown, key: string | undefined, into: string[]): void {
  if (typeof value === "string") {
    if (key === undefined || !PUBLIC_FIELDS.has(key)) into.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, key, into);
  } else if (value !== null && typeof value === "object") {
    const fields = value as Record<string, unknown>;
    for (const [name, item] of Object.entries(fields)) collectStrings(item, name, into);
    // What an Authorization: Basic header carries, which no single value matches.
    if (typeof fields.username === "string" && typeof fields.password === "string") {
      into.push(`${fields.username}:${fields.password}`);
    }
  }
}

/**
 * Every credential of a connection: the string values of its secret (a service account
 * key's names and addresses aside), a username:password pair, and headers set in its
 * config (older http connections kept them there).
 */
export function credentialValues(connection: Pick<Connection, "config" | "secret">): string[] {
  const values: string[] = [];
  collectStrings(connection.secret, undefined, values);
  const headers = connection.config.headers;
  if (headers !== null && typeof headers === "object") {
    values.push(...Object.values(headers).filter((value) => typeof value === "string"));
  }
  return values;
}

/** The same value as a request or body would carry it: URL-, form- and JSON-encoded, line by line. */
function plainForms(value: string): string[] {
  const forms = [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
    // a PEM key echoed one line at a time
    ...value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length >= 16),
  ];
  return forms.filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/**
 * What stays the same in the base64 of any text containing `value`, whatever its offset:
 * for each of the three alignments, the characters that encode only bytes of `value`.
 */
function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const skip = (3 - offset) % 3;
    const whole = Math.floor((bytes.length - skip) / 3) * 3;
    if (whole < 3) continue;
    const aligned = bytes.subarray(skip, skip + whole);
    cores.push(aligned.toString("base64"), aligned.toString("base64url"));
  }
  return cores;
}

const BASE64_CHAR = /[A-Za-z0-9+/_=-]/;

/** Replaces every run of base64 characters that contains `core`. */
function redactEncoded(text: string, core: string): string {
  let out = text;
  let from = 0;
  for (;;) {
    const at = out.indexOf(core, from);
    if (at < 0) return out;
    let start = at;
    let end = at + core.length;
    while (start > 0 && BASE64_CHAR.test(out.charAt(start - 1))) start--;
    while (end < out.length && BASE64_CHAR.test(out.charAt(end))) end++;
    out = `${out.slice(0, start)}${REDACTED}${out.slice(end)}`;
    from = start + REDACTED.length;
  }
}

export type Redactor = (text: string) => string;

/**
 * Removes a connection's credentials from text a remote service sent: each value as it
 * is, URL-, form- or JSON-encoded, and inside base64 (a Basic header, a token echoed back).
 */
export function credentialRedactor(connection: Pick<Connection, "config" | "secret">): Redactor {
  const values = credentialValues(connection);
  // Longest first, so a value containing another is removed whole.
  const plain = [...new Set(values.flatMap(plainForms))].sort((a, b) => b.length - a.length);
  const cores = [...new Set(values.flatMap(base64Cores))].sort((a, b) => b.length - a.length);
  if (plain.length === 0 && cores.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const form of plain) out = out.replaceAll(form, REDACTED);
    for (const core of cores) out = redactEncoded(out, core);
    return out;
  };
}

/** At most `MAX_ERROR_TEXT` characters, saying so when text was cut. */
export function cutText(text: string): string {
  if (text.length <= MAX_ERROR_TEXT) return text;
  return `${text.slice(0, MAX_ERROR_TEXT)}… [cut: ${text.length} characters in all]`;
}

function cleanValue(value: unknown, clean: (text: string) => string): unknown {
  if (typeof value === "string") return clean(value);
  if (Array.isArray(value)) return value.map((item) => cleanValue(item, clean));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, cleanValue(item, clean)]),
    );
  }
  return value;
}

/**
 * A provider error as it may leave this package: the connection's credentials redacted
 * from its message and details, and each text cut to `MAX_ERROR_TEXT` (after redacting,
 * so no cut leaves half a secret behind). The cause is dropped when anything changed: it
 * holds the raw answer.
 */
export function sanitizeProviderError(
  error: ProviderError,
  connection: Pick<Connection, "config" | "secret">,
): ProviderError {
  const redact = credentialRedactor(connection);
  const clean = (text: string) => cutText(redact(text));
  const message = clean(error.message);
  const details = cleanValue(error.details, clean) as ProviderErrorDetails;
  if (message === error.message && JSON.stringify(details) === JSON.stringify(error.details)) {
    return error;
  }
  return new ProviderError(error.classification, message, details);
}
