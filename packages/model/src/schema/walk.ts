import type { TJsonSchemaObject } from "../json-schema.ts";
import type { TSchemaNode } from "./node.ts";

export type TProblemCode = "type" | "missing" | "extra" | "unproven";

export type TProblem = {
  readonly severity: "error" | "warning";
  /** Where in the target the problem is, e.g. `input.recipient`. */
  readonly path: string;
  readonly message: string;
  readonly code: TProblemCode;
};

/**
 * Keywords that, narrowing the source where `at` points, would settle a problem: what a
 * quick fix adds to the schema the value comes from.
 */
export type TRemedy = { readonly at: TAt; readonly keywords: TJsonSchemaObject };

/** A problem as the comparison found it: where, and what would settle it when Baton knows. */
export type TFinding = TProblem & { readonly at: TAt; readonly remedy?: TRemedy };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export const joinPath = (path: string, segment: string): string => {
  if (segment.startsWith("[")) return `${path}${segment}`;
  const part =
    IDENTIFIER.test(segment) || segment === "*" ? segment : `[${JSON.stringify(segment)}]`;
  if (path === "") return part;
  return part.startsWith("[") ? `${path}${part}` : `${path}.${part}`;
};

/**
 * A place inside a labelled value, for messages. A label that is a noun phrase (Baton's own
 * start with "the": "the mapping", "the literal value") gets the place in words, `field
 * "tags" of the literal value`; a label that is a reference ("Create user.output") gets the
 * path appended, as the reference to that place is written.
 */
export const describePlace = (label: string, segments: readonly string[]): string => {
  if (segments.length === 0) return label;
  if (!/^the /i.test(label)) return segments.reduce(joinPath, label);
  const last = segments[segments.length - 1] as string;
  if (last === "*") return `another field of ${describePlace(label, segments.slice(0, -1))}`;
  const path = segments.reduce(joinPath, "");
  if (segments.length === 1 && last === "[]") return `an item of ${label}`;
  if (segments.length === 1 && last.startsWith("[")) return `item ${last.slice(1, -1)} of ${label}`;
  return segments.every((segment) => !segment.startsWith("["))
    ? `field "${path}" of ${label}`
    : `${label} at ${path}`;
};

/**
 * Where the comparison stands: the target path and the name of the source value there.
 * Both texts are built only when a problem needs them; most comparisons find none.
 */
export class At {
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
    if (this.#source === undefined) {
      const { label, segments } = this.origin();
      this.#source = describePlace(label, segments);
    }
    return this.#source;
  }
  /** The segments from the root (excluded) down to here. */
  segments(): string[] {
    return this.parent ? [...this.parent.segments(), this.segment] : [];
  }
  /** The nearest label up the chain, and the segments from there to here. */
  private origin(): { label: string; segments: string[] } {
    if (this.label !== undefined || !this.parent) return { label: this.label ?? "", segments: [] };
    const { label, segments } = this.parent.origin();
    return { label, segments: [...segments, this.segment] };
  }
}
export type TAt = At;

export const rootAt = (path: string, source: string): TAt => new At(undefined, path, source);

/** One comparison in progress: its problems so far and what it has assumed. */
export type TWalk = {
  problems: TFinding[];
  /** Who needs the value, for messages ("Validate email"). */
  readonly target: string;
  /** Compares nested schemas within this walk (properties, items). */
  readonly compare: (
    source: TSchemaNode | readonly TSchemaNode[],
    target: TSchemaNode | readonly TSchemaNode[],
    at: TAt,
  ) => void;
  readonly inProgress: Set<string>;
  /** How often a pending pair was assumed to hold; a proof that used one is not cached. */
  assumed: number;
  depth: number;
};

const labelOf = (nodes: readonly TSchemaNode[]): string | undefined =>
  nodes.find((node) => node.label !== undefined)?.label;

export const childAt = (at: TAt, segment: string, source: readonly TSchemaNode[]): TAt =>
  new At(at, segment, labelOf(source));

export const report = (
  walk: TWalk,
  at: TAt,
  severity: TProblem["severity"],
  code: TProblemCode,
  text: string,
  remedy?: TRemedy,
): void => {
  walk.problems.push({
    severity,
    path: at.path,
    code,
    message: at.path === "" ? text : `${at.path}: ${text}`,
    at,
    ...(remedy ? { remedy } : {}),
  });
};

/**
 * "T needs X; S can be Y", the shape of most messages. `wants` are the keywords that,
 * added to the source here, would settle it.
 */
export const needs = (
  walk: TWalk,
  at: TAt,
  what: string,
  how: string,
  wants?: TJsonSchemaObject,
  code: TProblemCode = "type",
): void =>
  report(
    walk,
    at,
    "error",
    code,
    `${walk.target} needs ${what}; ${at.source} ${how}`,
    wants && { at, keywords: wants },
  );

export const unproven = (
  walk: TWalk,
  at: TAt,
  what: string,
  doubt: string,
  wants?: TJsonSchemaObject,
): void =>
  report(
    walk,
    at,
    "warning",
    "unproven",
    `${walk.target} needs ${what}; ${doubt}`,
    wants && { at, keywords: wants },
  );

/** Runs `check` on a scratch list of problems and returns them. */
export const trial = (walk: TWalk, check: () => void): TFinding[] => {
  const saved = walk.problems;
  walk.problems = [];
  try {
    check();
    return walk.problems;
  } finally {
    walk.problems = saved;
  }
};

/** Whether Baton proves `source` fits `target`, without reporting anything. */
export const fits = (
  walk: TWalk,
  source: readonly TSchemaNode[],
  target: readonly TSchemaNode[],
): boolean => trial(walk, () => walk.compare(source, target, rootAt("", ""))).length === 0;
