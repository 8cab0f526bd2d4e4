import type { PrismaClient } from "@baton/db";
import { createScenario } from "./create-scenario.ts";
import { parseScenarioFile } from "./parse-scenario-file.ts";
import type { TImportInput } from "./scenario-inputs.ts";

/**
 * Creates a scenario whose draft is the imported file; the slug and name may be overridden.
 * The file nests no deeper than `maxDepth`, as every other input.
 */
export const importScenario = (prisma: PrismaClient, input: TImportInput, maxDepth: number) => {
  const draft = parseScenarioFile(input.json, "The file", maxDepth);
  return createScenario(prisma, {
    slug: input.slug ?? draft.slug,
    name: input.name ?? draft.name,
    draft,
  });
};
