import { knownKeys, schemasForKey, type TObjectAlt } from "./alternatives.ts";
import { listAnd, plural } from "./describe.ts";
import { allOfNodes, schemaNode, type TSchemaNode } from "./node.ts";
import { isEmptyNodes, normalize } from "./normalize.ts";
import {
  At,
  childAt,
  needs,
  report,
  rootAt,
  type TAt,
  type TWalk,
  trial,
  unproven,
} from "./walk.ts";

const STRING_NODE = schemaNode({ type: "string" });

/** The keys an object can have, when that set is finite. */
const possibleKeys = (alt: TObjectAlt): string[] | undefined => {
  const closed = alt.clauses.find(
    (clause) =>
      clause.patterns.length === 0 &&
      clause.additional !== undefined &&
      isEmptyNodes([clause.additional]),
  );
  if (!closed) return undefined;
  return [...closed.properties.keys()].filter((key) => !isEmptyNodes(schemasForKey(alt, key)));
};

/** What an object requires of a key no clause names, when exactly the patterns in `matched` match it. */
const restFor = (alt: TObjectAlt, matched: ReadonlySet<string>): TSchemaNode[] =>
  alt.clauses.flatMap((clause) => {
    const hits = clause.patterns.filter((p) => matched.has(p.pattern)).map((p) => p.node);
    if (hits.length > 0) return hits;
    return clause.additional ? [clause.additional] : [];
  });

const MAX_PATTERNS = 4;

export const compareObject = (
  source: TObjectAlt,
  target: TObjectAlt,
  at: TAt,
  walk: TWalk,
): void => {
  for (const key of target.required) {
    if (source.required.has(key)) continue;
    const nodes = schemasForKey(source, key);
    const here = childAt(at, key, nodes);
    // An untyped expression gets one warning, from comparing its value below.
    if (normalize(nodes, "source").unknown === "expression") continue;
    if (isEmptyNodes(nodes)) {
      report(
        walk,
        here,
        "error",
        "missing",
        `${walk.target} needs a value; ${at.source} does not provide it`,
      );
    } else {
      report(
        walk,
        here,
        "error",
        "missing",
        `${walk.target} needs a value; ${here.source} can be missing`,
        { at, keywords: { required: [key] } },
      );
    }
  }
  const keys = new Set([...knownKeys(source), ...knownKeys(target)]);
  for (const key of keys) {
    const nodes = schemasForKey(source, key);
    if (isEmptyNodes(nodes)) continue;
    const wanted = schemasForKey(target, key);
    if (wanted.length === 0) continue;
    const here = childAt(at, key, nodes);
    if (normalize(wanted, "target").alts.length === 0) {
      const how = source.required.has(key) ? "always has it" : "can have it";
      report(
        walk,
        here,
        "error",
        "extra",
        `${walk.target} does not accept this field; ${at.source} ${how}`,
      );
      continue;
    }
    walk.compare(nodes, wanted, here);
  }
  compareRest(source, target, keys, at, walk);
  compareCounts(source, target, at, walk);
  for (const [key, dependents] of target.dependentRequired) {
    if (isEmptyNodes(schemasForKey(source, key))) continue;
    for (const dependent of dependents) {
      if (source.required.has(dependent) || source.dependentRequired.get(key)?.includes(dependent))
        continue;
      const here = childAt(at, dependent, schemasForKey(source, dependent));
      report(
        walk,
        here,
        "error",
        "missing",
        `${walk.target} needs a value when ${key} is present; ${here.source} can be missing`,
      );
    }
  }
  if (target.propertyNames.length > 0) {
    const keysOfSource = possibleKeys(source);
    // A key the source's own propertyNames forbid cannot occur, so its allOf is empty.
    const names = keysOfSource
      ? keysOfSource.map((key) => allOfNodes([schemaNode({ const: key }), ...source.propertyNames]))
      : [allNames(source)];
    for (const name of names) {
      walk.compare(name, target.propertyNames, rootAt(at.path, `the field names of ${at.source}`));
    }
  }
};

const allNames = (alt: TObjectAlt): TSchemaNode =>
  alt.propertyNames.length > 0
    ? { kind: "allOf", parts: [STRING_NODE, ...alt.propertyNames] }
    : STRING_NODE;

const compareRest = (
  source: TObjectAlt,
  target: TObjectAlt,
  named: ReadonlySet<string>,
  at: TAt,
  walk: TWalk,
): void => {
  if (!target.clauses.some((clause) => clause.additional || clause.patterns.length > 0)) return;
  const patterns = [
    ...new Set(
      [...source.clauses, ...target.clauses].flatMap((clause) =>
        clause.patterns.map((p) => p.pattern),
      ),
    ),
  ];
  const here = new At(at, "*", undefined);
  if (patterns.length > MAX_PATTERNS) {
    unproven(
      walk,
      here,
      "its other fields to match",
      `${at.source} has too many pattern rules for Baton to check`,
    );
    return;
  }
  // An unnamed key can match any subset of the patterns. Baton checks every subset but cannot
  // tell which ones some key really hits, so what fails there is only a doubt.
  const doubtful = patterns.length > 0;
  for (let mask = 0; mask < 1 << patterns.length; mask++) {
    const matched = new Set(patterns.filter((_, i) => (mask >> i) & 1));
    const values = restFor(source, matched);
    const wanted = restFor(target, matched);
    if (wanted.length === 0 || isEmptyNodes(values)) continue;
    if (isEmptyNodes(wanted)) {
      const fields = [...named].filter((key) => !isEmptyNodes(schemasForKey(target, key)));
      const accepted = fields.length > 0 ? `only the fields ${listAnd(fields)}` : "no fields";
      const text = `${walk.target} accepts ${accepted}; ${at.source} can have other fields`;
      if (doubtful) report(walk, at, "warning", "unproven", text);
      else
        report(walk, at, "error", "extra", text, { at, keywords: { additionalProperties: false } });
      continue;
    }
    const problems = trial(walk, () => walk.compare(values, wanted, here));
    walk.problems.push(
      ...problems.map((problem) =>
        doubtful
          ? { ...problem, severity: "warning" as const, code: "unproven" as const }
          : problem,
      ),
    );
  }
};

const compareCounts = (source: TObjectAlt, target: TObjectAlt, at: TAt, walk: TWalk): void => {
  const least = Math.max(source.minProperties, source.required.size);
  if (least < target.minProperties) {
    needs(walk, at, `at least ${plural(target.minProperties, "field")}`, "can have fewer", {
      minProperties: target.minProperties,
    });
  }
  if (target.maxProperties !== undefined) {
    const most = Math.min(
      source.maxProperties ?? Number.POSITIVE_INFINITY,
      possibleKeys(source)?.length ?? Number.POSITIVE_INFINITY,
    );
    if (most > target.maxProperties) {
      needs(
        walk,
        at,
        `at most ${plural(target.maxProperties, "field")}`,
        "can have more",
        { maxProperties: target.maxProperties },
        "extra",
      );
    }
  }
};
