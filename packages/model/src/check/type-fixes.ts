import { jsonEqual, type TJsonSchema, type TJsonSchemaObject } from "../json-schema.ts";
import { isIndexSegment, parseReference } from "../reference.ts";
import { type TMapping, type TSource, WHOLE_INPUT } from "../scenario.ts";
import type { TFinding } from "../schema/compare.ts";
import { describeAlts, plural } from "../schema/describe.ts";
import { describeSchema } from "../schema/describe-schema.ts";
import { materialize } from "../schema/materialize.ts";
import { narrowSchema } from "../schema/narrow.ts";
import { childOf, declaresField } from "../schema/navigate.ts";
import type { TSchemaNode } from "../schema/node.ts";
import { normalize } from "../schema/normalize.ts";
import { acceptsAnything } from "../schema/unconstrained.ts";
import { joinPath } from "../schema/walk.ts";
import type { TEditPath, TNodeEdit, TQuickFix } from "./quick-fix.ts";
import { referenceExpression } from "./reference-expression.ts";
import type { TTyping, TUse } from "./references.ts";
import { schemaPlace } from "./schema-place.ts";

/** Where the value compared with a target comes from, so a fix can change it there. */
export type TValueOrigin =
  /** the node's mapping, at `node[root]` */
  | { readonly kind: "mapping"; readonly mapping: TMapping; readonly root: string }
  /** one source, at `at` in the node */
  | { readonly kind: "source"; readonly source: TSource; readonly at: TEditPath }
  /** the scenario input, passed on whole by the start */
  | { readonly kind: "input" };

export type TFixContext = {
  readonly typing: TTyping;
  readonly use: TUse;
  readonly source: TSchemaNode;
  readonly target: TSchemaNode;
  readonly origin: TValueOrigin;
};

/** The source that fills a place of the value: its mapping key, and the place inside it. */
type TPlaced = {
  readonly source: TSource;
  /** where the source sits in the node */
  readonly at: TEditPath;
  readonly key: readonly string[];
  readonly rest: readonly string[];
};

const isPrefix = (prefix: readonly string[], of: readonly string[]): boolean =>
  prefix.length <= of.length && prefix.every((segment, i) => of[i] === segment);

const placeIn = (origin: TValueOrigin, segments: readonly string[]): TPlaced | undefined => {
  if (origin.kind === "input") return undefined;
  if (origin.kind === "source") {
    return { source: origin.source, at: origin.at, key: [], rest: segments };
  }
  for (const [text, source] of Object.entries(origin.mapping)) {
    const key = text === WHOLE_INPUT ? [] : text.split(".");
    if (isPrefix(key, segments)) {
      return { source, at: [origin.root, text], key, rest: segments.slice(key.length) };
    }
  }
  return undefined;
};

const pathText = (label: string, segments: readonly string[]): string =>
  segments.reduce(joinPath, label);

/** A schema written in the scenario, and the place in it a value comes from. */
type TWritten = {
  readonly nodeId: string;
  /** where the schema sits in the node */
  readonly path: TEditPath;
  readonly schema: TJsonSchema;
  readonly segments: readonly string[];
  readonly label: string;
};

/** The scenario input or a manual step's form, when a reference reads a place of them. */
const writtenForReference = (
  typing: TTyping,
  ref: string,
  rest: readonly string[],
): TWritten | undefined => {
  const reference = parseReference(ref);
  if (!reference) return undefined;
  const label = pathText(ref, rest);
  if (reference.root === "input") {
    const start = typing.start === undefined ? undefined : typing.nodes.get(typing.start);
    if (start?.kind !== "start" || start.inputSchema === undefined) return undefined;
    const segments = [...reference.path, ...rest];
    return { nodeId: start.id, path: ["inputSchema"], schema: start.inputSchema, segments, label };
  }
  if (reference.root !== "output" || reference.path[0] !== "data") return undefined;
  const manual = typing.nodes.get(reference.nodeId);
  if (manual?.kind !== "manual" || manual.form === undefined) return undefined;
  const segments = [...reference.path.slice(1), ...rest];
  return { nodeId: manual.id, path: ["form"], schema: manual.form, segments, label };
};

/** The hand-written schema a place of the value comes from, if any. */
const writtenSchemaOf = (
  context: TFixContext,
  segments: readonly string[],
): TWritten | undefined => {
  const { typing, use, origin } = context;
  if (origin.kind === "input") {
    const start = typing.start === undefined ? undefined : typing.nodes.get(typing.start);
    if (start?.kind !== "start" || start.inputSchema === undefined) return undefined;
    return {
      nodeId: start.id,
      path: ["inputSchema"],
      schema: start.inputSchema,
      segments,
      label: pathText("input", segments),
    };
  }
  const placed = placeIn(origin, segments);
  if (!placed) return undefined;
  const { source } = placed;
  if ("ref" in source) return writtenForReference(typing, source.ref, placed.rest);
  if (!("expr" in source) || source.schema === undefined) return undefined;
  return {
    nodeId: use.node.id,
    path: [...placed.at, "schema"],
    schema: source.schema,
    segments: placed.rest,
    label:
      placed.rest.length === 0
        ? "the expression's result"
        : `${pathText("", placed.rest)} of the expression's result`,
  };
};

