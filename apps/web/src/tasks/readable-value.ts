import { humanize } from "../designer/store/step-ids.ts";

/** A value as a person reads it: words for scalars, labelled fields, tables for lists of records. */
export type TReadable =
  | { kind: "text"; text: string; muted?: boolean }
  | { kind: "fields"; fields: { key: string; label: string; value: TReadable }[] }
  | { kind: "table"; columns: { key: string; label: string }[]; rows: string[][] }
  | { kind: "list"; items: TReadable[] };

// deeper than this, a value is shown as compact JSON: a summary is not the raw view
const MAX_DEPTH = 4;

let numbers: Intl.NumberFormat | undefined;

const ACRONYMS = new Set(["id", "sku", "url", "uri", "vat", "iban", "api", "ip", "eta"]);

/** "customerEmail" → "Customer email", "orderId" → "Order ID". */
export const fieldLabel = (key: string): string =>
  humanize(key)
    .split(" ")
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word))
    .join(" ");

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isScalar = (value: unknown): boolean =>
  value === null || ["string", "number", "boolean"].includes(typeof value);

/** A scalar in words: yes/no, grouped digits, "empty" for an empty text. */
export const scalarText = (value: unknown): { text: string; muted?: boolean } => {
  if (value === null || value === undefined) return { text: "none", muted: true };
  if (typeof value === "boolean") return { text: value ? "yes" : "no" };
  if (typeof value === "number") {
    numbers ??= new Intl.NumberFormat("en", { maximumFractionDigits: 20 });
    return { text: numbers.format(value) };
  }
  if (typeof value === "string") return value ? { text: value } : { text: "empty", muted: true };
  return { text: JSON.stringify(value) };
};

const text = (value: unknown): TReadable => ({ kind: "text", ...scalarText(value) });

/**
 * How a value reads to a person deciding on it: field names in words ("customerEmail" →
 * "Customer email"), a list of flat records as a table, a list of words as one line.
 */
export const readableValue = (value: unknown, depth = 0): TReadable => {
  if (isScalar(value) || value === undefined) return text(value);
  if (depth >= MAX_DEPTH) return { kind: "text", text: JSON.stringify(value) };
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: "text", text: "none", muted: true };
    if (value.every(isScalar)) {
      return { kind: "text", text: value.map((v) => scalarText(v).text).join(", ") };
    }
    if (value.every((row) => isRecord(row) && Object.values(row).every(isScalar))) {
      const keys = [...new Set(value.flatMap((row) => Object.keys(row as object)))];
      return {
        kind: "table",
        columns: keys.map((key) => ({ key, label: fieldLabel(key) })),
        rows: value.map((row) =>
          keys.map((key) => {
            const cell = (row as Record<string, unknown>)[key];
            return cell === undefined ? "" : scalarText(cell).text;
          }),
        ),
      };
    }
    return { kind: "list", items: value.map((item) => readableValue(item, depth + 1)) };
  }
  const record = value as Record<string, unknown>;
  return {
    kind: "fields",
    fields: Object.entries(record).map(([key, field]) => ({
      key,
      label: fieldLabel(key),
      value: readableValue(field, depth + 1),
    })),
  };
};
