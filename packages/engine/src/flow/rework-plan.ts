import { BatonError, descendants, listNodes, type TMapNode } from "@baton/model";
import { enclosingScope } from "../scopes.ts";
import type { TVersion } from "../versions.ts";

/** A step run as rework sees it. */
export type TStepRow = {
  id: string;
  nodeId: string;
  scope: string;
  status: string;
  input: unknown;
};

export type TTarget = { nodeId: string; scope: string };

export type TReworkPlan = {
  /** step runs superseded: kept in history, no longer current */
  supersede: string[];
  /** steps that run again, in their scopes */
  rerun: TTarget[];
  /** map steps that wait again for the items being redone; their other items are kept */
  reopen: (TTarget & { input: unknown })[];
};

const key = (nodeId: string, scope: string) => `${scope}|${nodeId}`;

const isUnder = (scope: string, outer: string) =>
  outer === "" ? scope !== "" : scope.startsWith(`${outer}/`);

const bodyNodeIds = (map: TMapNode) => new Set(listNodes(map.body).map((p) => p.node.id));

/**
 * What a rework from `targets` does (see README, "Rework"): each target and everything
 * downstream of it in its scope is superseded and runs again as it becomes ready; a map
 * step downstream takes all its items along. A target inside a map body redoes only its
 * item: the map step waits again, keeping its other items, and what follows the map is
 * superseded to run once the map is done. A map step with a target inside it is reopened
 * rather than rerun whole.
 */
export const planRework = (
  version: TVersion,
  rows: readonly TStepRow[],
  targets: readonly TTarget[],
): TReworkPlan => {
  const containsTarget = (map: TMapNode, scope: string) => {
    const inside = bodyNodeIds(map);
    return targets.some((t) => inside.has(t.nodeId) && isUnder(t.scope, scope));
  };
  const rerun = targets.filter((t) => {
    const node = version.node(t.nodeId);
    return !(node.kind === "map" && containsTarget(node, t.scope));
  });

  const exact = new Set<string>();
  const deep: { nodes: Set<string>; scope: string }[] = [];
  const reopened = new Map<string, TTarget>();
  /** `ids` in `scope`, with the bodies of the maps among them */
  const affect = (ids: Iterable<string>, scope: string) => {
    for (const id of ids) {
      exact.add(key(id, scope));
      const node = version.node(id);
      if (node.kind === "map") deep.push({ nodes: bodyNodeIds(node), scope });
    }
  };
  for (const target of rerun) {
    const place = version.place(target.nodeId);
    affect([target.nodeId, ...descendants(place.index, target.nodeId)], target.scope);
    let inner = place;
    let scope = target.scope;
    while (inner.map && inner.parent) {
      const mapScope = enclosingScope(scope);
      reopened.set(key(inner.map.id, mapScope), { nodeId: inner.map.id, scope: mapScope });
      affect(descendants(inner.parent.index, inner.map.id), mapScope);
      inner = inner.parent;
      scope = mapScope;
    }
  }

  for (const [k, map] of reopened) {
    if (exact.has(k)) {
      throw new BatonError(
        "BAD_INPUT",
        `"${version.node(map.nodeId).label}" runs again whole in this rework, so one of its items cannot be restarted on its own; restart from the earlier step alone.`,
      );
    }
  }
  const supersede: string[] = [];
  const reopen: TReworkPlan["reopen"] = [];
  for (const row of rows) {
    const k = key(row.nodeId, row.scope);
    const map = reopened.get(k);
    if (map) {
      supersede.push(row.id);
      reopen.push({ ...map, input: row.input });
    } else if (
      exact.has(k) ||
      deep.some((d) => d.nodes.has(row.nodeId) && isUnder(row.scope, d.scope))
    ) {
      supersede.push(row.id);
    }
  }
  return { supersede, rerun, reopen };
};
