import type { PrismaClient } from "@baton/db";
import { z } from "zod";

// Only what naming a step needs; the version was fully checked when published.
type TLabelledNodes = { nodes: { id: string; label: string; body?: TLabelledNodes }[] };
const ZLabelledNodes: z.ZodType<TLabelledNodes> = z.looseObject({
  nodes: z.array(
    z.looseObject({
      id: z.string(),
      label: z.string(),
      get body() {
        return ZLabelledNodes.optional();
      },
    }),
  ),
});

const collect = (graph: TLabelledNodes, into: Map<string, string>): Map<string, string> => {
  for (const node of graph.nodes) {
    into.set(node.id, node.label);
    if (node.body) collect(node.body, into);
  }
  return into;
};

/** Each step's label by node id (map bodies included) in a published definition. */
export const stepLabelsOf = (definition: unknown): Map<string, string> => {
  const parsed = ZLabelledNodes.safeParse(definition);
  return parsed.success ? collect(parsed.data, new Map()) : new Map();
};

/** The step labels of some scenario versions, by version id: one read per version. */
export const loadStepLabels = async (
  prisma: PrismaClient,
  versionIds: readonly string[],
): Promise<Map<string, Map<string, string>>> => {
  const versions = await prisma.scenarioVersion.findMany({
    where: { id: { in: [...new Set(versionIds)] } },
    select: { id: true, definition: true },
  });
  return new Map(versions.map((v) => [v.id, stepLabelsOf(v.definition)]));
};
