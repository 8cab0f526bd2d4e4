import { ancestors } from "@baton/model";
import type { TPlace, TVersion } from "./versions.ts";

/**
 * Where a step run sits: "" in the scenario's own graph, "3" in the fourth item of a map,
 * "3/1" in the second item of a map inside that one. Node ids are unique across a
 * scenario, so a node and a scope name one step run of a generation.
 */
export const iterationScope = (mapScope: string, index: number): string =>
  mapScope === "" ? String(index) : `${mapScope}/${index}`;

/** The scope of the map step an iteration belongs to. */
export const enclosingScope = (scope: string): string =>
  scope.includes("/") ? scope.slice(0, scope.lastIndexOf("/")) : "";

export const iterationIndex = (scope: string): number =>
  Number(scope.slice(scope.lastIndexOf("/") + 1));

/** How many maps a scope is nested in. */
export const scopeDepth = (scope: string): number => (scope === "" ? 0 : scope.split("/").length);

/** How many maps enclose a node. */
export const placeDepth = (place: TPlace): number =>
  place.parent ? 1 + placeDepth(place.parent) : 0;

/** A SQL regular expression for the scopes of a map step's iterations. */
export const iterationsPattern = (mapScope: string): string =>
  mapScope === "" ? "^[0-9]+$" : `^${mapScope}/[0-9]+$`;

/** A step run as the claim reads it: `<scope>|<nodeId>`. */
export const stepKey = (scope: string, nodeId: string): string => `${scope}|${nodeId}`;

const readableCache = new WeakMap<TVersion, Map<string, string[][]>>();

/** Per enclosing level, innermost first: the nodes of that level a node may read. */
const readableLevels = (version: TVersion, nodeId: string): string[][] => {
  const byNode = readableCache.get(version) ?? new Map<string, string[][]>();
  readableCache.set(version, byNode);
  let levels = byNode.get(nodeId);
  if (!levels) {
    levels = [];
    let place = version.place(nodeId);
    let at = nodeId;
    for (;;) {
      levels.push([...ancestors(place.index, at)]);
      if (!place.map || !place.parent) break;
      at = place.map.id;
      place = place.parent;
    }
    byNode.set(nodeId, levels);
  }
  return levels;
};

/**
 * The step runs whose results a node may read where it runs: its ancestors in its own
 * graph, in its own scope, then those of each enclosing map step, in that step's scope.
 */
export const readableSteps = (version: TVersion, nodeId: string, scope: string): string[] => {
  const keys: string[] = [];
  let current = scope;
  for (const level of readableLevels(version, nodeId)) {
    for (const id of level) keys.push(stepKey(current, id));
    current = enclosingScope(current);
  }
  return keys;
};
