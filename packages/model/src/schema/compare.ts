import {
  ANY_ALTS,
  integerRange,
  isMultipleOf,
  knownKeys,
  numberFits,
  STRING_ALT,
  schemasForKey,
  stringFits,
  type TAlt,
  type TArrayAlt,
  type TContains,
  type TNumberAlt,
  type TObjectAlt,
  type TStringAlt,
} from "./alternatives.ts";
import {
  describeAlt,
  describeAlts,
  describeKind,
  describeValues,
  listAnd,
  listOr,
  plural,
} from "./describe.ts";
import { compilePattern, isKnownFormat, isTrivialFormat } from "./formats.ts";
import { allOfNodes, nodeKey, schemaNode, type TSchemaNode } from "./node.ts";
import { isEmptyNodes, normalize, type TNormalized, type TNote } from "./normalize.ts";

export type TProblemCode = "type" | "missing" | "extra" | "unproven";

export type TProblem = {
  readonly severity: "error" | "warning";
  /** Where in the target the problem is, e.g. `input.recipient`. */
  readonly path: string;
  readonly message: string;
  readonly code: TProblemCode;
};

/** Where the comparison stands: the target path and the name of the source value there. */
/**
 * Where the comparison stands: the target path and the name of the source value there.
 * Both texts are built only when a problem needs them; most comparisons find none.
 */
class At {
  #path?: string;
  #source?: string;
  constructor(
    private readonly parent: At | undefined,
    private readonly segment: string,
    private readonly label: string | undefined,
  ) {}
  get path(): string {
    this.#path ??= this.parent ? joinPath(this.parent.path, this.segment) : this.segment;
    return this.#path;
  }
  get source(): string {
    this.#source ??= this.label ?? (this.parent ? joinPath(this.parent.source, this.segment) : "");
    return this.#source;
  }
}
type TAt = At;

const rootAt = (path: string, source: string): TAt => new At(undefined, path, source);

type TWalk = {
  problems: TProblem[];
  readonly target: string;
  readonly inProgress: Set<string>;
  /** How often a pending pair was assumed to hold; a proof that used one is not cached. */
  assumed: number;
  depth: number;
};

const MAX_DEPTH = 64;
const MAX_ENUMERATED = 1_000;
// Ajv's multipleOf divides in floating point; below this magnitude integer division is exact.
const EXACT_INTEGER = 2 ** 31;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const STRING_NODE = schemaNode({ type: "string" });

export const joinPath = (path: string, segment: string): string => {
  if (segment.startsWith("[")) return `${path}${segment}`;
  const part =
    IDENTIFIER.test(segment) || segment === "*" ? segment : `[${JSON.stringify(segment)}]`;
  if (path === "") return part;
  return part.startsWith("[") ? `${path}${part}` : `${path}.${part}`;
};

const labelOf = (nodes: readonly TSchemaNode[]): string | undefined =>
  nodes.find((node) => node.label !== undefined)?.label;

const childAt = (at: TAt, segment: string, source: readonly TSchemaNode[]): TAt =>
  new At(at, segment, labelOf(source));

const report = (
  walk: TWalk,
  at: TAt,
  severity: TProblem["severity"],
  code: TProblemCode,
  text: string,
): void => {
  walk.problems.push({
    severity,
    path: at.path,
    code,
    message: at.path === "" ? text : `${at.path}: ${text}`,
  });
};

/** "T needs X; S can be Y", the shape of most messages. */
const needs = (
  walk: TWalk,
  at: TAt,
  what: string,
  how: string,
  code: TProblemCode = "type",
): void => report(walk, at, "error", code, `${walk.target} needs ${what}; ${at.source} ${how}`);

const unproven = (walk: TWalk, at: TAt, what: string, doubt: string): void =>
  report(walk, at, "warning", "unproven", `${walk.target} needs ${what}; ${doubt}`);

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

