import type { PrismaClient } from "@baton/db";
import type { TScenario } from "@baton/model";
import { getScenario } from "./get-scenario.ts";
import { getVersion } from "./get-version.ts";
import type { TExportInput } from "./scenario-inputs.ts";

export type TScenarioExport = { fileName: string; scenario: TScenario };

/** The draft or a published version as a baton.scenario/v1 document, ready to save as a file. */
export const exportScenario = async (
  prisma: PrismaClient,
  input: TExportInput,
): Promise<TScenarioExport> => {
  if (input.version === undefined) {
    const { draft } = await getScenario(prisma, { id: input.id });
    return { fileName: `${draft.slug}.draft.json`, scenario: draft };
  }
  const { definition } = await getVersion(prisma, { id: input.id, version: input.version });
  return {
    fileName: `${definition.slug}.v${input.version}.json`,
    scenario: { ...definition, version: input.version },
  };
};
