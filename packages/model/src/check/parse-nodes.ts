import { z } from "zod";
import { type TNode, type TScenario, ZNode, ZScenario } from "../scenario.ts";

export type TIssue = { readonly path: readonly PropertyKey[]; readonly message: string };
export type TParsed =
  | { readonly ok: true; readonly scenario: TScenario }
  | { readonly ok: false; readonly issues: readonly TIssue[] };

const ZEnvelope = ZScenario.extend({ nodes: z.array(z.unknown()) });

type TNodeResult =
  | { readonly ok: true; readonly node: TNode }
  | { readonly ok: false; readonly issues: readonly TIssue[] };

const nodes = new Map<string, TNodeResult>();
const MAX_NODES = 5_000;

const parseNode = (raw: unknown): TNodeResult => {
  const result = ZNode.safeParse(raw);
  return result.success
    ? { ok: true, node: result.data }
    : { ok: false, issues: result.error.issues };
};

const byObject = new WeakMap<object, TNodeResult>();

const parseNodeOnce = (raw: unknown): TNodeResult => {
  // The designer replaces only the nodes an edit touches, so most come back as the same objects.
  const known = typeof raw === "object" && raw !== null ? byObject.get(raw) : undefined;
  if (known) return known;
  const result = parseNodeByText(raw);
  if (typeof raw === "object" && raw !== null) byObject.set(raw, result);
  return result;
};

/** A node's shape, checked once per distinct text: copies of a scenario repeat most nodes. */
const parseNodeByText = (raw: unknown): TNodeResult => {
  let text: string | undefined;
  try {
    text = JSON.stringify(raw);
  } catch {
    return parseNode(raw);
  }
  if (text === undefined) return parseNode(raw);
  let result = nodes.get(text);
  if (!result) {
    result = parseNode(raw);
    if (nodes.size >= MAX_NODES) nodes.clear();
    nodes.set(text, result);
  }
  return result;
};

/**
 * `ZScenario.safeParse`, for the check: the same answer, with node results shared
 * between calls. The nodes it returns are shared too, so they must not be changed, and
 * a node object must not be changed after it was checked (pass a new one instead).
 */
export const parseForCheck = (raw: unknown): TParsed => {
  const envelope = ZEnvelope.safeParse(raw);
  if (!envelope.success) {
    const full = ZScenario.safeParse(raw);
    return full.success
      ? { ok: true, scenario: full.data }
      : { ok: false, issues: full.error.issues };
  }
  const issues: TIssue[] = [];
  const parsed: TNode[] = [];
  envelope.data.nodes.forEach((raw, i) => {
    const result = parseNodeOnce(raw);
    if (result.ok) parsed.push(result.node);
    else
      issues.push(
        ...result.issues.map((issue) => ({ ...issue, path: ["nodes", i, ...issue.path] })),
      );
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, scenario: { ...envelope.data, nodes: parsed } };
};
