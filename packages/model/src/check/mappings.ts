import { expressionReads, parseExpression, unboundedRecursion } from "../expression.ts";
import type { TJsonSchema } from "../json-schema.ts";
import { type TMapping, type TSource, WHOLE_INPUT } from "../scenario.ts";
import { compare, type TProblem } from "../schema/compare.ts";
import { inlineSchemaNode, type TField, type TSchemaNode } from "../schema/node.ts";
import { compileSchema } from "../validator.ts";
import { type TDiagnostic, type TDiagnosticCode, withLazyFixes } from "./diagnostic.ts";
import {
  BROKEN,
  type TTyped,
  type TTyping,
  type TUse,
  typeReference,
  typeStep,
} from "./references.ts";
import { type TValueOrigin, typeFixes } from "./type-fixes.ts";

const shorten = (text: string): string => (text.length > 32 ? `${text.slice(0, 29)}...` : text);

/** Reports a schema written into the scenario that Ajv cannot compile. */
export const checkSchema = (
  typing: TTyping,
  use: TUse,
  schema: TJsonSchema,
  what: string,
): boolean => {
  const compiled = compileSchema(schema);
  if (compiled.ok) return true;
  typing.report({
    severity: "error",
    code: "invalid-schema",
    nodeId: use.node.id,
    path: use.path,
    message: `${what} is not a valid JSON Schema: ${compiled.message}.`,
    fix: "Fix the schema so it compiles as JSON Schema 2020-12.",
  });
  return false;
};

/** Checks what an expression reads and types its result (unknown unless it declares a schema). */
export const typeExpression = (
  typing: TTyping,
  use: TUse,
  expr: string,
  schema: TJsonSchema | undefined,
): TTyped => {
  const parsed = parseExpression(expr);
  if (!parsed.ok) {
    typing.report({
      severity: "error",
      code: "invalid-expression",
      nodeId: use.node.id,
      path: use.path,
      message: `The expression "${shorten(expr)}" is not valid JSONata: ${parsed.message}.`,
      fix: "Fix the expression; try it at try.jsonata.org against a sample input.",
    });
    return BROKEN;
  }
  const reads = expressionReads(parsed.expression);
  for (const { nodeId, what } of reads.steps) {
    typeStep(typing, use, nodeId, what, `steps.${nodeId}.${what} (read by an expression)`);
  }
  for (const root of reads.roots) {
    if (root !== "input" && !use.scope.item) {
      typing.report({
        severity: "error",
        code: "invalid-reference",
        nodeId: use.node.id,
        path: use.path,
        message: `The expression "${shorten(expr)}" reads "${root}", which only exists inside a map body.`,
      });
    }
  }
  for (const name of unboundedRecursion(parsed.expression)) {
    typing.report({
      severity: "warning",
      code: "unbounded-recursion",
      nodeId: use.node.id,
      path: use.path,
      message: `The function $${name} in the expression "${shorten(expr)}" calls itself whatever its arguments, so it never ends: the step fails when the expression reaches its time limit.`,
      fix: `Let $${name} stop on a condition, e.g. \`$n > 10 ? $n : $${name}($n + 1)\`.`,
    });
  }
  if (reads.dynamic) {
    typing.report({
      severity: "warning",
      code: "unproven",
      nodeId: use.node.id,
      path: use.path,
      message: `Baton cannot tell which steps the expression "${shorten(expr)}" reads, so it cannot check that they ran before "${use.node.label}".`,
      fix: "Name steps directly, as steps.<id>.output.",
    });
  }
  const label = `the expression "${shorten(expr)}"`;
  // Without a declared schema the result may also be nothing, which leaves the field out.
  if (schema === undefined) {
    return { node: { kind: "unknown", reason: "expression", label }, present: false };
  }
  if (!checkSchema(typing, use, schema, `The schema declared for ${label}`)) return BROKEN;
  // Declared results are validated when the step runs, so they are sure to be there.
  return { node: inlineSchemaNode(schema, label), present: true };
};

export const typeSource = (typing: TTyping, use: TUse, source: TSource): TTyped => {
  if ("ref" in source) return typeReference(typing, use, source.ref) ?? BROKEN;
  if ("literal" in source)
    return {
      node: inlineSchemaNode({ const: source.literal }, "the literal value"),
      present: true,
    };
  return typeExpression(typing, use, source.expr, source.schema);
};

type TDraftObject = Map<string, { node?: TSchemaNode; required: boolean; children?: TDraftObject }>;

const seal = (draft: TDraftObject, label: string): TSchemaNode => {
  const fields = new Map<string, TField>();
  for (const [key, entry] of draft) {
    const node = entry.children ? seal(entry.children, label) : (entry.node as TSchemaNode);
    fields.set(key, { node, required: entry.required });
  }
  return { kind: "object", fields, closed: true, label };
};

/** The schema of the value a mapping builds (see buildInput for the run-time side). */
export const typeMapping = (typing: TTyping, use: TUse, mapping: TMapping): TSchemaNode => {
  const whole = mapping[WHOLE_INPUT];
  if (whole) return typeSource(typing, use, whole).node;
  const root: TDraftObject = new Map();
  for (const [path, source] of Object.entries(mapping)) {
    const segments = path.split(".");
    const leaf = segments.pop() as string;
    let draft = root;
    for (const segment of segments) {
      let entry = draft.get(segment);
      if (!entry?.children) {
        entry = { required: true, children: new Map() };
        draft.set(segment, entry);
      }
      draft = entry.children as TDraftObject;
    }
    const typed = typeSource(typing, { ...use, path: `${use.path}.${path}` }, source);
    draft.set(leaf, { node: typed.node, required: typed.present });
  }
  return seal(root, "the mapping");
};

const CODES: Record<TProblem["code"], TDiagnosticCode> = {
  missing: "missing-input",
  type: "type-mismatch",
  extra: "type-mismatch",
  unproven: "unproven",
};

const FIXES: Record<TProblem["code"], string> = {
  missing: "Map this field from the scenario input, an upstream step's output or a literal.",
  type: "Map a value of the right type, or convert it with an expression that declares its schema.",
  extra: "Remove the field from the mapping, or map only the fields the step accepts.",
  unproven: "Check it by hand, or convert the value with an expression that declares its schema.",
};

/**
 * Compares a value against what a node needs and reports each problem as a diagnostic,
 * with the quick fixes that settle it when Baton knows where the value comes from.
 */
export const checkFits = (
  typing: TTyping,
  use: TUse,
  source: TSchemaNode,
  target: TSchemaNode,
  options: {
    readonly code?: TDiagnosticCode;
    readonly fix?: string;
    readonly origin?: TValueOrigin;
  } = {},
): void => {
  const problems = compare(source, target, {
    source: "the value",
    target: use.node.label,
    path: use.path,
  });
  const { origin } = options;
  for (const found of problems) {
    const diagnostic: TDiagnostic = {
      severity: found.severity,
      code: found.severity === "error" && options.code ? options.code : CODES[found.code],
      nodeId: use.node.id,
      path: found.path,
      message: found.message,
      fix: options.fix ?? FIXES[found.code],
    };
    typing.report(
      origin
        ? withLazyFixes(diagnostic, () => typeFixes({ typing, use, source, target, origin }, found))
        : diagnostic,
    );
  }
};
