import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@baton/db";
import { createScenario } from "./create-scenario.ts";
import { parseScenarioFile } from "./parse-scenario-file.ts";

export type TExampleImportReport = { imported: string[]; problems: string[] };

/**
 * On a first start (no scenarios at all), the example scenarios become drafts, so there is
 * something to open, check and run. A bad file is reported, never fatal to the start.
 */
export const importExampleScenarios = async (
  prisma: PrismaClient,
  folder: string,
): Promise<TExampleImportReport> => {
  const report: TExampleImportReport = { imported: [], problems: [] };
  if ((await prisma.scenario.count()) > 0) return report;
  const files = await readdir(folder).catch(() => [] as string[]);
  for (const file of files.filter((name) => name.endsWith(".json")).sort()) {
    try {
      const text = await readFile(path.join(folder, file), "utf8");
      const draft = parseScenarioFile(text, file);
      await createScenario(prisma, { slug: draft.slug, name: draft.name, draft });
      report.imported.push(draft.slug);
    } catch (error) {
      report.problems.push(`${file}: ${(error as Error).message}`);
    }
  }
  return report;
};
