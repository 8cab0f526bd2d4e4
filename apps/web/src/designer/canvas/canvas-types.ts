import type { TNode, TNodeKind, TScenario } from "@baton/model";
import type { Edge, Node } from "@xyflow/react";

/** A model node without its position: on the canvas the position lives on the React Flow node. */
export type TStep<K extends TNodeKind = TNodeKind> = K extends TNodeKind
  ? Omit<Extract<TNode, { kind: K }>, "position">
  : never;

export type TStepData<K extends TNodeKind = TNodeKind> = { step: TStep<K> };

export type TCanvasNode<K extends TNodeKind = TNodeKind> = K extends TNodeKind
  ? Node<TStepData<K>, K>
  : never;

export type TBranchData = { branch: string };

export type TCanvasEdge =
  | Edge<Record<string, never>, "next">
  | Edge<Record<string, never>, "error">
  | Edge<TBranchData, "branch">;

/** Everything of a scenario that is not the graph. */
export type TScenarioMeta = Omit<TScenario, "nodes" | "edges">;

export const NEXT_HANDLE = "next";
export const ERROR_HANDLE = "error";
export const TARGET_HANDLE = "in";
const BRANCH_PREFIX = "branch:";

export const branchHandle = (branch: string): string => `${BRANCH_PREFIX}${branch}`;

export const branchOfHandle = (handle: string | null | undefined): string | undefined =>
  handle?.startsWith(BRANCH_PREFIX) ? handle.slice(BRANCH_PREFIX.length) : undefined;
