import { BatonError, buildInput, type TMapping, type TRunContext } from "@baton/model";
import type { TVersion } from "../versions.ts";

/**
 * A step's input: its mapping evaluated against the run, or, with no mapping, its single
 * predecessor's whole output (the run's input after the start node).
 */
export const stepInput = async (
  version: TVersion,
  nodeId: string,
  mapping: TMapping | undefined,
  context: TRunContext,
): Promise<unknown> => {
  if (mapping && Object.keys(mapping).length) return buildInput(mapping, context);
  const sources = [...new Set(version.flow.incoming(nodeId).map((edge) => edge.source))];
  if (sources.length !== 1) {
    throw new BatonError(
      "BAD_INPUT",
      `Step "${nodeId}" has ${sources.length} predecessors and no input mapping, so its input is ambiguous; map its fields.`,
    );
  }
  const source = sources[0]!;
  return source === version.startNode.id ? context.input : context.steps[source]?.output;
};