const narrowTitle = (label: string, keywords: TJsonSchemaObject, narrowed: TJsonSchema): string => {
  if ("required" in keywords) return `Make ${label} required`;
  if (keywords.additionalProperties === false) return `Allow no other fields in ${label}`;
  if (keywords.uniqueItems === true) return `Make ${label} a list without repeated items`;
  if (typeof keywords.maxItems === "number")
    return `Make ${label} a list of at most ${plural(keywords.maxItems, "item")}`;
  if (typeof keywords.minProperties === "number")
    return `Give ${label} at least ${plural(keywords.minProperties, "field")}`;
  if (typeof keywords.maxProperties === "number")
    return `Give ${label} at most ${plural(keywords.maxProperties, "field")}`;
  return `Make ${label} ${describeSchema(narrowed)}`;
};

/**
 * Narrows the schema the value comes from (the scenario input, a form, an expression's
 * declared result) with the keywords that settle the problem.
 */
const narrowFix = (context: TFixContext, finding: TFinding): TQuickFix[] => {
  const { remedy } = finding;
  if (!remedy) return [];
  const required = remedy.keywords.required;
  // A missing field is required by its parent: find the field, then narrow the parent.
  const field = Array.isArray(required) ? (required[0] as string) : undefined;
  const segments = remedy.at.segments();
  const written = writtenSchemaOf(context, field === undefined ? segments : [...segments, field]);
  if (!written) return [];
  const last = written.segments[written.segments.length - 1];
  if (field !== undefined && (last === undefined || isIndexSegment(last) || last.startsWith("[")))
    return [];
  const keywords = field === undefined ? remedy.keywords : { required: [last] };
  const place = schemaPlace(
    written.schema,
    field === undefined ? written.segments : written.segments.slice(0, -1),
  );
  if (!place) return [];
  const narrowed = narrowSchema(place.schema, keywords);
  const at = [...written.path, ...place.path];
  const edits = keywordEdits(at, place.schema, narrowed);
  if (edits.length === 0) return [];
  return [{ title: narrowTitle(written.label, keywords, narrowed), nodeId: written.nodeId, edits }];
};

/** The edits that turn one schema into another, keyword by keyword, so others' edits stay. */
const keywordEdits = (
  at: TEditPath,
  before: TJsonSchema,
  after: TJsonSchemaObject,
): TNodeEdit[] => {
  if (typeof before === "boolean") return [{ op: "set", path: at, value: after }];
  const edits: TNodeEdit[] = [];
  for (const [keyword, value] of Object.entries(after)) {
    if (!jsonEqual(before[keyword], value))
      edits.push({ op: "set", path: [...at, keyword], value });
  }
  for (const keyword of Object.keys(before)) {
    if (!Object.hasOwn(after, keyword)) edits.push({ op: "remove", path: [...at, keyword] });
  }
  return edits;
};

const nodeAt = (node: TSchemaNode, segments: readonly string[]): TSchemaNode | undefined => {
  let current: TSchemaNode | undefined = node;
  for (const segment of segments) current = current && childOf(current, segment)?.node;
  return current;
};

const CONVERSIONS: readonly {
  readonly applies: (keywords: TJsonSchemaObject) => boolean;
  readonly type: "number" | "string";
  readonly convert: (expr: string, keywords: TJsonSchemaObject) => string;
  readonly title: (keywords: TJsonSchemaObject) => string;
}[] = [
  {
    applies: (k) => typeof k.minimum === "number",
    type: "number",
    convert: (expr, k) => `$max([${expr}, ${k.minimum}])`,
    title: (k) => `Raise values below ${k.minimum} to ${k.minimum}`,
  },
  {
    applies: (k) => typeof k.maximum === "number",
    type: "number",
    convert: (expr, k) => `$min([${expr}, ${k.maximum}])`,
    title: (k) => `Lower values above ${k.maximum} to ${k.maximum}`,
  },
  {
    applies: (k) => k.type === "integer",
    type: "number",
    convert: (expr) => `$round(${expr})`,
    title: () => "Round to an integer",
  },
  {
    applies: (k) => typeof k.maxLength === "number",
    type: "string",
    convert: (expr, k) => `$substring(${expr}, 0, ${k.maxLength})`,
    title: (k) => `Cut to ${k.maxLength} characters`,
  },
];