const isUnconstrained = (alt: TAlt): boolean => {
  switch (alt.type) {
    case "null":
      return true;
    case "boolean":
      return !alt.values;
    case "number":
      return (
        !alt.values &&
        !alt.integer &&
        !alt.min &&
        !alt.max &&
        alt.multipleOf.length === 0 &&
        alt.formats.every(isTrivialFormat)
      );
    case "string":
      return (
        !alt.values &&
        alt.minLength === 0 &&
        alt.maxLength === undefined &&
        alt.patterns.every(isUniversalPattern) &&
        alt.formats.every((format) => !isKnownFormat(format) || isTrivialFormat(format))
      );
    case "array":
      return (
        alt.prefix.length === 0 &&
        alt.rest.length === 0 &&
        alt.minItems === 0 &&
        alt.maxItems === undefined &&
        !alt.unique &&
        alt.contains.length === 0
      );
    case "object":
      return (
        alt.clauses.length === 0 &&
        alt.required.size === 0 &&
        alt.minProperties === 0 &&
        alt.maxProperties === undefined &&
        alt.dependentRequired.size === 0 &&
        alt.propertyNames.length === 0
      );
  }
};

/** Whether every JSON value is valid (as far as the alternatives tell). */
export const acceptsAnything = (alts: readonly TAlt[]): boolean =>
  ANY_ALTS.every((any) => alts.some((alt) => alt.type === any.type && isUnconstrained(alt)));

const asList = (nodes: TSchemaNode | readonly TSchemaNode[]): readonly TSchemaNode[] =>
  Array.isArray(nodes) ? nodes : [nodes as TSchemaNode];

/** Proves every value valid for `source` is valid for `target`, reporting what it cannot. */
/**
 * Pairs of document places already proved, across calls: catalog schemas are compared
 * over and over (every mapping, every edit in the designer), and a proof has no labels.
 */
const PROVED = new Set<string>();
const MAX_PROVED = 50_000;

const isStable = (nodes: readonly TSchemaNode[]): boolean =>
  nodes.every((node) => node.kind === "json");

