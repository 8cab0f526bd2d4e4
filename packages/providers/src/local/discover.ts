import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { BatonError } from "@baton/model";
import type { CatalogFunction, Connection, CostHints, JsonSchema } from "../types.ts";
import type { ModuleDescription } from "./protocol.ts";

const moduleFile = /^(?![._])(?!.*\.(test|spec|d)\.[cm]?[jt]s$).+\.(ts|mts|js|mjs)$/;

export type ModuleFile = { name: string; path: string; url: string };

/** The folder's function modules, each with a URL that changes when the file does. */
export async function listModules(folder: string): Promise<ModuleFile[]> {
  let entries: string[];
  try {
    entries = (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && moduleFile.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    throw new BatonError("BAD_INPUT", `Cannot read the function folder ${folder}.`, undefined, {
      cause: error,
    });
  }
  return Promise.all(
    entries.map(async (file) => {
      const full = path.join(folder, file);
      const { mtimeMs } = await stat(full);
      return { name: path.parse(file).name, path: full, url: moduleUrl(full, mtimeMs) };
    }),
  );
}

export const moduleUrl = (file: string, version: number): string =>
  `${pathToFileURL(file).href}?v=${Math.trunc(version)}`;

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === "boolean" ||
  (typeof value === "object" && value !== null && !Array.isArray(value));

const positive = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined;

/** Turns a module's exports into a catalog entry, or says why it cannot be one. */
export function toCatalogFunction(
  connection: Connection,
  file: ModuleFile,
  description: ModuleDescription,
): CatalogFunction | string {
  const where = path.basename(file.path);
  if (!description.hasHandler) return `${where}: skipped, it exports no \`handler\` function.`;
  if (description.input !== undefined && !isSchema(description.input)) {
    return `${where}: skipped, its \`input\` export is not a JSON Schema object.`;
  }
  if (description.output !== undefined && !isSchema(description.output)) {
    return `${where}: skipped, its \`output\` export is not a JSON Schema object.`;
  }
  const costHints: CostHints = {};
  const timeoutMs = positive(description.timeoutMs);
  const memoryMb = positive(description.memoryMb);
  if (timeoutMs) costHints.timeoutMs = timeoutMs;
  if (memoryMb) costHints.memoryMb = memoryMb;
  const tags = Array.isArray(description.tags)
    ? description.tags.filter((tag): tag is string => typeof tag === "string")
    : [];
  return {
    name: file.name,
    ref: `${connection.name}/${file.name}`,
    description: typeof description.description === "string" ? description.description : "",
    tags,
    // A module without a schema accepts and returns any JSON until someone annotates it.
    inputSchema: description.input ?? {},
    outputSchema: description.output ?? {},
    schemaSource: "declared",
    costHints,
    locator: { path: file.path, url: file.url },
  };
}
