import type { TGraphIndex } from "../graph.ts";
import type { TEdge } from "../scenario.ts";

/**
 * Which upstream results exist when a node runs. A node runs under a condition on the
 * choices taken and on which steps failed (only steps with an error edge can fail and
 * go on). Conditions are kept as sets of cubes (or of and-ed decisions): a node's
 * condition is the or of its incoming edges' conditions.
 */
type TCube = ReadonlyMap<string, string>;
type TCondition = readonly TCube[];

const TRUE: TCondition = [new Map()];
const MAX_CUBES = 256;
const FAILED = "failed";
const SUCCEEDED = "ok";

export type TAvailability = "yes" | "maybe" | "never";

export type TAvailabilityAnalysis = {
  /** Whether `nodeId`'s output (or error) surely, maybe or never exists when `at` runs. */
  readonly check: (nodeId: string, at: string, what: "output" | "error") => TAvailability;
  readonly isAncestor: (nodeId: string, at: string) => boolean;
};

const conflicts = (a: TCube, b: TCube): boolean => {
  for (const [name, value] of a) {
    const other = b.get(name);
    if (other !== undefined && other !== value) return true;
  }
  return false;
};

const within = (small: TCube, large: TCube): boolean => {
  for (const [name, value] of small) if (large.get(name) !== value) return false;
  return true;
};

const and = (condition: TCondition, name: string, value: string): TCube[] =>
  condition.flatMap((cube) => {
    const current = cube.get(name);
    if (current === undefined) return [new Map(cube).set(name, value)];
    return current === value ? [cube] : [];
  });

const keyOf = (cube: TCube, skip?: string): string =>
  [...cube]
    .filter(([name]) => name !== skip)
    .map(([name, value]) => `${name}=${value}`)
    .sort()
    .join("&");

/** Drops repeated and absorbed cubes, and merges cubes that cover every value of a decision. */
const simplify = (
  cubes: TCube[],
  domains: ReadonlyMap<string, readonly string[]>,
): TCondition | undefined => {
  // Anything or-ed with "always" is "always": the common case of a plain join.
  if (cubes.some((cube) => cube.size === 0)) return TRUE;
  let current = cubes;
  for (let changed = true; changed; ) {
    changed = false;
    const unique = new Map(current.map((cube) => [keyOf(cube), cube]));
    let kept = [...unique.values()].filter(
      (cube) =>
        ![...unique.values()].some(
          (other) => other !== cube && other.size < cube.size && within(other, cube),
        ),
    );
    const names = new Set(kept.flatMap((cube) => [...cube.keys()]));
    for (const name of names) {
      const values = domains.get(name) ?? [];
      const groups = new Map<string, TCube[]>();
      for (const cube of kept) {
        if (!cube.has(name)) continue;
        const key = keyOf(cube, name);
        groups.set(key, [...(groups.get(key) ?? []), cube]);
      }
      for (const group of groups.values()) {
        const covered = new Set(group.map((cube) => cube.get(name)));
        if (!values.every((value) => covered.has(value))) continue;
        const first = group[0] as TCube;
        const merged = new Map(first);
        merged.delete(name);
        kept = [...kept.filter((cube) => !group.includes(cube)), merged];
        changed = true;
      }
    }
    current = kept;
    if (current.length > MAX_CUBES) return undefined;
  }
  return current;
};

/** Ancestor sets as bitsets, built along a topological order. */
const ancestorBits = (index: TGraphIndex, order: readonly string[]) => {
  const position = new Map(order.map((id, i) => [id, i]));
  const words = Math.ceil(order.length / 32) || 1;
  // One row of `words` per node, in order; a row is the node's ancestors.
  const bits = new Uint32Array(words * order.length);
  order.forEach((id, row) => {
    const own = row * words;
    for (const edge of index.incoming.get(id) ?? []) {
      const from = position.get(edge.source);
      if (from === undefined) continue;
      const parent = from * words;
      for (let w = 0; w < words; w++)
        bits[own + w] = (bits[own + w] as number) | (bits[parent + w] as number);
      bits[own + (from >> 5)] = (bits[own + (from >> 5)] as number) | (1 << (from & 31));
    }
  });
  return (nodeId: string, at: string): boolean => {
    const i = position.get(nodeId);
    const row = position.get(at);
    if (i === undefined || row === undefined) return false;
    return (((bits[row * words + (i >> 5)] as number) >>> (i & 31)) & 1) === 1;
  };
};

export const analyzeAvailability = (
  index: TGraphIndex,
  order: readonly string[],
  startId: string | undefined,
): TAvailabilityAnalysis => {
  const canFail = new Set<string>();
  const domains = new Map<string, string[]>();
  for (const edges of index.outgoing.values()) {
    for (const edge of edges) if (edge.kind === "error") canFail.add(edge.source);
  }
  for (const id of canFail) domains.set(id, [SUCCEEDED, FAILED]);
  for (const node of index.nodes.values()) {
    if (node.kind === "choice") {
      domains.set(node.id, [
        ...new Set([
          ...node.rules.map((rule) => rule.branch),
          ...(node.default ? [node.default] : []),
        ]),
      ]);
    }
  }

  // undefined: too many combinations to track, so nothing is known for sure.
  const conditions = new Map<string, TCondition | undefined>();
  const edgeCondition = (edge: TEdge): TCondition | undefined => {
    const from = conditions.get(edge.source);
    if (from === undefined) return undefined;
    if (edge.kind === "branch") return and(from, edge.source, edge.branch);
    if (edge.kind === "error") return and(from, edge.source, FAILED);
    return canFail.has(edge.source) ? and(from, edge.source, SUCCEEDED) : from;
  };
  for (const id of order) {
    if (id === startId) {
      conditions.set(id, TRUE);
      continue;
    }
    const incoming = (index.incoming.get(id) ?? []).filter((edge) => conditions.has(edge.source));
    const parts = incoming.map(edgeCondition);
    conditions.set(
      id,
      parts.some((part) => part === undefined)
        ? undefined
        : simplify(parts.flat() as TCube[], domains),
    );
  }

  const isAncestor = ancestorBits(index, order);
  const check = (nodeId: string, at: string, what: "output" | "error"): TAvailability => {
    if (what === "error" && !canFail.has(nodeId)) return "never";
    const here = conditions.get(at);
    const there = conditions.get(nodeId);
    if (!here || !there) return "maybe";
    const need = canFail.has(nodeId)
      ? and(there, nodeId, what === "error" ? FAILED : SUCCEEDED)
      : there;
    if (here.every((cube) => need.some((required) => within(required, cube)))) return "yes";
    if (here.every((cube) => need.every((required) => conflicts(required, cube)))) return "never";
    return "maybe";
  };
  return { check, isAncestor };
};
