import {
  BatonError,
  checkScenario,
  formatDiagnostics,
  type TCatalog,
  ZCatalog,
} from "@baton/model";
import { createLocalProvider, createProviderRegistry } from "@baton/providers";
import { z } from "zod";
import { loadConfig } from "../config.ts";
import { readJsonFile } from "./read-json-file.ts";

/** The local functions folder as a catalog, discovered the way `baton start` does. */
const discoverLocalCatalog = async (folder: string): Promise<TCatalog> => {
  const registry = createProviderRegistry([createLocalProvider({ poolSize: 1 })]);
  try {
    const { functions } = await registry.discover({
      name: "examples",
      provider: "local",
      config: { folder },
    });
    return Object.fromEntries(functions.map((f) => [f.ref, f]));
  } finally {
    await registry.close();
  }
};

/**
 * `baton check scenario.json`: every diagnostic of the scenario against a catalog file, or
 * against the local functions folder. Exits 1 when there are errors.
 */
export const checkCommand = async (file: string, options: { catalog?: string; json?: boolean }) => {
  const scenario = await readJsonFile(file, "scenario");
  let catalog: TCatalog;
  if (options.catalog) {
    const parsed = ZCatalog.safeParse(await readJsonFile(options.catalog, "catalog"));
    if (!parsed.success) {
      throw new BatonError(
        "BAD_INPUT",
        `the catalog ${options.catalog} is not a catalog (ref → {ref, name, inputSchema, outputSchema}):\n${z.prettifyError(parsed.error)}`,
      );
    }
    catalog = parsed.data;
  } else {
    catalog = await discoverLocalCatalog(loadConfig().functionsDir);
  }
  const diagnostics = checkScenario(scenario, catalog);
  console.log(options.json ? JSON.stringify(diagnostics, null, 2) : formatDiagnostics(diagnostics));
  process.exitCode = diagnostics.some((d) => d.severity === "error") ? 1 : 0;
};
