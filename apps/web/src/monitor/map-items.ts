import { listNodes, type TMapNode, type TNode } from "@baton/model";
import type { TRunEvent, TStepRun } from "./run-types.ts";
import type { TTone } from "./step-state.ts";

export type TItemState = "done" | "running" | "waiting" | "failed" | "cancelled" | "not started";

/** One item of a map as the run monitor lists it. */
export type TMapItem = {
  index: number;
  /** the scope its step runs carry: "3", or "2/3" inside the item "2" of an outer map */
  scope: string;
  state: TItemState;
  /** the item's own body steps: the latest step run of each node not replaced by rework */
  steps: TStepRun[];
  /** steps of maps nested in this item, by their deeper scope ("3/0", …) */
  nested: TStepRun[];
  durationMs: number | undefined;
};

const ITEM_TONES: Record<TItemState, TTone> = {
  done: "good",
  running: "info",
  waiting: "warn",
  failed: "bad",
  cancelled: "muted",
  "not started": "neutral",
};

export const itemTone = (state: TItemState): TTone => ITEM_TONES[state];

/** Every node inside a map's body, nested bodies included. */
export const bodyNodeIds = (map: TMapNode): Set<string> =>
  new Set(listNodes(map.body).map((place) => place.node.id));

const newer = (a: TStepRun, b: TStepRun): boolean =>
  (a.generation - b.generation || Date.parse(a.createdAt) - Date.parse(b.createdAt)) > 0;

/** The latest step run of each node, leaving out the ones rework replaced. */
const latestPerNode = (steps: readonly TStepRun[]): TStepRun[] => {
  const byNode = new Map<string, TStepRun>();
  for (const step of steps) {
    if (step.status === "superseded") continue;
    const seen = byNode.get(`${step.scope}|${step.nodeId}`);
    if (!seen || newer(step, seen)) byNode.set(`${step.scope}|${step.nodeId}`, step);
  }
  return [...byNode.values()];
};

const stateOf = (steps: readonly TStepRun[]): TItemState => {
  if (!steps.length) return "not started";
  const has = (...statuses: string[]) => steps.some((s) => statuses.includes(s.status));
  if (has("failed")) return "failed";
  if (has("pending", "scheduled", "running", "retrying")) return "running";
  if (has("waiting")) return "waiting";
  if (has("cancelled")) return "cancelled";
  return "done";
};

const spanOf = (steps: readonly TStepRun[], state: TItemState, now: number) => {
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const step of steps) {
    if (!step.startedAt) continue;
    start = Math.min(start, Date.parse(step.startedAt));
    end = Math.max(end, step.endedAt ? Date.parse(step.endedAt) : now);
  }
  if (start === Number.POSITIVE_INFINITY) return undefined;
  return Math.max(0, (state === "running" || state === "waiting" ? now : end) - start);
};

/**
 * The items of one map step, from the run's step runs: those of the map's body nodes
 * whose scope is an item of this map (`mapScope` is the map step's own scope, "" at the
 * top level). `count` is the length of the map's list; items not started yet are listed too.
 */
export const mapItems = (
  stepRuns: readonly TStepRun[],
  bodyIds: ReadonlySet<string>,
  mapScope: string,
  count: number | undefined,
  now: number,
): TMapItem[] => {
  const prefix = mapScope ? `${mapScope}/` : "";
  const byItem = new Map<number, TStepRun[]>();
  for (const step of stepRuns) {
    if (!bodyIds.has(step.nodeId) || !step.scope.startsWith(prefix)) continue;
    const head = step.scope.slice(prefix.length).split("/", 1)[0] ?? "";
    if (!/^[0-9]+$/.test(head)) continue;
    const index = Number(head);
    const list = byItem.get(index);
    if (list) list.push(step);
    else byItem.set(index, [step]);
  }
  const total = Math.max(count ?? 0, ...[...byItem.keys()].map((i) => i + 1));
  return Array.from({ length: total }, (_, index) => {
    const scope = `${prefix}${index}`;
    const latest = latestPerNode(byItem.get(index) ?? []);
    const byStart = (a: TStepRun, b: TStepRun) =>
      Date.parse(a.startedAt ?? a.createdAt) - Date.parse(b.startedAt ?? b.createdAt);
    const steps = latest.filter((s) => s.scope === scope).sort(byStart);
    const nested = latest
      .filter((s) => s.scope !== scope)
      .sort((a, b) => a.scope.localeCompare(b.scope, "en", { numeric: true }) || byStart(a, b));
    const state = stateOf(latest);
    return { index, scope, state, steps, nested, durationMs: spanOf(latest, state, now) };
  });
};

/** How many of a map's items are done, out of its list's length. */
export const itemsDone = (items: readonly TMapItem[]): number =>
  items.reduce((n, item) => n + (item.state === "done" ? 1 : 0), 0);

/** The length of a map step's list, which the engine says when the map starts waiting. */
export const itemCountOf = (
  events: readonly TRunEvent[],
  nodeId: string,
  scope: string,
): number | undefined => {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.type !== "step.waiting") continue;
    const { data } = event;
    if (data.nodeId === nodeId && data.scope === scope && data.items !== undefined) {
      return data.items;
    }
  }
  return undefined;
};

/** A map's items done out of its list's length, for each top-level map node ("2 / 5 items"). */
export const mapProgress = (
  maps: readonly { node: TMapNode; bodyIds: ReadonlySet<string> }[],
  stepRuns: readonly TStepRun[],
  events: readonly TRunEvent[],
): Map<string, string> => {
  const progress = new Map<string, string>();
  for (const { node, bodyIds } of maps) {
    const count = itemCountOf(events, node.id, "");
    const items = mapItems(stepRuns, bodyIds, "", count, 0);
    if (!items.length && count === undefined) continue;
    progress.set(node.id, `${itemsDone(items)} / ${count ?? items.length} items`);
  }
  return progress;
};

/** The top-level map nodes of a scenario, with the nodes of their bodies. */
export const topLevelMaps = (nodes: readonly TNode[]) =>
  nodes.flatMap((node) => (node.kind === "map" ? [{ node, bodyIds: bodyNodeIds(node) }] : []));

/** A short one-line look at an item's value. */
export const previewValue = (value: unknown, max = 48): string => {
  if (value === undefined) return "";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};
