import type { Prisma, PrismaClient } from "@baton/db";
import { BatonError } from "@baton/model";
import { scenarioNotFound } from "./scenario-errors.ts";
import type { TSaveDraftInput } from "./scenario-inputs.ts";

/**
 * Replaces the draft only when it is still the one the editor loaded, so two tabs never
 * overwrite each other silently: the second save gets CONFLICT and must reload.
 */
export const saveDraft = async (prisma: PrismaClient, input: TSaveDraftInput) => {
  const current = await prisma.scenario.findFirst({
    where: { id: input.id, archivedAt: null },
    select: { slug: true },
  });
  if (!current) throw scenarioNotFound(input.id);
  if (input.draft.slug !== current.slug) {
    throw new BatonError(
      "BAD_INPUT",
      `The draft's slug "${input.draft.slug}" is not this scenario's ("${current.slug}"); a slug cannot change — import the file as a new scenario instead.`,
    );
  }
  const { version: _published, ...draft } = input.draft;
  const draftUpdatedAt = new Date();
  const { count } = await prisma.scenario.updateMany({
    where: { id: input.id, draftUpdatedAt: input.draftUpdatedAt },
    data: {
      draft: draft as Prisma.InputJsonValue,
      name: draft.name,
      description: draft.description ?? "",
      draftUpdatedAt,
    },
  });
  if (count === 0) {
    throw new BatonError(
      "CONFLICT",
      "This draft was changed elsewhere (another tab or person) since you opened it; reload to see those changes.",
    );
  }
  return { draftUpdatedAt };
};