export const compareNodes = (
  source: TSchemaNode | readonly TSchemaNode[],
  target: TSchemaNode | readonly TSchemaNode[],
  at: TAt,
  walk: TWalk,
): void => {
  const sources = asList(source);
  const targets = asList(target);
  const key = `${sources.map(nodeKey).join("&")}|${targets.map(nodeKey).join("&")}`;
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

/** Runs `check` on a scratch list of problems and returns them. */
const trial = (walk: TWalk, check: () => void): TProblem[] => {
  const saved = walk.problems;
  walk.problems = [];
  try {
    check();
    return walk.problems;
  } finally {
    walk.problems = saved;
  }
};

const errorCount = (problems: readonly TProblem[]): number =>
  problems.filter((problem) => problem.severity === "error").length;

/** The finite values an alternative stands for, when it is small enough to list. */
const finiteValues = (alt: TAlt): readonly unknown[] | undefined => {
  if (alt.type === "boolean") return alt.values ?? [true, false];
  if (alt.type === "string") return alt.values;
  if (alt.type !== "number") return undefined;
  if (alt.values) return alt.values;
  if (!alt.integer) return undefined;
  const { low, high } = integerRange(alt);
  if (high - low >= MAX_ENUMERATED) return undefined;
  const values: number[] = [];
  for (let value = low; value <= high; value++) if (numberFits(value, alt)) values.push(value);
  return values;
};

const valueFits = (value: unknown, alt: TAlt): boolean => {
  switch (alt.type) {
    case "null":
      return value === null;
    case "boolean":
      return typeof value === "boolean" && (!alt.values || alt.values.includes(value));
    case "number":
      return typeof value === "number" && numberFits(value, alt);
    case "string":
      return typeof value === "string" && stringFits(value, alt);
    default:
      return false;
  }
};

const compareAlts = (
  sources: readonly TAlt[],
  targets: readonly TAlt[],
  at: TAt,
  walk: TWalk,
): void => {
  if (acceptsAnything(sources)) {
    needs(walk, at, describeAlts(targets), "can be any value");
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
    const values = finiteValues(alt);
    if (values) {
      const bad = values.filter((value) => !candidates.some((target) => valueFits(value, target)));
      if (bad.length > 0)
        needs(walk, at, describeAlts(candidates), `can be ${describeValues(bad)}`);
      continue;
    }
    const best = attempts.reduce((a, b) => (errorCount(b) < errorCount(a) ? b : a));
    walk.problems.push(...best);
  }
  if (mismatched.length > 0) {
    needs(
      walk,
      at,
      describeAlts(targets),
      `can be ${listOr([...new Set(mismatched.map(describeKind))])}`,
    );
  }
};

const compareAlt = (source: TAlt, target: TAlt, at: TAt, walk: TWalk): void => {
  if (source.type === "boolean" && target.type === "boolean") {
    if (target.values && !source.values && target.values.length < 2) {
      needs(walk, at, describeAlt(target), `can be ${String(!target.values[0])}`);
    } else if (target.values && source.values) {
      const bad = source.values.filter((value) => !target.values?.includes(value));
      if (bad.length > 0) needs(walk, at, describeAlt(target), `can be ${describeValues(bad)}`);
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

const compareValues = (values: readonly unknown[], target: TAlt, at: TAt, walk: TWalk): void => {
  const bad = values.filter((value) => !valueFits(value, target));
  if (bad.length > 0) needs(walk, at, describeAlt(target), `can be ${describeValues(bad)}`);
};

const lowerHolds = (source: TNumberAlt, target: TNumberAlt): boolean => {
  const { min } = target;
  if (!min) return true;
  if (source.integer) {
    const { low } = integerRange(source);
    return min.exclusive ? low > min.value : low >= min.value;
  }
  if (!source.min) return false;
  return (
    source.min.value > min.value ||
    (source.min.value === min.value && (source.min.exclusive || !min.exclusive))
  );
};

const upperHolds = (source: TNumberAlt, target: TNumberAlt): boolean => {
  const { max } = target;
  if (!max) return true;
  if (source.integer) {
    const { high } = integerRange(source);
    return max.exclusive ? high < max.value : high <= max.value;
  }
  if (!source.max) return false;
  return (
    source.max.value < max.value ||
    (source.max.value === max.value && (source.max.exclusive || !max.exclusive))
  );
};

const withinExactIntegers = (source: TNumberAlt): boolean => {
  if (!source.integer) return false;
  const { low, high } = integerRange(source);
  return low >= -EXACT_INTEGER && high <= EXACT_INTEGER;
};

const multipleHolds = (source: TNumberAlt, divisor: number): boolean => {
  // The same divisor is the same floating-point test Ajv already passed for the source.
  if (source.multipleOf.includes(divisor)) return true;
  if (!withinExactIntegers(source) || !Number.isInteger(divisor)) return false;
  return (
    divisor === 1 ||
    source.multipleOf.some((own) => Number.isInteger(own) && isMultipleOf(own, divisor))
  );
};

const numberFormatHolds = (source: TNumberAlt, format: string): boolean => {
  if (isTrivialFormat(format) || source.formats.includes(format)) return true;
  if (format === "int64") return source.integer;
  if (format === "int32") {
    const { low, high } = integerRange(source);
    return source.integer && low >= -(2 ** 31) && high <= 2 ** 31 - 1;
  }
  return false;
};

const compareNumber = (source: TNumberAlt, target: TNumberAlt, at: TAt, walk: TWalk): void => {
  if (source.values) {
    compareValues(source.values, target, at, walk);
    return;
  }
  const what = describeAlt(target);
  if (target.values) {
    needs(walk, at, what, `can be other ${source.integer ? "integers" : "numbers"}`);
    return;
  }
  if (target.integer && !source.integer) needs(walk, at, what, "can be a number with a fraction");
  if (!lowerHolds(source, target) && target.min) {
    const bound = target.min.value;
    needs(
      walk,
      at,
      what,
      target.min.exclusive ? `can be ${bound} or less` : `can be less than ${bound}`,
    );
  }
  if (!upperHolds(source, target) && target.max) {
    const bound = target.max.value;
    needs(
      walk,
      at,
      what,
      target.max.exclusive ? `can be ${bound} or more` : `can be more than ${bound}`,
    );
  }
  for (const format of target.formats) {
    if (!numberFormatHolds(source, format))
      needs(walk, at, what, `is not limited to format ${format}`);
  }
  for (const divisor of target.multipleOf) {
    if (!multipleHolds(source, divisor)) {
      unproven(
        walk,
        at,
        what,
        `Baton cannot prove that ${at.source} is always a multiple of ${divisor}`,
      );
    }
  }
};

const isUniversalPattern = (pattern: string): boolean =>
  compilePattern(pattern)?.test("") === true && !/[\^$]|\(\?|\\[bB]/.test(pattern);

/** A concrete string the source allows and the target rejects, if a simple one exists. */
const counterexample = (source: TStringAlt, target: TStringAlt): string | undefined => {
  const longest = Math.min(source.maxLength ?? source.minLength + 2, source.minLength + 2);
  for (let length = source.minLength; length <= longest; length++) {
    for (const unit of ["a", "0", " ", "-"]) {
      const candidate = unit.repeat(length);
      if (stringFits(candidate, source) && !stringFits(candidate, target)) return candidate;
    }
  }
  return undefined;
};

const compareString = (source: TStringAlt, target: TStringAlt, at: TAt, walk: TWalk): void => {
  if (source.values) {
    compareValues(source.values, target, at, walk);
    return;
  }
  const what = describeAlt(target);
  if (target.values) {
    needs(walk, at, what, "can be other strings");
    return;
  }
  if (source.minLength < target.minLength) {
    needs(
      walk,
      at,
      what,
      source.minLength === 0
        ? "can be empty"
        : `can be shorter than ${plural(target.minLength, "character")}`,
    );
  }
  if (
    target.maxLength !== undefined &&
    (source.maxLength ?? Number.POSITIVE_INFINITY) > target.maxLength
  ) {
    needs(walk, at, what, `can be longer than ${plural(target.maxLength, "character")}`);
  }
  for (const format of target.formats) {
    if (!isKnownFormat(format) || isTrivialFormat(format) || source.formats.includes(format))
      continue;
    const example = counterexample(source, { ...STRING_ALT, formats: [format] });
    if (example !== undefined) {
      needs(
        walk,
        at,
        what,
        source.formats.length > 0
          ? `can be a string (format ${source.formats.join(", ")})`
          : "can be any string",
      );
    } else {
      unproven(walk, at, what, `Baton cannot prove that ${at.source} always has format ${format}`);
    }
  }
  for (const pattern of target.patterns) {
    if (source.patterns.includes(pattern) || isUniversalPattern(pattern)) continue;
    const example = counterexample(source, { ...STRING_ALT, patterns: [pattern] });
    if (example !== undefined) {
      needs(walk, at, what, `can be ${JSON.stringify(example)}, which does not match ${pattern}`);
    } else {
      unproven(walk, at, what, `Baton cannot prove that ${at.source} always matches ${pattern}`);
    }
  }
};

const itemsAt = (alt: TArrayAlt, index: number): readonly TSchemaNode[] =>
  alt.prefix[index] ?? alt.rest;

const compareArray = (source: TArrayAlt, target: TArrayAlt, at: TAt, walk: TWalk): void => {
  const what = describeAlt(target);
  const sourceMax = source.maxItems ?? Number.POSITIVE_INFINITY;
  if (leastItems(source) < target.minItems) {
    needs(
      walk,
      at,
      what,
      leastItems(source) === 0
        ? "can be empty"
        : `can have fewer than ${plural(target.minItems, "item")}`,
    );
  }
  if (target.maxItems !== undefined && sourceMax > target.maxItems) {
    needs(walk, at, `at most ${plural(target.maxItems, "item")}`, "can have more", "extra");
  }
  if (target.unique && !source.unique && sourceMax > 1) {
    needs(walk, at, "a list without repeated items", "can repeat items");
  }
  const length = Math.max(source.prefix.length, target.prefix.length);
  let reachable = true;
  for (let index = 0; index < length && index < sourceMax; index++) {
    const items = itemsAt(source, index);
    if (isEmptyNodes(items)) {
      reachable = false;
      break;
    }
    const wanted = itemsAt(target, index);
    if (wanted.length > 0) compareNodes(items, wanted, childAt(at, `[${index}]`, items), walk);
  }
  if (reachable && sourceMax > length && target.rest.length > 0 && !isEmptyNodes(source.rest)) {
    if (isEmptyNodes(target.rest)) {
      needs(walk, at, `at most ${plural(length, "item")}`, "can have more", "extra");
    } else {
      compareNodes(source.rest, target.rest, childAt(at, "[]", source.rest), walk);
    }
  }
  for (const contains of target.contains) {
    if (contains.min === 0 && contains.max === undefined) continue;
    if (containsHolds(source, contains, walk)) continue;
    if (leastItems(source) === 0 && contains.min > 0) {
      needs(walk, at, "a list that contains a matching item", "can be empty");
    } else {
      unproven(
        walk,
        at,
        "a list with matching items (contains)",
        `Baton cannot prove that ${at.source} always has them`,
      );
    }
  }
};

const fits = (
  walk: TWalk,
  source: readonly TSchemaNode[],
  target: readonly TSchemaNode[],
): boolean => trial(walk, () => compareNodes(source, target, rootAt("", ""), walk)).length === 0;

/**
 * The source's own `contains`, where it really holds: Ajv 8.20 lets an empty array pass
 * `contains` when `prefixItems` is present, so then only a non-empty list is sure to match.
 */
const ownContains = (alt: TArrayAlt): readonly TContains[] =>
  alt.prefix.length === 0 || alt.minItems > 0 ? alt.contains : [];

/** The fewest items a list can have, counting what its own `contains` demands. */
const leastItems = (alt: TArrayAlt): number =>
  Math.max(alt.minItems, ...ownContains(alt).map((contains) => contains.min));

/** Whether every list of the source has enough (and not too many) items matching `contains`. */
const containsHolds = (source: TArrayAlt, contains: TContains, walk: TWalk): boolean => {
  const most = source.maxItems ?? Number.POSITIVE_INFINITY;
  const everyItem = [...source.prefix, source.rest].every(
    (items) => isEmptyNodes(items) || fits(walk, items, contains.nodes),
  );
  if (
    everyItem &&
    leastItems(source) >= contains.min &&
    most <= (contains.max ?? Number.POSITIVE_INFINITY)
  ) {
    return true;
  }
  return (
    contains.max === undefined &&
    ownContains(source).some(
      (own) => own.min >= contains.min && fits(walk, own.nodes, contains.nodes),
    )
  );
};

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

const compareObject = (source: TObjectAlt, target: TObjectAlt, at: TAt, walk: TWalk): void => {
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
    compareNodes(nodes, wanted, here, walk);
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
      compareNodes(
        name,
        target.propertyNames,
        rootAt(at.path, `the field names of ${at.source}`),
        walk,
      );
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
      report(walk, at, doubtful ? "warning" : "error", doubtful ? "unproven" : "extra", text);
      continue;
    }
    const problems = trial(walk, () => compareNodes(values, wanted, here, walk));
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
    needs(walk, at, `at least ${plural(target.minProperties, "field")}`, "can have fewer");
  }
  if (target.maxProperties !== undefined) {
    const most = Math.min(
      source.maxProperties ?? Number.POSITIVE_INFINITY,
      possibleKeys(source)?.length ?? Number.POSITIVE_INFINITY,
    );
    if (most > target.maxProperties) {
      needs(walk, at, `at most ${plural(target.maxProperties, "field")}`, "can have more", "extra");
    }
  }
};

/** Compares whole nodes and returns the problems, with labels for messages. */
export const compare = (
  source: TSchemaNode,
  target: TSchemaNode,
  labels: { readonly source: string; readonly target: string; readonly path: string },
): TProblem[] => {
  const walk: TWalk = {
    problems: [],
    target: labels.target,
    inProgress: new Set(),
    assumed: 0,
    depth: 0,
  };
  compareNodes(source, target, rootAt(labels.path, source.label ?? labels.source), walk);
  return dedupe(walk.problems);
};

const dedupe = (problems: readonly TProblem[]): TProblem[] => {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.severity}|${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
