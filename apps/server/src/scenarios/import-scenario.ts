import type { PrismaClient } from "@baton/db";
import { createScenario } from "./create-scenario.ts";
import { parseScenarioFile } from "./parse-scenario-file.ts";
import type { TImportInput } from "./scenario-inputs.ts";

/** Creates a scenario whose draft is the imported file; the slug and name may be overridden. */
export const importScenario = (prisma: PrismaClient, input: TImportInput) => {
  const draft = parseScenarioFile(input.json);
  return createScenario(prisma, {
    slug: input.slug ?? draft.slug,
    name: input.name ?? draft.name,
    draft,
  });
};
