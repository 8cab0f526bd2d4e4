import type { PrismaClient } from "@baton/db";
import { BatonError } from "@baton/model";
import { createScenario } from "./create-scenario.ts";
import { suggestFreeSlug } from "./free-slug.ts";
import { parseScenarioFile } from "./parse-scenario-file.ts";
import type { TImportInput } from "./scenario-inputs.ts";

/** An import whose slug is taken: CONFLICT, with a free slug and name to offer instead. */
const slugTakenOnImport = async (prisma: PrismaClient, slug: string, name: string) => {
  const free = await suggestFreeSlug(prisma, slug, name);
  return new BatonError(
    "CONFLICT",
    `A scenario with the slug "${slug}" already exists; import it under another slug, such as "${free.slug}".`,
    { slug, suggested: free },
  );
};

/**
 * Creates a scenario whose draft is the imported file; the slug and name may be overridden.
 * The file nests no deeper than `maxDepth`, as every other input.
 */
export const importScenario = async (
  prisma: PrismaClient,
  input: TImportInput,
  maxDepth: number,
) => {
  const draft = parseScenarioFile(input.json, "The file", maxDepth);
  const slug = input.slug ?? draft.slug;
  const name = input.name ?? draft.name;
  if (await prisma.scenario.findUnique({ where: { slug }, select: { id: true } })) {
    throw await slugTakenOnImport(prisma, slug, name);
  }
  try {
    return await createScenario(prisma, { slug, name, draft });
  } catch (error) {
    // taken between the look and the insert
    if (error instanceof BatonError && error.code === "CONFLICT") {
      throw await slugTakenOnImport(prisma, slug, name);
    }
    throw error;
  }
};