/** An expression that turns the referenced value into one the target takes, if one is plain. */
const conversion = (
  context: TFixContext,
  finding: TFinding,
  expr: string,
): { readonly expr: string; readonly title: string } | undefined => {
  const { remedy } = finding;
  if (!remedy || remedy.at !== finding.at) return undefined;
  const keywords = remedy.keywords;
  if (Object.keys(keywords).length !== 1) return undefined;
  const found = CONVERSIONS.find((candidate) => candidate.applies(keywords));
  const value = nodeAt(context.source, finding.at.segments());
  if (!found || !value) return undefined;
  const alts = normalize(value, "source");
  if (alts.unknown || alts.alts.length === 0) return undefined;
  if (!alts.alts.every((alt) => alt.type === found.type)) return undefined;
  const converted = found.convert(expr, keywords);
  return { expr: converted, title: `${found.title(keywords)}: ${converted}` };
};

const SCALARS = new Set(["null", "boolean", "number", "string"]);

/** Gives the source at a mapping key a declared schema (what the target takes there). */
const expressionFixes = (
  context: TFixContext,
  finding: TFinding,
  narrowed: boolean,
): TQuickFix[] => {
  if (finding.code === "extra") return [];
  const placed = placeIn(context.origin, finding.at.segments());
  const wanted = placed && nodeAt(context.target, placed.key);
  if (!placed || !wanted) return [];
  const alts = normalize(wanted, "target").alts;
  if (acceptsAnything(alts)) return [];
  const declared = materialize(wanted);
  const nodeId = context.use.node.id;
  const set = (value: unknown, title: string): TQuickFix => ({
    title,
    nodeId,
    edits: [{ op: "set", path: placed.at, value }],
  });
  const { source } = placed;
  const description = describeAlts(alts);
  if ("ref" in source) {
    const expr = referenceExpression(source.ref);
    if (expr === undefined) return [];
    const fixes: TQuickFix[] = [];
    if (placed.rest.length === 0) {
      const converted = conversion(context, finding, expr);
      if (converted) fixes.push(set({ expr: converted.expr, schema: declared }, converted.title));
    }
    const what = alts.every((alt) => SCALARS.has(alt.type))
      ? `is ${description}`
      : `fits what "${context.use.node.label}" needs`;
    fixes.push(
      set(
        { expr, schema: declared },
        `Check at run time that ${source.ref} ${what} (the step fails if not)`,
      ),
    );
    return fixes;
  }
  if (!("expr" in source) || narrowed) return [];
  if (source.schema !== undefined && jsonEqual(source.schema, declared)) return [];
  return [
    set(
      { expr: source.expr, schema: declared },
      `Declare the expression's result as ${description}`,
    ),
  ];
};

/** Whether the value the node gets at `segments` is sure to have a field `name`. */
const hasField = (node: TSchemaNode, name: string): boolean =>
  declaresField(node, name) && childOf(node, name)?.present === true;

const MAX_SUGGESTED = 2;

/** Maps a missing field from a field of the same name the node can read. */
const mapByName = (context: TFixContext, finding: TFinding): TQuickFix[] => {
  const { typing, use, origin } = context;
  if (finding.code !== "missing" || origin.kind !== "mapping" || WHOLE_INPUT in origin.mapping)
    return [];
  const segments = finding.at.segments();
  const name = segments[segments.length - 1];
  if (name === undefined || segments.some((s) => s.startsWith("[") || s === "*" || s.includes(".")))
    return [];
  if (placeIn(origin, segments)) return [];
  const refs: string[] = [];
  if (hasField(typing.input, name)) refs.push(`input.${name}`);
  const { availability } = use.scope;
  const upstream = [...typing.outputs].reverse();
  for (const [id, output] of upstream) {
    if (refs.length >= MAX_SUGGESTED) break;
    if (typing.scopes.get(id) !== use.scope || !availability.isAncestor(id, use.node.id)) continue;
    if (availability.check(id, use.node.id, "output") !== "yes") continue;
    if (hasField(output, name)) refs.push(`steps.${id}.output.${name}`);
  }
  const key = segments.join(".");
  return refs.slice(0, MAX_SUGGESTED).map((ref) => ({
    title: `Map ${key} from ${ref}`,
    nodeId: use.node.id,
    edits: [{ op: "set", path: [origin.root, key], value: { ref } }],
  }));
};

/** Drops a mapped field the target does not take. */
const removeExtra = (context: TFixContext, finding: TFinding): TQuickFix[] => {
  // Too long a list or too many fields can be narrowed (a remedy); a field no value fits cannot.
  if (finding.code !== "extra" || finding.remedy) return [];
  const placed = placeIn(context.origin, finding.at.segments());
  if (!placed || placed.rest.length > 0 || placed.key.length === 0) return [];
  return [
    {
      title: `Remove ${placed.key.join(".")} from the mapping`,
      nodeId: context.use.node.id,
      edits: [{ op: "remove", path: placed.at }],
    },
  ];
};

/** The quick fixes for one problem found comparing a value with what a node needs. */
export const typeFixes = (context: TFixContext, finding: TFinding): TQuickFix[] => {
  const narrowing = narrowFix(context, finding);
  return [
    ...narrowing,
    ...expressionFixes(context, finding, narrowing.length > 0),
    ...mapByName(context, finding),
    ...removeExtra(context, finding),
  ];
};
