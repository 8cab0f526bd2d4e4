import type { PrismaClient } from "@baton/db";
import type { TScenario } from "@baton/model";
import { scenarioNotFound } from "./scenario-errors.ts";
import type { TScenarioKey } from "./scenario-inputs.ts";

/** A scenario as the designer opens it: its draft and the list of its published versions. */
export const getScenario = async (prisma: PrismaClient, key: TScenarioKey) => {
  const row = await prisma.scenario.findFirst({
    where: { ...key, archivedAt: null },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      draft: true,
      draftUpdatedAt: true,
      createdAt: true,
      updatedAt: true,
      versions: {
        where: { test: false },
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          note: true,
          publishedAt: true,
          publishedBy: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!row) throw scenarioNotFound("id" in key ? key.id : `"${key.slug}"`);
  // Every draft was validated against ZScenario when it was written.
  return { ...row, draft: row.draft as TScenario };
};
