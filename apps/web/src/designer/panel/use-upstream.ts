import { INDEX_SCHEMA, scenarioInputSchema } from "@baton/model";
import { useMemo } from "react";
import { useChecks } from "../check/use-checks.ts";
import { composeScenario } from "../store/compose-scenario.ts";
import { useDesigner } from "../use-designer.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { referenceCandidates, type TCandidate } from "./reference-candidates.ts";
import { type TUpstreamSource, upstreamSources } from "./upstream-sources.ts";

/**
 * What a step can read (for the data tree) and every reference into it (for autocomplete):
 * the scenario input, earlier steps around any map it is in, the map's item and index, and
 * earlier steps beside it. Recomputed when the check re-runs, which every graph edit
 * triggers; moving nodes does not.
 */
export const useUpstream = (
  nodeId: string,
): { sources: TUpstreamSource[]; candidates: TCandidate[] } => {
  const { store } = useDesignerContext();
  const analysis = useChecks((s) => s.analysis);
  const frames = useDesigner((s) => s.frames);
  return useMemo(() => {
    const state = store.getState();
    const schemaOf = (id: string) => analysis?.outputSchema(id);
    const input = scenarioInputSchema(composeScenario(state));
    const outer = state.frames.flatMap((frame) =>
      upstreamSources(frame.nodes, frame.edges, frame.mapId, schemaOf, input).slice(1),
    );
    const start = state.nodes.find((n) => n.type === "start");
    const item: TUpstreamSource[] =
      frames.length > 0 && start
        ? [
            { ref: "item", label: "Item", schema: schemaOf(start.id) ?? true },
            { ref: "index", label: "Index", schema: INDEX_SCHEMA },
          ]
        : [];
    const [scenarioInput, ...inner] = upstreamSources(
      state.nodes,
      state.edges,
      nodeId,
      schemaOf,
      input,
    );
    const sources = [...(scenarioInput ? [scenarioInput] : []), ...outer, ...item, ...inner];
    return { sources, candidates: referenceCandidates(sources) };
  }, [store, analysis, frames, nodeId]);
};
