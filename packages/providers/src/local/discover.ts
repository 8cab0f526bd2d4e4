import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { BatonError } from "@baton/model";
import { type FoundFunction, toCatalogEntry } from "../shared/catalog.ts";
import type { CatalogFunction, Connection, CostHints, JsonSchema } from "../types.ts";
import type { ModuleDescription } from "./protocol.ts";

const moduleFile = /^(?![._])(?!.*\.(test|spec|d)\.[cm]?[jt]s$).+\.(ts|mts|js|mjs)$/;

/** `version` is the file's mtime; it changes the module URL, so an edited file reloads. */
export type ModuleFile = { name: string; path: string; version: number; url: string };

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
      const version = Math.trunc(mtimeMs);
      return { name: path.parse(file).name, path: full, version, url: moduleUrl(full, version) };
    }),
  );
}

export const moduleUrl = (file: string, version: number): string =>
  `${pathToFileURL(file).href}?v=${version}`;

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === "boolean" ||
  (typeof value === "object" && value !== null && !Array.isArray(value));

const positive = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined;

/** Turns a module's exports into a catalog entry; what is wrong goes to `problems`. */
export function toCatalogFunction(
  connection: Connection,
  file: ModuleFile,
  description: ModuleDescription,
  problems: string[],
): CatalogFunction | undefined {
  const where = path.basename(file.path);
  if (!description.hasHandler) {
    problems.push(`${where}: skipped, it exports no \`handler\` function.`);
    return undefined;
  }
  for (const side of ["input", "output"] as const) {
    if (description[side] !== undefined && !isSchema(description[side])) {
      problems.push(`${where}: skipped, its \`${side}\` export is not a JSON Schema object.`);
      return undefined;
    }
  }
  const costHints: CostHints = {};
  const timeoutMs = positive(description.timeoutMs);
  const memoryMb = positive(description.memoryMb);
  if (timeoutMs) costHints.timeoutMs = timeoutMs;
  if (memoryMb) costHints.memoryMb = memoryMb;
  const found: FoundFunction = {
    name: file.name,
    description: typeof description.description === "string" ? description.description : "",
    tags: Array.isArray(description.tags)
      ? description.tags.filter((tag): tag is string => typeof tag === "string")
      : [],
    declared: {
      ...(isSchema(description.input) ? { input: description.input } : {}),
      ...(isSchema(description.output) ? { output: description.output } : {}),
    },
    costHints,
    locator: { path: file.path, version: file.version },
  };
  return toCatalogEntry(connection, found, undefined, problems);
}
