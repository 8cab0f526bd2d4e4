import { listNodes, scenarioKey, type TScenario } from "@baton/model";

export type TScenarioRef = { slug: string; version: number };

/** The published versions a scenario's subscenario steps call, map bodies included, once each. */
export const subscenarioRefs = (scenario: TScenario): TScenarioRef[] => {
  const refs = new Map<string, TScenarioRef>();
  for (const { node } of listNodes(scenario)) {
    if (node.kind !== "subscenario") continue;
    const { slug, version } = node.scenario;
    refs.set(scenarioKey(slug, version), { slug, version });
  }
  return [...refs.values()];
};
