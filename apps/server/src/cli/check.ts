import {
  BatonError,
  checkScenario,
  formatDiagnostics,
  type TCatalog,
  ZCatalog,
} from "@baton/model";
import { discoverLocalCatalog } from "@baton/providers/local";
import { z } from "zod";
import { demoConnectionName } from "../catalog/demo-connection.ts";
import { loadConfig } from "../config.ts";
import { readJsonFile } from "./read-json-file.ts";

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
    catalog = await discoverLocalCatalog(loadConfig().functionsDir, demoConnectionName);
  }
  const diagnostics = checkScenario(scenario, catalog);
  console.log(options.json ? JSON.stringify(diagnostics, null, 2) : formatDiagnostics(diagnostics));
  process.exitCode = diagnostics.some((d) => d.severity === "error") ? 1 : 0;
};
