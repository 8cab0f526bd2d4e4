import { useMemo } from "react";
import { fromCanvas } from "../canvas/from-canvas.ts";
import { useChecks } from "../check/use-checks.ts";
import { scenarioInputSchema } from "../model.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { referenceCandidates, type TCandidate } from "./reference-candidates.ts";
import { type TUpstreamSource, upstreamSources } from "./upstream-sources.ts";

/**
 * What a step can read (for the data tree) and every reference into it (for autocomplete).
 * Recomputed when the check re-runs, which every graph edit triggers; moving nodes does not.
 */
export const useUpstream = (
  nodeId: string,
): { sources: TUpstreamSource[]; candidates: TCandidate[] } => {
  const { store } = useDesignerContext();
  const analysis = useChecks((s) => s.analysis);
  return useMemo(() => {
    const { meta, nodes, edges } = store.getState();
    const sources = upstreamSources(
      nodes,
      edges,
      nodeId,
      (id) => analysis?.outputSchema(id),
      scenarioInputSchema(fromCanvas(meta, nodes, edges)),
    );
    return { sources, candidates: referenceCandidates(sources) };
  }, [store, analysis, nodeId]);
};
