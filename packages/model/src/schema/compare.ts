import type { TAlt } from "./alternatives.ts";
import { compareArray } from "./compare-arrays.ts";
import { compareObject } from "./compare-objects.ts";
import {
  compareNumber,
  compareString,
  finiteValues,
  keepValues,
  valueFits,
} from "./compare-scalars.ts";
import {
  describeAlt,
  describeAlts,
  describeKind,
  describeValue,
  describeValues,
  listOr,
} from "./describe.ts";
import { nodeKey, stableKey, type TSchemaNode } from "./node.ts";
import { normalize, type TNormalized, type TNote } from "./normalize.ts";
import { acceptsAnything } from "./unconstrained.ts";
import {
  needs,
  report,
  rootAt,
  type TAt,
  type TFinding,
  type TWalk,
  trial,
  unproven,
} from "./walk.ts";
import { altKeywords, typeKeyword } from "./wants.ts";

export type { TFinding, TProblem, TProblemCode, TRemedy } from "./walk.ts";

const MAX_DEPTH = 64;

const noteText = (note: TNote, owner: string): string => {
  switch (note.kind) {
    case "keyword":
      return `${owner} uses the keyword "${note.keyword}", which Baton cannot check`;
    case "format":
      return `${owner} uses the format "${note.format}", which Baton does not know`;
    case "ref":
      return `${owner} refers to "${note.ref}", which Baton cannot find`;
    case "recursion":
      return `${owner} refers to itself without a field or item in between, which Baton cannot check`;
    case "oneOf":
      return `${owner} needs exactly one oneOf choice to match, and Baton cannot prove the choices never overlap`;
    case "complex":
      return `${owner} combines too many alternatives for Baton to check`;
  }
};

const reportNotes = (walk: TWalk, at: TAt, notes: readonly TNote[], owner: string): void => {
  const seen = new Set<string>();
  for (const note of notes) {
    const text = noteText(note, owner);
    if (seen.has(text)) continue;
    seen.add(text);
    report(walk, at, "warning", "unproven", text);
  }
};

const asList = (nodes: TSchemaNode | readonly TSchemaNode[]): readonly TSchemaNode[] =>
  Array.isArray(nodes) ? nodes : [nodes as TSchemaNode];

/**
 * Pairs of document places already proved, across calls: catalog schemas are compared
 * over and over (every mapping, every edit in the designer), and a proof has no labels.
 */
const PROVED = new Set<string>();
const MAX_PROVED = 50_000;

const isStable = (nodes: readonly TSchemaNode[]): boolean =>
  nodes.every((node) => stableKey(node) !== undefined);

/** Proves every value valid for `source` is valid for `target`, reporting what it cannot. */
const compareNodes = (
  source: TSchemaNode | readonly TSchemaNode[],
  target: TSchemaNode | readonly TSchemaNode[],
  at: TAt,
  walk: TWalk,
): void => {
  const sources = asList(source);
  const targets = asList(target);
  const key =
    sources.length === 1 && targets.length === 1
      ? `${nodeKey(sources[0] as TSchemaNode)}|${nodeKey(targets[0] as TSchemaNode)}`
      : `${sources.map(nodeKey).join("&")}|${targets.map(nodeKey).join("&")}`;
  if (PROVED.has(key)) return;
  // Assuming a pair holds while proving it is sound here: values are finite trees and
  // the pair can only come back through a property or item, one level deeper.
  if (walk.inProgress.has(key)) {
    walk.assumed++;
    return;
  }
  if (walk.depth >= MAX_DEPTH) {
    report(walk, at, "warning", "unproven", "The schemas nest too deeply for Baton to check");
    return;
  }
  walk.inProgress.add(key);
  walk.depth++;
  const problemsBefore = walk.problems.length;
  const assumedBefore = walk.assumed;
  try {
    compareNormalized(normalize(sources, "source"), normalize(targets, "target"), at, walk);
  } finally {
    walk.depth--;
    walk.inProgress.delete(key);
  }
  // Only a proof that leaned on no pending assumption holds on its own.
  const proved = walk.problems.length === problemsBefore && walk.assumed === assumedBefore;
  if (proved && isStable(sources) && isStable(targets)) {
    if (PROVED.size >= MAX_PROVED) PROVED.clear();
    PROVED.add(key);
  }
};

const compareNormalized = (
  source: TNormalized,
  target: TNormalized,
  at: TAt,
  walk: TWalk,
): void => {
  if (source.unknown === "broken" || target.unknown === "broken") return;
  if (source.alts.length === 0 && !source.unknown) return;
  reportNotes(walk, at, source.notes, at.source);
  reportNotes(walk, at, target.notes, walk.target);
  if (acceptsAnything(target.alts)) return;
  if (source.unknown === "expression") {
    unproven(
      walk,
      at,
      describeAlts(target.alts),
      `${at.source} has no declared schema, so Baton cannot check it`,
    );
    return;
  }
  compareAlts(source.alts, target.alts, at, walk);
};

