import type { Prisma, PrismaClient } from "@baton/db";
import type { TScenario } from "@baton/model";
import { initialDraft } from "./initial-draft.ts";
import { isUniqueViolation, slugTaken } from "./scenario-errors.ts";

export type TNewScenario = {
  name: string;
  slug: string;
  description?: string | undefined;
  /** The first draft; a start wired to an end when left out. */
  draft?: TScenario;
};

/** Creates a scenario with its first draft; the slug must be free. */
export const createScenario = async (prisma: PrismaClient, input: TNewScenario) => {
  const description = input.description ?? input.draft?.description ?? "";
  // A draft has no version number: versions are given when publishing.
  const { version: _version, ...start } = input.draft ?? initialDraft(input.name, input.slug);
  const draft: TScenario = {
    ...start,
    slug: input.slug,
    name: input.name,
    ...(description ? { description } : {}),
  };
  try {
    return await prisma.scenario.create({
      data: {
        slug: input.slug,
        name: input.name,
        description,
        draft: draft as Prisma.InputJsonValue,
      },
      select: { id: true, slug: true, name: true, draftUpdatedAt: true },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(input.slug);
    throw error;
  }
};
