import { BatonError } from "./errors.ts";
import type { TEdge, TEdgeKind, TMapNode, TNode, TStartNode } from "./scenario.ts";

/** A scenario or a map body: anything with nodes and edges. */
export type TGraphLike = { readonly nodes: readonly TNode[]; readonly edges: readonly TEdge[] };

export type TGraphIndex = {
  readonly graph: TGraphLike;
  readonly nodes: ReadonlyMap<string, TNode>;
  /** Only edges whose both ends are nodes of this graph. */
  readonly outgoing: ReadonlyMap<string, readonly TEdge[]>;
  readonly incoming: ReadonlyMap<string, readonly TEdge[]>;
};

const EMPTY: readonly TEdge[] = [];

export const indexGraph = (graph: TGraphLike): TGraphIndex => {
  const nodes = new Map<string, TNode>();
  for (const node of graph.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);
  const outgoing = new Map<string, TEdge[]>();
  const incoming = new Map<string, TEdge[]>();
  for (const edge of graph.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    const out = outgoing.get(edge.source);
    if (out) out.push(edge);
    else outgoing.set(edge.source, [edge]);
    const into = incoming.get(edge.target);
    if (into) into.push(edge);
    else incoming.set(edge.target, [edge]);
  }
  return { graph, nodes, outgoing, incoming };
};

const toIndex = (graph: TGraphLike | TGraphIndex): TGraphIndex =>
  "outgoing" in graph ? graph : indexGraph(graph);

export const outgoingEdges = (graph: TGraphLike | TGraphIndex, nodeId: string): readonly TEdge[] =>
  toIndex(graph).outgoing.get(nodeId) ?? EMPTY;

export const incomingEdges = (graph: TGraphLike | TGraphIndex, nodeId: string): readonly TEdge[] =>
  toIndex(graph).incoming.get(nodeId) ?? EMPTY;

const distinct = (ids: Iterable<string>): string[] => [...new Set(ids)];

/** Ids of the nodes directly after `nodeId`, optionally only along edges of some kinds. */
export const successors = (
  graph: TGraphLike | TGraphIndex,
  nodeId: string,
  kinds?: readonly TEdgeKind[],
): string[] =>
  distinct(
    outgoingEdges(graph, nodeId)
      .filter((edge) => !kinds || kinds.includes(edge.kind))
      .map((edge) => edge.target),
  );

export const predecessors = (
  graph: TGraphLike | TGraphIndex,
  nodeId: string,
  kinds?: readonly TEdgeKind[],
): string[] =>
  distinct(
    incomingEdges(graph, nodeId)
      .filter((edge) => !kinds || kinds.includes(edge.kind))
      .map((edge) => edge.source),
  );

const walk = (
  from: string,
  next: (id: string) => readonly TEdge[],
  end: (edge: TEdge) => string,
): Set<string> => {
  const seen = new Set<string>();
  const stack = [from];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const edge of next(id)) {
      const other = end(edge);
      if (!seen.has(other)) {
        seen.add(other);
        stack.push(other);
      }
    }
  }
  return seen;
};

/** Every node with a path to `nodeId` (not the node itself unless it is on a cycle). */
export const ancestors = (graph: TGraphLike | TGraphIndex, nodeId: string): Set<string> => {
  const index = toIndex(graph);
  return walk(
    nodeId,
    (id) => index.incoming.get(id) ?? EMPTY,
    (edge) => edge.source,
  );
};

/** Every node reachable from `nodeId`: what a rework from `nodeId` supersedes, besides itself. */
export const descendants = (graph: TGraphLike | TGraphIndex, nodeId: string): Set<string> => {
  const index = toIndex(graph);
  return walk(
    nodeId,
    (id) => index.outgoing.get(id) ?? EMPTY,
    (edge) => edge.target,
  );
};

/** Kahn's algorithm: the order of the acyclic part, and the nodes left over on or behind cycles. */
export const sortTopologically = (
  graph: TGraphLike | TGraphIndex,
): { order: string[]; blocked: string[] } => {
  const index = toIndex(graph);
  const pending = new Map<string, number>();
  for (const id of index.nodes.keys()) pending.set(id, index.incoming.get(id)?.length ?? 0);
  const order: string[] = [];
  for (const [id, count] of pending) if (count === 0) order.push(id);
  for (let i = 0; i < order.length; i++) {
    for (const edge of index.outgoing.get(order[i] as string) ?? EMPTY) {
      const left = (pending.get(edge.target) ?? 0) - 1;
      pending.set(edge.target, left);
      if (left === 0) order.push(edge.target);
    }
  }
  const placed = new Set(order);
  return { order, blocked: [...index.nodes.keys()].filter((id) => !placed.has(id)) };
};

/** Node ids so that every edge points forward; throws when the graph has a cycle. */
export const topologicalOrder = (graph: TGraphLike | TGraphIndex): string[] => {
  const { order, blocked } = sortTopologically(graph);
  if (blocked.length > 0) {
    throw new BatonError(
      "BAD_INPUT",
      `The graph has a cycle through ${blocked.join(", ")}; scenarios must not loop back.`,
    );
  }
  return order;
};

/** The strongly connected parts that form cycles (Tarjan), each in graph order. */
export const findCycles = (graph: TGraphLike | TGraphIndex): string[][] => {
  const index = toIndex(graph);
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  // Iterative so that long chains cannot overflow the call stack.
  for (const root of index.nodes.keys()) {
    if (order.has(root)) continue;
    const frames: { id: string; edge: number }[] = [{ id: root, edge: 0 }];
    order.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { id: string; edge: number };
      const edges = index.outgoing.get(frame.id) ?? EMPTY;
      const edge = edges[frame.edge++];
      if (edge) {
        const next = edge.target;
        if (!order.has(next)) {
          order.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          frames.push({ id: next, edge: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, order.get(next) ?? 0));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) !== order.get(frame.id)) continue;
      const component: string[] = [];
      for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
        onStack.delete(id);
        component.push(id);
        if (id === frame.id) break;
      }
      const selfLoop = edges.some((e) => e.target === frame.id);
      if (component.length > 1 || selfLoop) {
        const members = new Set(component);
        cycles.push([...index.nodes.keys()].filter((id) => members.has(id)));
      }
    }
  }
  return cycles;
};

export const startNodeOf = (graph: TGraphLike): TStartNode | undefined =>
  graph.nodes.find((node): node is TStartNode => node.kind === "start");

export type TNodePlace = {
  readonly node: TNode;
  readonly graph: TGraphLike;
  readonly map?: TMapNode;
};

/** Every node of a scenario, map bodies included, with the graph that holds it. */
export const listNodes = (graph: TGraphLike, map?: TMapNode): TNodePlace[] =>
  graph.nodes.flatMap((node) => [
    map ? { node, graph, map } : { node, graph },
    ...(node.kind === "map" ? listNodes(node.body, node) : []),
  ]);

export const findNode = (graph: TGraphLike, nodeId: string): TNodePlace | undefined =>
  listNodes(graph).find((place) => place.node.id === nodeId);
