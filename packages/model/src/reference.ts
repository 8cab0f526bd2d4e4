/**
 * References name a value the run already has: the scenario input, an upstream step's
 * output or error, or (inside a map body) the current item and its index.
 * Written as dotted paths: `input.user.email`, `steps.createUser.output.id`, `item.sku`;
 * a segment of digits indexes into an array.
 */
export type TReference =
  | { root: "input" | "item" | "index"; path: readonly string[] }
  | { root: "output" | "error"; nodeId: string; path: readonly string[] };

export type TStepResult = { readonly output?: unknown; readonly error?: unknown };

/** What a mapping is evaluated against at run time. */
export type TRunContext = {
  readonly input: unknown;
  readonly steps: Readonly<Record<string, TStepResult>>;
  readonly item?: unknown;
  readonly index?: number;
};

export const NODE_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

const parsed = new Map<string, TReference | null>();
const MAX_PARSED = 5_000;

export const parseReference = (text: string): TReference | undefined => {
  let reference = parsed.get(text);
  if (reference === undefined) {
    reference = readReference(text) ?? null;
    if (parsed.size >= MAX_PARSED) parsed.clear();
    parsed.set(text, reference);
  }
  return reference ?? undefined;
};

const readReference = (text: string): TReference | undefined => {
  const segments = text.split(".");
  if (segments.some((segment) => segment === "")) return undefined;
  const [head, ...rest] = segments;
  if (head === "input" || head === "item" || head === "index") return { root: head, path: rest };
  if (head !== "steps") return undefined;
  const [nodeId, which, ...path] = rest;
  if (nodeId === undefined || !NODE_ID_PATTERN.test(nodeId)) return undefined;
  if (which !== "output" && which !== "error") return undefined;
  return { root: which, nodeId, path };
};

export const formatReference = (reference: TReference): string => {
  const head =
    reference.root === "output" || reference.root === "error"
      ? `steps.${reference.nodeId}.${reference.root}`
      : reference.root;
  return [head, ...reference.path].join(".");
};

const INDEX = /^(0|[1-9][0-9]*)$/;

/** Follows a path into a JSON value; a missing step, field or index gives undefined. */
const valueAtPath = (value: unknown, path: readonly string[]): unknown => {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current)) {
      current = INDEX.test(segment) ? current[Number(segment)] : undefined;
    } else if (typeof current === "object" && current !== null && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      return undefined;
    }
  }
  return current;
};

export const isIndexSegment = (segment: string): boolean => INDEX.test(segment);

export const resolveReference = (reference: TReference | string, context: TRunContext): unknown => {
  const parsed = typeof reference === "string" ? parseReference(reference) : reference;
  if (!parsed) return undefined;
  switch (parsed.root) {
    case "input":
      return valueAtPath(context.input, parsed.path);
    case "item":
      return valueAtPath(context.item, parsed.path);
    case "index":
      return valueAtPath(context.index, parsed.path);
    default: {
      const step = Object.hasOwn(context.steps, parsed.nodeId)
        ? context.steps[parsed.nodeId]
        : undefined;
      return valueAtPath(step?.[parsed.root], parsed.path);
    }
  }
};
