import type { Prisma } from "@baton/db";

export type TFunctionUser = { slug: string; name: string; refs: string[] };

/** Every function ref named by a node anywhere in a definition (map bodies included), read leniently. */
const refsIn = (definition: unknown, into: Set<string>): Set<string> => {
  if (Array.isArray(definition)) {
    for (const item of definition) refsIn(item, into);
  } else if (typeof definition === "object" && definition !== null) {
    const node = definition as Record<string, unknown>;
    if (node.kind === "function" && typeof node.function === "string") into.add(node.function);
    for (const value of Object.values(node)) refsIn(value, into);
  }
  return into;
};

/**
 * The scenarios whose draft or any published version uses one of the given functions. A
 * published version counts because it can still be run.
 */
export const findFunctionUsers = async (
  prisma: Prisma.TransactionClient,
  refs: readonly string[],
): Promise<TFunctionUser[]> => {
  if (refs.length === 0) return [];
  const wanted = new Set(refs);
  const scenarios = await prisma.scenario.findMany({
    where: { archivedAt: null },
    select: {
      slug: true,
      name: true,
      draft: true,
      versions: { where: { test: false }, select: { definition: true } },
    },
    orderBy: { slug: "asc" },
  });
  const users: TFunctionUser[] = [];
  for (const scenario of scenarios) {
    const used = refsIn(scenario.draft, new Set());
    for (const version of scenario.versions) refsIn(version.definition, used);
    const hits = [...used].filter((ref) => wanted.has(ref)).sort();
    if (hits.length > 0) users.push({ slug: scenario.slug, name: scenario.name, refs: hits });
  }
  return users;
};
