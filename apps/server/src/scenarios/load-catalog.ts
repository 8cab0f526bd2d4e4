import type { PrismaClient } from "@baton/db";
import { listNodes, type TCatalog, type TScenario } from "@baton/model";
import { effectiveEntry } from "@baton/providers";

/** Every function ref the scenario names, map bodies included. */
export const functionRefs = (scenario: TScenario): string[] => [
  ...new Set(
    listNodes(scenario).flatMap(({ node }) =>
      node.kind === "function" && node.function ? [node.function] : [],
    ),
  ),
];

/**
 * The catalog from the database, for the given refs or all of it, with where each function
 * lives for the designer to show. Functions marked missing are left out on purpose: a
 * scenario using one must not pass the check.
 */
export const loadCatalog = async (
  prisma: PrismaClient,
  refs?: readonly string[],
): Promise<TCatalog> => {
  const rows = await prisma.function.findMany({
    where: { status: "active", ...(refs ? { ref: { in: [...refs] } } : {}) },
    select: {
      ref: true,
      name: true,
      description: true,
      tags: true,
      inputSchema: true,
      outputSchema: true,
      schemaSource: true,
      annotation: true,
      connection: { select: { name: true, provider: true } },
    },
    orderBy: { ref: "asc" },
  });
  const catalog: Record<string, TCatalog[string]> = {};
  for (const row of rows) {
    // the person's annotation wins, read the same way the engine reads it
    const effective = effectiveEntry(row);
    catalog[row.ref] = {
      ref: row.ref,
      name: row.name,
      description: effective.description,
      provider: row.connection.provider,
      connection: row.connection.name,
      inputSchema: effective.inputSchema,
      outputSchema: effective.outputSchema,
    };
  }
  return catalog;
};
