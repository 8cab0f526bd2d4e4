import type { PrismaClient } from "@baton/db";
import { listNodes, type TCatalog, type TJsonSchema, type TScenario } from "@baton/model";
import { z } from "zod";

// The same shape the providers use for annotations: a person's schemas win over discovered ones.
const ZAnnotation = z.looseObject({
  input: z.unknown().optional(),
  output: z.unknown().optional(),
});

const annotationOf = (value: unknown) => {
  const parsed = ZAnnotation.safeParse(value);
  return parsed.success ? parsed.data : {};
};

const isSchema = (value: unknown): value is TJsonSchema =>
  typeof value === "boolean" ||
  (typeof value === "object" && value !== null && !Array.isArray(value));

// A stored schema of the wrong shape accepts anything rather than breaking every check.
const schemaOr = (preferred: unknown, stored: unknown): TJsonSchema =>
  isSchema(preferred) ? preferred : isSchema(stored) ? stored : {};

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
      inputSchema: true,
      outputSchema: true,
      annotation: true,
      connection: { select: { name: true, provider: true } },
    },
    orderBy: { ref: "asc" },
  });
  const catalog: Record<string, TCatalog[string]> = {};
  for (const row of rows) {
    const annotation = annotationOf(row.annotation);
    catalog[row.ref] = {
      ref: row.ref,
      name: row.name,
      description: row.description,
      provider: row.connection.provider,
      connection: row.connection.name,
      inputSchema: schemaOr(annotation.input, row.inputSchema),
      outputSchema: schemaOr(annotation.output, row.outputSchema),
    };
  }
  return catalog;
};
