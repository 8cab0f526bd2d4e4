import type { TEdge, TNode, TScenario } from "@baton/model";
import {
  branchHandle,
  ERROR_HANDLE,
  NEXT_HANDLE,
  TARGET_HANDLE,
  type TCanvasEdge,
  type TCanvasNode,
  type TScenarioMeta,
  type TStep,
} from "./canvas-types.ts";

export const toCanvasNode = (node: TNode): TCanvasNode => {
  const { position, ...step } = node;
  const drawn = { id: node.id, type: node.kind, position, data: { step: step as TStep } };
  // A scenario has exactly one start; removing it would leave nothing to run.
  return (node.kind === "start" ? { ...drawn, deletable: false } : drawn) as TCanvasNode;
};

export const toCanvasEdge = (edge: TEdge): TCanvasEdge => {
  const ends = {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    targetHandle: TARGET_HANDLE,
  };
  switch (edge.kind) {
    case "next":
      return { ...ends, type: "next", sourceHandle: NEXT_HANDLE, data: {} };
    case "error":
      return { ...ends, type: "error", sourceHandle: ERROR_HANDLE, data: {} };
    case "branch":
      return {
        ...ends,
        type: "branch",
        sourceHandle: branchHandle(edge.branch),
        data: { branch: edge.branch },
      };
  }
};

/** The scenario as React Flow nodes and edges, plus what is not drawn. */
export const toCanvas = (
  scenario: TScenario,
): { meta: TScenarioMeta; nodes: TCanvasNode[]; edges: TCanvasEdge[] } => {
  const { nodes, edges, ...meta } = scenario;
  return { meta, nodes: nodes.map(toCanvasNode), edges: edges.map(toCanvasEdge) };
};