const errorCount = (problems: readonly TFinding[]): number =>
  problems.filter((problem) => problem.severity === "error").length;

const compareAlts = (
  sources: readonly TAlt[],
  targets: readonly TAlt[],
  at: TAt,
  walk: TWalk,
): void => {
  if (acceptsAnything(sources)) {
    needs(walk, at, describeAlts(targets), "can be any value", wantedOf(targets));
    return;
  }
  const mismatched: TAlt[] = [];
  for (const alt of sources) {
    const candidates = targets.filter((target) => target.type === alt.type);
    if (candidates.length === 0) {
      mismatched.push(alt);
      continue;
    }
    const attempts = candidates.map((candidate) =>
      trial(walk, () => compareAlt(alt, candidate, at, walk)),
    );
    if (attempts.some((problems) => problems.length === 0)) continue;
    const best = attempts.reduce((a, b) => (errorCount(b) < errorCount(a) ? b : a));
    const values = finiteValues(alt);
    if (values) {
      const fit = (value: unknown) => candidates.some((target) => valueFits(value, target));
      const bad = values.filter((value) => !fit(value));
      const listed = alt.type === "boolean" || ("values" in alt && alt.values !== undefined);
      const wants = listed ? keepValues(values.filter(fit)) : remediesHere(best, at);
      if (bad.length > 0)
        needs(walk, at, describeAlts(candidates), `can be ${describeValues(bad)}`, wants);
      continue;
    }
    walk.problems.push(...best);
  }
  if (mismatched.length > 0) {
    const kept = sources.filter((alt) => !mismatched.includes(alt));
    needs(
      walk,
      at,
      describeAlts(targets),
      `can be ${listOr([...new Set(mismatched.flatMap(describeMismatch))])}`,
      kept.length > 0 ? typeKeyword(kept) : wantedOf(targets),
    );
  }
};

/** What to ask of a source that must become one of `targets`. */
const wantedOf = (targets: readonly TAlt[]) =>
  targets.length === 1 ? altKeywords(targets[0] as TAlt) : typeKeyword(targets);

/** The keywords the problems found at `at` itself ask for together, if each knows its remedy. */
const remediesHere = (problems: readonly TFinding[], at: TAt) => {
  if (problems.length === 0 || problems.some((p) => p.remedy?.at !== at)) return undefined;
  return Object.assign({}, ...problems.map((p) => p.remedy?.keywords));
};

/** What a source alternative of a type the target lacks can be: its values when listed. */
const describeMismatch = (alt: TAlt): string[] =>
  (alt.type === "boolean" || alt.type === "number" || alt.type === "string") && alt.values
    ? alt.values.map(describeValue)
    : [describeKind(alt)];

const compareAlt = (source: TAlt, target: TAlt, at: TAt, walk: TWalk): void => {
  if (source.type === "boolean" && target.type === "boolean") {
    if (target.values && !source.values && target.values.length < 2) {
      needs(walk, at, describeAlt(target), `can be ${String(!target.values[0])}`, {
        enum: target.values,
      });
    } else if (target.values && source.values) {
      const bad = source.values.filter((value) => !target.values?.includes(value));
      const good = source.values.filter((value) => target.values?.includes(value));
      if (bad.length > 0)
        needs(walk, at, describeAlt(target), `can be ${describeValues(bad)}`, keepValues(good));
    }
  } else if (source.type === "number" && target.type === "number") {
    compareNumber(source, target, at, walk);
  } else if (source.type === "string" && target.type === "string") {
    compareString(source, target, at, walk);
  } else if (source.type === "array" && target.type === "array") {
    compareArray(source, target, at, walk);
  } else if (source.type === "object" && target.type === "object") {
    compareObject(source, target, at, walk);
  }
};

/** Compares whole nodes and returns the problems, with labels for messages. */
export const compare = (
  source: TSchemaNode,
  target: TSchemaNode,
  labels: { readonly source: string; readonly target: string; readonly path: string },
): TFinding[] => {
  const walk: TWalk = {
    problems: [],
    target: labels.target,
    compare: (inner, outer, at) => compareNodes(inner, outer, at, walk),
    inProgress: new Set(),
    assumed: 0,
    depth: 0,
  };
  compareNodes(source, target, rootAt(labels.path, source.label ?? labels.source), walk);
  return dedupe(walk.problems);
};

const dedupe = (problems: readonly TFinding[]): TFinding[] => {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.severity}|${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
