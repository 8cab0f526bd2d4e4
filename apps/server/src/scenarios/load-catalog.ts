import type { PrismaClient } from "@baton/db";
import { z } from "zod";
import { listNodes, type TScenario } from "./model.ts";

/** One function as the check sees it: the schemas in force, after the user's annotation. */
export type TCatalogEntry = {
  ref: string;
  name: string;
  inputSchema: unknown;
  outputSchema: unknown;
};

export type TCatalog = Record<string, TCatalogEntry>;

// The same shape the providers use for annotations: a person's schemas win over discovered ones.
const ZAnnotation = z.looseObject({
  input: z.unknown().optional(),
  output: z.unknown().optional(),
});

const annotationOf = (value: unknown) => {
  const parsed = ZAnnotation.safeParse(value);
  return parsed.success ? parsed.data : {};
};

/** Every function ref the scenario names, map bodies included. */
export const functionRefs = (scenario: TScenario): string[] => [
  ...new Set(
    listNodes(scenario).flatMap(({ node }) =>
      node.kind === "function" && node.function ? [node.function] : [],
    ),
  ),
];

/**
 * The catalog from the database, for the given refs or all of it. Functions marked missing
 * are left out on purpose: a scenario using one must not pass the check.
 */
export const loadCatalog = async (
  prisma: PrismaClient,
  refs?: readonly string[],
): Promise<TCatalog> => {
  const rows = await prisma.function.findMany({
    where: { status: "active", ...(refs ? { ref: { in: [...refs] } } : {}) },
    select: { ref: true, name: true, inputSchema: true, outputSchema: true, annotation: true },
    orderBy: { ref: "asc" },
  });
  const catalog: TCatalog = {};
  for (const row of rows) {
    const annotation = annotationOf(row.annotation);
    catalog[row.ref] = {
      ref: row.ref,
      name: row.name,
      inputSchema: annotation.input ?? row.inputSchema,
      outputSchema: annotation.output ?? row.outputSchema,
    };
  }
  return catalog;
};
