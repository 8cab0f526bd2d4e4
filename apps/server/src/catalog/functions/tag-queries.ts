import type { PrismaClient } from "@baton/db";

// A function's tags are its annotation's when it has some, else the discovered ones.
const EFFECTIVE_TAGS = `coalesce("annotation"->'tags', to_jsonb("tags"))`;

/** The ids of functions that carry `tag`, annotations considered. */
export const functionIdsWithTag = async (prisma: PrismaClient, tag: string): Promise<string[]> => {
  const rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT "id"::text AS id FROM "Function" WHERE ${EFFECTIVE_TAGS} ? $1`,
    tag,
  );
  return rows.map((r) => r.id);
};

/** Every tag active functions carry, annotations considered, sorted. */
export const listTags = async (prisma: PrismaClient): Promise<string[]> => {
  const rows = await prisma.$queryRawUnsafe<{ tag: string }[]>(
    `SELECT DISTINCT jsonb_array_elements_text(${EFFECTIVE_TAGS}) AS tag
     FROM "Function" WHERE "status" = 'active' ORDER BY tag`,
  );
  return rows.map((r) => r.tag);
};
