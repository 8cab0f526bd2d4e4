import type { PrismaClient } from "@baton/db";
import {
  analyzeScenario,
  listNodes,
  scenarioInputSchema,
  scenarioKey,
  type TCatalog,
  type TScenario,
  type TScenarioSignature,
} from "@baton/model";

/**
 * The contracts of the published scenarios a scenario calls as subscenarios, each read
 * from the version's own definition and frozen catalog, so a later catalog change cannot
 * alter what a published version promises.
 */
export const loadScenarioSignatures = (
  prisma: PrismaClient,
  scenario: TScenario,
): Promise<Record<string, TScenarioSignature>> =>
  loadSignatures(
    prisma,
    listNodes(scenario).flatMap(({ node }) => (node.kind === "subscenario" ? [node.scenario] : [])),
  );

/** The contracts of the given published versions, by `slug@version`; unknown ones are left out. */
export const loadSignatures = async (
  prisma: PrismaClient,
  wanted: readonly { slug: string; version: number }[],
): Promise<Record<string, TScenarioSignature>> => {
  if (wanted.length === 0) return {};
  const rows = await prisma.scenarioVersion.findMany({
    where: {
      test: false,
      OR: wanted.map(({ slug, version }) => ({ version, scenario: { slug } })),
    },
    select: {
      version: true,
      definition: true,
      catalog: true,
      scenario: { select: { slug: true } },
    },
  });
  const signatures: Record<string, TScenarioSignature> = {};
  for (const row of rows) {
    const definition = row.definition as TScenario;
    const end = definition.nodes.find((node) => node.kind === "end");
    const analysis = analyzeScenario(definition, row.catalog as TCatalog);
    signatures[scenarioKey(row.scenario.slug, row.version)] = {
      inputSchema: scenarioInputSchema(definition),
      outputSchema: (end && analysis.outputSchema(end.id)) ?? true,
    };
  }
  return signatures;
};
