import { isDeepStrictEqual } from "node:util";
import type { Prisma, PrismaClient } from "@baton/db";
import type { TScenario } from "@baton/model";
import { createScenario } from "../scenarios/create-scenario.ts";
import { publishScenario } from "../scenarios/publish-scenario.ts";

/**
 * Makes a scenario definition runnable: its draft becomes the definition, and it is
 * published (after the authoritative check) unless the latest version is the same
 * definition already. Returns the version to run.
 */
export const publishDefinition = async (
  prisma: PrismaClient,
  scenario: TScenario,
): Promise<{ versionId: string; version: number; published: boolean }> => {
  const { version: _ignored, ...definition } = scenario;
  let row = await prisma.scenario.findUnique({
    where: { slug: definition.slug },
    select: {
      id: true,
      draftUpdatedAt: true,
      versions: { where: { test: false }, orderBy: { version: "desc" }, take: 1 },
    },
  });
  const latest = row?.versions[0];
  if (latest) {
    const { version: _v, ...published } = latest.definition as TScenario;
    if (isDeepStrictEqual(published, definition))
      return { versionId: latest.id, version: latest.version, published: false };
  }
  if (!row) {
    const created = await createScenario(prisma, {
      slug: definition.slug,
      name: definition.name,
      draft: definition,
    });
    row = { ...created, versions: [] };
  } else {
    row.draftUpdatedAt = (
      await prisma.scenario.update({
        where: { id: row.id },
        data: { draft: definition as Prisma.InputJsonValue, draftUpdatedAt: new Date() },
        select: { draftUpdatedAt: true },
      })
    ).draftUpdatedAt;
  }
  const version = await publishScenario(
    prisma,
    { id: row.id, draftUpdatedAt: row.draftUpdatedAt, note: "baton run" },
    {
      audit: ({ scenarioId, versionId, version }) => ({
        actorId: null,
        action: "scenario.publish",
        target: scenarioId,
        data: { versionId, version, via: "cli" },
      }),
    },
  );
  return { versionId: version.id, version: version.version, published: true };
};
