import { readFile } from "node:fs/promises";
import path from "node:path";
import { BatonError } from "@baton/model";
import { parse as parseYaml } from "yaml";
import { errorMessage, ProviderError } from "../errors.ts";
import type { JsonSchema } from "../types.ts";
import { send, statusError } from "./http.ts";

/** What someone attached to a function that does not describe itself. */
export type Annotation = {
  description?: string;
  tags?: string[];
  input?: JsonSchema;
  output?: JsonSchema;
};

/**
 * A schema document maps function names to annotations, for providers whose functions
 * cannot carry their own schemas:
 * `{ "functions": { "<name>": { "description", "tags", "input", "output" } } }` (JSON or YAML).
 */
export type SchemaDocument = Map<string, Annotation>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === "boolean" || isObject(value);

export function readSchemaDocument(data: unknown, where: string): SchemaDocument {
  if (!isObject(data) || !isObject(data.functions)) {
    throw new BatonError("BAD_INPUT", `The schema document ${where} needs a "functions" object.`);
  }
  const document: SchemaDocument = new Map();
  for (const [name, entry] of Object.entries(data.functions)) {
    if (!isObject(entry)) continue;
    const annotation: Annotation = {};
    if (typeof entry.description === "string") annotation.description = entry.description;
    if (Array.isArray(entry.tags)) {
      annotation.tags = entry.tags.filter((tag): tag is string => typeof tag === "string");
    }
    if (isSchema(entry.input)) annotation.input = entry.input;
    if (isSchema(entry.output)) annotation.output = entry.output;
    document.set(name, annotation);
  }
  return document;
}

/** Loads a schema document from an http(s) URL or a file; no location means an empty one. */
export async function loadSchemaDocument(
  location: unknown,
  provider: string,
  signal?: AbortSignal,
): Promise<SchemaDocument> {
  if (location === undefined) return new Map();
  if (typeof location !== "string") {
    throw new BatonError("BAD_INPUT", "config.schemaDocument must be a URL or a file path.");
  }
  let text: string;
  if (/^https?:\/\//i.test(location)) {
    const response = await send(location, { signal }, { provider });
    if (response.status >= 300) throw statusError(response, { provider });
    text = response.text;
  } else {
    try {
      text = await readFile(path.resolve(location), "utf8");
    } catch (error) {
      throw new BatonError("BAD_INPUT", `Cannot read the schema document ${location}.`, undefined, {
        cause: error,
      });
    }
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new ProviderError(
      "bad_output",
      `The schema document ${location} is neither JSON nor YAML: ${errorMessage(error)}`,
      { provider, reason: "malformed_document" },
    );
  }
  return readSchemaDocument(data, location);
}
