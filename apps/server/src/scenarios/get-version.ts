import type { PrismaClient } from "@baton/db";
import { BatonError, type TCatalog, type TScenario } from "@baton/model";
import type { TVersionKey } from "./scenario-inputs.ts";

/** One published version: the definition that runs and the catalog it was checked against. */
export const getVersion = async (prisma: PrismaClient, key: TVersionKey) => {
  const row = await prisma.scenarioVersion.findUnique({
    where: { scenarioId_test_version: { scenarioId: key.id, test: false, version: key.version } },
    select: {
      id: true,
      version: true,
      note: true,
      publishedAt: true,
      definition: true,
      catalog: true,
      publishedBy: { select: { id: true, name: true } },
      scenario: { select: { id: true, slug: true, name: true } },
    },
  });
  if (!row) {
    throw new BatonError("NOT_FOUND", `Scenario ${key.id} has no version ${key.version}.`);
  }
  // Both were validated when the version was published, and a version never changes.
  return { ...row, definition: row.definition as TScenario, catalog: row.catalog as TCatalog };
};
