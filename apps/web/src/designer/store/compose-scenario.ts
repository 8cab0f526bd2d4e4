import type { TGraph, TScenario } from "@baton/model";
import type { TCanvasEdge, TCanvasNode, TScenarioMeta } from "../canvas/canvas-types.ts";
import { fromCanvasEdge, fromCanvasNode } from "../canvas/from-canvas.ts";

/** A graph the canvas left to edit a map's body, kept as it was drawn. */
export type TFrame = {
  readonly mapId: string;
  readonly nodes: readonly TCanvasNode[];
  readonly edges: readonly TCanvasEdge[];
};

const graphOf = (nodes: readonly TCanvasNode[], edges: readonly TCanvasEdge[]): TGraph => ({
  nodes: nodes.map(fromCanvasNode),
  edges: edges.map(fromCanvasEdge),
});

/**
 * The whole graph while the canvas shows a map body: the drawn graph goes in as the body
 * of the innermost map, that map into its parent, and so on up to the scenario.
 */
export const composeGraph = (
  frames: readonly TFrame[],
  nodes: readonly TCanvasNode[],
  edges: readonly TCanvasEdge[],
): TGraph => {
  let inner = graphOf(nodes, edges);
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i] as TFrame;
    const body = inner;
    const outer = graphOf(frame.nodes, frame.edges);
    inner = {
      nodes: outer.nodes.map((n) =>
        n.id === frame.mapId && n.kind === "map" ? { ...n, body } : n,
      ),
      edges: outer.edges,
    };
  }
  return inner;
};

/** The scenario the designer holds, whichever graph the canvas shows. */
export const composeScenario = (state: {
  meta: TScenarioMeta;
  frames: readonly TFrame[];
  nodes: readonly TCanvasNode[];
  edges: readonly TCanvasEdge[];
}): TScenario => ({ ...state.meta, ...composeGraph(state.frames, state.nodes, state.edges) });
