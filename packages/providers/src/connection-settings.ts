import { BatonError } from "@baton/model";
import { type ConnectionForm, connectionForms } from "./connection-forms.ts";

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
    } else if (field.type === "json") {
      const value = parseObject(raw);
      if (value) config[field.key] = value;
      else problems.push(`${field.label}: must be a JSON object`);
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
    else if (field.type === "json") text[field.key] = JSON.stringify(value, null, 2);
    else text[field.key] = String(value);
  }
  return text;
}

/**
 * The secret after a person's changes: new values replace, `null` removes, everything
 * else is kept. Fixed-field kinds accept only their fields; JSON fields must hold an
 * object. An empty result is `undefined` (no credentials).
 */
export function applySecretChanges(
  kind: string,
  current: Record<string, unknown> | undefined,
  changes: SecretChanges,
): Record<string, unknown> | undefined {
  const form = connectionForm(kind);
  const next: Record<string, unknown> = { ...current };
  const problems: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    const field = form.secretFields.find((f) => f.key === key);
    if (!field && !form.namedSecrets) {
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
    const wantsObject = field ? field.json : trimmed.startsWith("{");
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
