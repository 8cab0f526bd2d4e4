import type { PrismaClient } from "@baton/db";
import { BatonError, parseScenario, type TScenario } from "@baton/model";
import { scenarioNotFound } from "./scenario-errors.ts";

/**
 * The draft as the editor showed it when someone chose to publish or test it: refused
 * when it changed since (another tab or person saved), so nobody acts on what they did
 * not see.
 */
export const loadCurrentDraft = async (
  prisma: PrismaClient,
  key: { id: string; draftUpdatedAt: Date },
  verb: "publish" | "test",
): Promise<{ id: string; name: string; scenario: TScenario }> => {
  const row = await prisma.scenario.findFirst({
    where: { id: key.id, archivedAt: null },
    select: { id: true, name: true, draft: true, draftUpdatedAt: true },
  });
  if (!row) throw scenarioNotFound(key.id);
  if (row.draftUpdatedAt.getTime() !== key.draftUpdatedAt.getTime()) {
    throw new BatonError(
      "CONFLICT",
      `The draft changed since you opened it (another tab or person saved); reload and ${verb} what you see.`,
    );
  }
  return { id: row.id, name: row.name, scenario: parseScenario(row.draft) };
};
