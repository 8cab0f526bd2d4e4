import type { PrismaClient } from "@baton/db";

export type TFreeName = { slug: string; name: string };

const SLUG_MAX = 100;

/**
 * The first free "slug-2", "slug-3"… (archived scenarios keep their slugs too), with a name
 * numbered alike: what an import whose slug is taken offers instead.
 */
export const suggestFreeSlug = async (
  prisma: PrismaClient,
  slug: string,
  name: string,
): Promise<TFreeName> => {
  const taken = new Set(
    (
      await prisma.scenario.findMany({
        where: { slug: { startsWith: slug.slice(0, SLUG_MAX - 4) } },
        select: { slug: true },
      })
    ).map((s) => s.slug),
  );
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${slug.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return { slug: candidate, name: `${name} ${n}` };
  }
};
