import {
  ancestors,
  indexGraph,
  STEP_ERROR_SCHEMA,
  type TEdge,
  type TJsonSchema,
  type TNode,
} from "@baton/model";
import type { TCanvasEdge, TCanvasNode } from "../canvas/canvas-types.ts";

/** Somewhere a step can read from: the scenario input, or an earlier step's output or error. */
export type TUpstreamSource = {
  /** The reference prefix: `input`, `steps.createUser.output`, `steps.charge.error`. */
  readonly ref: string;
  readonly label: string;
  readonly schema: TJsonSchema;
};

type TSchemaOf = (nodeId: string) => TJsonSchema | undefined;

/**
 * What `nodeId` may read: the scenario input and every ancestor's output (and its error
 * when `nodeId` lies behind that ancestor's error edge). Siblings on parallel branches are not ancestors, so they
 * are not offered — the check would refuse them.
 */
export const upstreamSources = (
  nodes: readonly TCanvasNode[],
  edges: readonly TCanvasEdge[],
  nodeId: string,
  outputSchema: TSchemaOf,
  inputSchema: TJsonSchema,
): TUpstreamSource[] => {
  const graph = indexGraph({
    nodes: nodes.map((n) => ({ ...n.data.step, position: n.position }) as TNode),
    edges: edges.map(
      (e) => ({ id: e.id, source: e.source, target: e.target, kind: "next" }) as TEdge,
    ),
  });
  const before = ancestors(graph, nodeId);
  // An error exists only downstream of the error edge that carries it.
  const failing = new Set(
    edges
      .filter((e) => e.type === "error" && (e.target === nodeId || before.has(e.target)))
      .map((e) => e.source),
  );
  const sources: TUpstreamSource[] = [
    { ref: "input", label: "Scenario input", schema: inputSchema },
  ];
  for (const node of nodes) {
    if (!before.has(node.id) || node.type === "start" || node.id === nodeId) continue;
    const step = node.data.step;
    sources.push({
      ref: `steps.${node.id}.output`,
      label: step.label,
      schema: outputSchema(node.id) ?? true,
    });
    if (failing.has(node.id)) {
      sources.push({
        ref: `steps.${node.id}.error`,
        label: `${step.label} (error)`,
        schema: STEP_ERROR_SCHEMA,
      });
    }
  }
  return sources;
};
