import type { TEdge, TNode } from "@baton/model";

/** Nodes and edges of test scenarios, one line each. */

const at = { x: 0, y: 0 };
export const start = (inputSchema?: Record<string, unknown>): TNode => ({
  id: "start",
  kind: "start",
  label: "Start",
  position: at,
  ...(inputSchema ? { inputSchema } : {}),
});
export const end = (output?: Record<string, { ref: string }>): TNode => ({
  id: "end",
  kind: "end",
  label: "End",
  position: at,
  ...(output ? { output } : {}),
});
export const fn = (
  id: string,
  name: string,
  input?: Record<string, { ref: string } | { literal: unknown } | { expr: string }>,
  extra: Partial<Extract<TNode, { kind: "function" }>> = {},
): TNode => ({
  id,
  kind: "function",
  label: id,
  position: at,
  function: `t/${name}`,
  ...(input ? { input: input as never } : {}),
  ...extra,
});
export const manual = (
  id: string,
  extra: Partial<Extract<TNode, { kind: "manual" }>> = {},
): TNode => ({
  id,
  kind: "manual",
  label: id,
  title: id,
  position: at,
  assignees: { roles: [], users: [] },
  ...extra,
});
export const next = (source: string, target: string): TEdge => ({
  id: `${source}->${target}`,
  kind: "next",
  source,
  target,
});
export const errorEdge = (source: string, target: string): TEdge => ({
  id: `${source}!>${target}`,
  kind: "error",
  source,
  target,
});
export const branch = (source: string, target: string, name: string): TEdge => ({
  id: `${source}-${name}->${target}`,
  kind: "branch",
  source,
  target,
  branch: name,
});
