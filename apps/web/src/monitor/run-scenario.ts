import type { TNodeKind, TScenario } from "@baton/model";

// Typed by the model's node kinds, so a new kind cannot be forgotten here.
const KINDS: Record<TNodeKind, true> = {
  start: true,
  end: true,
  function: true,
  manual: true,
  choice: true,
  map: true,
  wait: true,
  subscenario: true,
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isNode = (node: unknown): boolean =>
  isRecord(node) &&
  typeof node.id === "string" &&
  typeof node.label === "string" &&
  typeof node.kind === "string" &&
  node.kind in KINDS &&
  isRecord(node.position) &&
  typeof node.position.x === "number" &&
  typeof node.position.y === "number";

const isEdge = (edge: unknown): boolean =>
  isRecord(edge) &&
  typeof edge.id === "string" &&
  typeof edge.source === "string" &&
  typeof edge.target === "string";

/**
 * Whether a published definition has what the monitor draws. A published version passed
 * the full scenario check when it was published; checking only the drawn shape keeps
 * opening a large run cheap (the full check takes ~100 ms on 500 nodes in a cold page).
 */
export const isDrawableScenario = (value: unknown): value is TScenario =>
  isRecord(value) &&
  Array.isArray(value.nodes) &&
  Array.isArray(value.edges) &&
  value.nodes.every(isNode) &&
  value.edges.every(isEdge);

const read = new Map<string, TScenario | undefined>();

/** The graph of a published version, read once per version: it never changes. */
export const scenarioOfVersion = (version: {
  id: string;
  definition: unknown;
}): TScenario | undefined => {
  if (!read.has(version.id)) {
    read.set(version.id, isDrawableScenario(version.definition) ? version.definition : undefined);
  }
  return read.get(version.id);
};
