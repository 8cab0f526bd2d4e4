import type { TScenario } from "@baton/model";
import type { TNodeState } from "./node-states.ts";

/** Graphs larger than this open at a readable zoom on their busiest spot instead of fitted whole. */
export const LARGE_GRAPH = 60;

const ORDER = ["failed", "waiting", "retrying", "running", "scheduled"] as const;

/** The step a run graph is about: its first failed step, else the first one waiting for
 * someone, else what is running, else the start. */
export const focusNode = <N extends Pick<TScenario, "nodes">["nodes"][number]>(
  scenario: { nodes: readonly N[] },
  states: ReadonlyMap<string, TNodeState>,
): N | undefined =>
  ORDER.map((state) => scenario.nodes.find((n) => states.get(n.id)?.state === state)).find(
    (n) => n !== undefined,
  ) ??
  scenario.nodes.find((n) => n.kind === "start") ??
  scenario.nodes[0];

/** Where a large run graph opens: on its focusNode. */
export const focusViewport = (
  scenario: Pick<TScenario, "nodes">,
  states: ReadonlyMap<string, TNodeState>,
  zoom = 0.8,
): { x: number; y: number; zoom: number } => {
  const { x, y } = focusNode(scenario, states)?.position ?? { x: 0, y: 0 };
  return { x: 120 - x * zoom, y: 280 - y * zoom, zoom };
};
