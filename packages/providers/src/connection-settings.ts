import { BatonError } from "@baton/model";
import { type ConnectionForm, connectionForms, HEADER_SECRET_PREFIX } from "./connection-forms.ts";

/** What a person typed, field by field, as text. */
export type SettingsText = Record<string, string>;

/** Per secret key: a new value, `null` to remove it; keys left out keep their value. */
export type SecretChanges = Record<string, string | null>;

export function connectionForm(kind: string): ConnectionForm {
  const form = connectionForms.find((f) => f.kind === kind);
  if (form) return form;
  throw new BatonError(
    "BAD_INPUT",
    `Unknown provider "${kind}"; choose one of ${connectionForms.map((f) => f.kind).join(", ")}.`,
  );
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const parseObject = (text: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A connection's `config` from the text of its form. Every problem is listed at once,
 * and fields the kind does not know are refused rather than silently dropped.
 */
export function parseConnectionSettings(kind: string, text: SettingsText): Record<string, unknown> {
  const form = connectionForm(kind);
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  const known = new Set(form.fields.map((f) => f.key));
  for (const key of Object.keys(text)) {
    if (!known.has(key)) problems.push(`${key}: not a setting of ${form.label} connections`);
  }
  for (const field of form.fields) {
    const raw = (text[field.key] ?? "").trim();
    if (raw === "") {
      if (field.required) problems.push(`${field.label}: required`);
      continue;
    }
    if (field.type === "number") {
      const n = Number(raw);
      if (Number.isFinite(n)) config[field.key] = n;
      else problems.push(`${field.label}: "${raw}" is not a number`);
    } else if (field.type === "list") {
      config[field.key] = raw
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean);
    } else if (field.type === "url") {
      if (/^https?:\/\/\S+$/i.test(raw)) config[field.key] = raw;
      else problems.push(`${field.label}: "${raw}" is not an http(s) URL`);
    } else {
      config[field.key] = raw;
    }
  }
  if (problems.length > 0) {
    throw new BatonError(
      "BAD_INPUT",
      `The connection settings are wrong: ${problems.join("; ")}.`,
      {
        problems,
      },
    );
  }
  return config;
}

/** The text of a connection's form, from its stored `config` (the reverse of parsing). */
export function connectionSettingsText(kind: string, config: unknown): SettingsText {
  const form = connectionForm(kind);
  const values = isPlainObject(config) ? config : {};
  const text: SettingsText = {};
  for (const field of form.fields) {
    const value = values[field.key];
    if (value === undefined || value === null) continue;
    if (field.type === "list" && Array.isArray(value)) text[field.key] = value.join(", ");
    else text[field.key] = String(value);
  }
  return text;
}

// RFC 9110 field names, and values without the line breaks that would end a header.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[^\r\n\0]*$/;

/** A header credential's key with its name in lower case, or a problem with it. */
function headerSecretKey(key: string, value: string | null): { key: string } | { problem: string } {
  const name = key.slice(HEADER_SECRET_PREFIX.length);
  if (!HEADER_NAME.test(name)) {
    return { problem: `header "${name}": not a header name (letters, digits and -, no spaces)` };
  }
  if (value !== null && !HEADER_VALUE.test(value)) {
    return { problem: `header "${name}": a header value cannot hold a line break` };
  }
  return { key: `${HEADER_SECRET_PREFIX}${name.toLowerCase()}` };
}

/**
 * The secret after a person's changes: new values replace, `null` removes, everything
 * else is kept. Fixed-field kinds accept only their fields; JSON fields must hold an
 * object; `header:<name>` keys, for kinds with secret headers, hold a header's value.
 * An empty result is `undefined` (no credentials).
 */
export function applySecretChanges(
  kind: string,
  current: Record<string, unknown> | undefined,
  changes: SecretChanges,
): Record<string, unknown> | undefined {
  const form = connectionForm(kind);
  const next: Record<string, unknown> = { ...current };
  const problems: string[] = [];
  for (const [given, value] of Object.entries(changes)) {
    const isHeader = Boolean(form.secretHeaders) && given.startsWith(HEADER_SECRET_PREFIX);
    let key = given;
    if (isHeader) {
      const header = headerSecretKey(given, value);
      if ("problem" in header) {
        problems.push(header.problem);
        continue;
      }
      key = header.key;
    }
    const field = form.secretFields.find((f) => f.key === key);
    if (!field && !isHeader && !form.namedSecrets) {
      problems.push(`${key}: not a credential of ${form.label} connections`);
      continue;
    }
    if (value === null) {
      delete next[key];
      continue;
    }
    const trimmed = value.trim();
    if (trimmed === "") {
      problems.push(`${field?.label ?? key}: empty; remove it instead`);
      continue;
    }
    const wantsObject = field ? field.json : !isHeader && trimmed.startsWith("{");
    if (!wantsObject) {
      next[key] = trimmed;
      continue;
    }
    const object = parseObject(trimmed);
    if (object) next[key] = object;
    else problems.push(`${field?.label ?? key}: must be a JSON object`);
  }
  if (problems.length > 0) {
    throw new BatonError("BAD_INPUT", `The credentials are wrong: ${problems.join("; ")}.`, {
      problems,
    });
  }
  return Object.keys(next).length > 0 ? next : undefined;
}

const comparable = (value: unknown) =>
  JSON.stringify(Array.isArray(value) ? [...value].map(String).sort() : (value ?? null));

/** The labels of the settings deciding where credentials go that differ between two configs. */
export function changedDestinations(kind: string, before: unknown, after: unknown): string[] {
  const form = connectionForm(kind);
  const was = isPlainObject(before) ? before : {};
  const is = isPlainObject(after) ? after : {};
  return form.fields
    .filter(
      (field) => field.destination && comparable(was[field.key]) !== comparable(is[field.key]),
    )
    .map((field) => field.label);
}

/**
 * Refuses to send stored credentials somewhere new: when a setting that decides where
 * they go changes, every credential that stays must be given again (or removed), so
 * nobody can redirect credentials they cannot read to an address of their choosing.
 */
export function assertCredentialsFollowAddress(
  kind: string,
  change: {
    before: unknown;
    after: unknown;
    current: Record<string, unknown> | undefined;
    changes: SecretChanges;
  },
): void {
  const moved = changedDestinations(kind, change.before, change.after);
  if (moved.length === 0) return;
  const given = new Set(
    Object.keys(change.changes).map((key) =>
      key.startsWith(HEADER_SECRET_PREFIX) ? key.toLowerCase() : key,
    ),
  );
  const kept = Object.keys(change.current ?? {})
    .filter((key) => !given.has(key))
    .sort();
  if (kept.length === 0) return;
  throw new BatonError(
    "BAD_INPUT",
    `${moved.join(" and ")} changed: re-enter the credentials to send them to the new address, or remove them (${kept.join(", ")}).`,
    { changedSettings: moved, reenter: kept },
  );
}

/**
 * Moves headers an older http connection kept in plain `config.headers` into its secret
 * (`header:<name>`), where they are sealed like every credential. A header already in the
 * secret wins. Other kinds and configs without headers come back as they were.
 */
export function moveHeadersToSecret(
  kind: string,
  config: unknown,
  secret: Record<string, unknown> | undefined,
): {
  config: Record<string, unknown>;
  secret: Record<string, unknown> | undefined;
  moved: string[];
} {
  const values = isPlainObject(config) ? config : {};
  const { headers, ...rest } = values;
  if (!connectionForms.some((f) => f.kind === kind && f.secretHeaders) || !isPlainObject(headers)) {
    return { config: values, secret, moved: [] };
  }
  const fromConfig = Object.fromEntries(
    Object.entries(headers)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([name, value]) => [`${HEADER_SECRET_PREFIX}${name.toLowerCase()}`, value]),
  );
  const merged = { ...fromConfig, ...secret };
  return {
    config: rest,
    secret: Object.keys(merged).length > 0 ? merged : undefined,
    moved: Object.keys(fromConfig).sort(),
  };
}
