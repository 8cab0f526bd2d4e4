import { type TScenario, ZScenario } from "@baton/model";

const parsed = new Map<string, TScenario | undefined>();

/**
 * The graph of a published version, parsed once per version: it never changes, while the
 * run around it is refetched many times.
 */
export const scenarioOfVersion = (version: {
  id: string;
  definition: unknown;
}): TScenario | undefined => {
  if (!parsed.has(version.id)) {
    const result = ZScenario.safeParse(version.definition);
    parsed.set(version.id, result.success ? result.data : undefined);
  }
  return parsed.get(version.id);
};
