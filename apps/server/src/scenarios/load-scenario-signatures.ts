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
export const loadScenarioSignatures = async (
  prisma: PrismaClient,
  scenario: TScenario,
): Promise<Record<string, TScenarioSignature>> => {
  const wanted = listNodes(scenario).flatMap(({ node }) =>
    node.kind === "subscenario" ? [node.scenario] : [],
  );
  if (wanted.length === 0) return {};
  const rows = await prisma.scenarioVersion.findMany({
    where: { OR: wanted.map(({ slug, version }) => ({ version, scenario: { slug } })) },
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
