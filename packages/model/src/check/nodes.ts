import { scenarioKey, type TCatalog, type TScenarioSignature } from "../catalog.ts";
import { EMPTY_FORM, manualOutputNode } from "../node-output.ts";
import {
  type TChoiceNode,
  type TComparison,
  type TEndNode,
  type TFunctionNode,
  type TManualNode,
  type TMapNode,
  type TMapping,
  type TNode,
  type TStartNode,
  type TSubscenarioNode,
  type TWaitNode,
  WHOLE_INPUT,
} from "../scenario.ts";
import { closest } from "../schema/closest.ts";
import { compare } from "../schema/compare.ts";
import { describeValue } from "../schema/describe.ts";
import { elementOf } from "../schema/navigate.ts";
import { inlineSchemaNode, schemaNode, type TSchemaNode, withLabel } from "../schema/node.ts";
import { normalize } from "../schema/normalize.ts";
import { acceptsAnything } from "../schema/unconstrained.ts";
import { compileSchema } from "../validator.ts";
import { analyzeAvailability } from "./availability.ts";
import { didYouMean } from "./diagnostic.ts";
import { checkFits, checkSchema, typeExpression, typeMapping, typeSource } from "./mappings.ts";
import { BROKEN, type TScope, type TTyping, type TUse, typeReference } from "./references.ts";
import { checkStructure, type TStructure } from "./structure.ts";
import type { TValueOrigin } from "./type-fixes.ts";

export type TTypingOptions = {
  readonly catalog: TCatalog;
  readonly scenarios?: Readonly<Record<string, TScenarioSignature>>;
  readonly known: ReadonlySet<string>;
  readonly mapConcurrency: number;
};

const ARRAY_NODE = schemaNode({ type: "array" });
const DATE_TIME_NODE = schemaNode({ type: "string", format: "date-time" });
const NUMBER_NODE = schemaNode({ type: "number" });
const STRING_NODE = schemaNode({ type: "string" });

const untyped = (label: string): TSchemaNode => ({ kind: "unknown", reason: "expression", label });

/** What a node receives along its only incoming edge, or undefined when it has several. */
const received = (typing: TTyping, scope: TScope, node: TNode): TSchemaNode | undefined => {
  const incoming = scope.index.incoming.get(node.id) ?? [];
  const [edge] = incoming;
  if (incoming.length !== 1 || !edge) return undefined;
  const source = scope.index.nodes.get(edge.source);
  const label = source?.label ?? edge.source;
  if (edge.kind === "error") {
    return (
      typeReference(typing, { node, scope, path: "input" }, `steps.${edge.source}.error`)?.node ??
      BROKEN.node
    );
  }
  return withLabel(typing.outputs.get(edge.source) ?? BROKEN.node, `${label}.output`);
};

/** Whether a node takes the scenario input whole, straight from the scenario's start. */
const takesScenarioInput = (typing: TTyping, use: TUse): boolean => {
  const incoming = use.scope.index.incoming.get(use.node.id) ?? [];
  return (
    incoming.length === 1 &&
    incoming[0]?.kind === "next" &&
    incoming[0].source === typing.start &&
    !use.scope.parent
  );
};

/** Types a node's input: its mapping, or else its single predecessor's result. */
const typeInput = (
  typing: TTyping,
  use: TUse,
  mapping: TMapping | undefined,
  target: TSchemaNode | undefined,
  needsOne: boolean,
): TSchemaNode => {
  const value = mapping ? typeMapping(typing, use, mapping) : received(typing, use.scope, use.node);
  if (value) {
    typing.inputs.set(use.node.id, value);
    const origin: TValueOrigin | undefined = mapping
      ? { kind: "mapping", mapping, root: use.path }
      : takesScenarioInput(typing, use)
        ? { kind: "input" }
        : undefined;
    if (target) checkFits(typing, use, value, target, origin ? { origin } : {});
    return value;
  }
  const incoming = use.scope.index.incoming.get(use.node.id) ?? [];
  const constrained = target !== undefined && !acceptsAnything(normalize(target, "target").alts);
  if (incoming.length > 1 && (constrained || needsOne)) {
    typing.report({
      severity: "error",
      code: "missing-mapping",
      nodeId: use.node.id,
      path: use.path,
      message: `"${use.node.label}" has ${incoming.length} incoming edges and no mapping, so Baton cannot tell which result it should take.`,
      fix: `Add a mapping that picks what "${use.node.label}" needs from the steps before it.`,
      fixes: incoming.map((edge) => {
        const what = edge.kind === "error" ? "error" : "output";
        const label = use.scope.index.nodes.get(edge.source)?.label ?? edge.source;
        return {
          title: `Take the ${what} of "${label}"`,
          nodeId: use.node.id,
          edits: [
            {
              op: "set",
              path: [use.path],
              value: { [WHOLE_INPUT]: { ref: `steps.${edge.source}.${what}` } },
            },
          ],
        };
      }),
    });
  }
  return untyped(`${use.node.label}.${use.path}`);
};

const typeStart = (typing: TTyping, scope: TScope, node: TStartNode): TSchemaNode => {
  if (!scope.item) return typing.input;
  if (node.inputSchema === undefined) return scope.item;
  const use = { node, scope, path: "item" };
  if (!checkSchema(typing, use, node.inputSchema, `The item schema of "${node.label}"`))
    return BROKEN.node;
  const declared = inlineSchemaNode(node.inputSchema);
  checkFits(typing, use, scope.item, declared);
  return declared;
};

const typeFunction = (
  typing: TTyping,
  options: TTypingOptions,
  scope: TScope,
  node: TFunctionNode,
): TSchemaNode => {
  const use = { node, scope, path: "input" };
  const entry = node.function === undefined ? undefined : options.catalog[node.function];
  if (!entry) {
    const match =
      node.function === undefined
        ? undefined
        : closest(node.function, Object.keys(options.catalog));
    typing.report(
      node.function === undefined
        ? {
            severity: "error",
            code: "missing-function",
            nodeId: node.id,
            message: `"${node.label}" does not call a function yet.`,
            fix: "Pick a function from the catalog.",
          }
        : {
            severity: "error",
            code: "unknown-function",
            nodeId: node.id,
            message: `"${node.label}" calls ${node.function}, which is not in the catalog.`,
            fix: `Pick a function from the catalog, or discover the connection that provides it.${didYouMean(match)}`,
            ...(match === undefined
              ? {}
              : {
                  fixes: [
                    {
                      title: `Call ${match} instead`,
                      nodeId: node.id,
                      edits: [{ op: "set", path: ["function"], value: match }],
                    },
                  ],
                }),
          },
    );
    if (node.input) typeMapping(typing, use, node.input);
    return BROKEN.node;
  }
  typeInput(typing, use, node.input, schemaNode(entry.inputSchema), false);
  return schemaNode(entry.outputSchema);
};

const typeManual = (typing: TTyping, scope: TScope, node: TManualNode): TSchemaNode => {
  const form = node.form ?? EMPTY_FORM;
  const compiled = compileSchema(form);
  if (!compiled.ok) {
    typing.report({
      severity: "error",
      code: "invalid-form",
      nodeId: node.id,
      path: "form",
      message: `The form of "${node.label}" is not a valid JSON Schema: ${compiled.message}.`,
      fix: "Fix the form schema so it compiles as JSON Schema 2020-12.",
    });
  } else if (
    normalize(inlineSchemaNode(form), "source").alts.some((alt) => alt.type !== "object")
  ) {
    typing.report({
      severity: "warning",
      code: "invalid-form",
      nodeId: node.id,
      path: "form",
      message: `The form of "${node.label}" should describe an object, so the person fills in named fields.`,
      fix: 'Give the form "type": "object" and its fields under "properties".',
    });
  }
  if (node.assignees.roles.length === 0 && node.assignees.users.length === 0) {
    typing.report({
      severity: "warning",
      code: "no-assignees",
      nodeId: node.id,
      message: `Nobody is assigned to decide "${node.title}".`,
      fix: "Add a role or a user who may decide.",
      fixes: [
        {
          title: "Let approvers decide it",
          nodeId: node.id,
          edits: [{ op: "set", path: ["assignees", "roles"], value: ["approver"] }],
        },
      ],
    });
  }
  typeInput(typing, { node, scope, path: "input" }, node.input, undefined, false);
  return manualOutputNode(compiled.ok ? inlineSchemaNode(form) : BROKEN.node);
};

const checkComparison = (typing: TTyping, use: TUse, comparison: TComparison): void => {
  const typed = typeReference(typing, use, comparison.ref);
  if (!typed || typed.node.kind === "unknown") return;
  const label = typed.node.label ?? comparison.ref;
  const warn = (message: string) =>
    typing.report({
      severity: "warning",
      code: "impossible-condition",
      nodeId: use.node.id,
      path: use.path,
      message,
      fix: "Compare with a value the reference can have.",
    });
  const never = (value: unknown) =>
    compare(inlineSchemaNode({ const: value }), typed.node, {
      source: "",
      target: "",
      path: "",
    }).some((problem) => problem.severity === "error");
  const { op, value } = comparison;
  if ((op === "eq" || op === "ne") && never(value)) {
    warn(
      `${use.path}: ${label} is never ${describeValue(value)}, so this rule ${op === "eq" ? "never" : "always"} holds.`,
    );
  } else if (op === "in" && Array.isArray(value) && value.every(never)) {
    warn(`${use.path}: ${label} is none of the listed values, so this rule never holds.`);
  } else if (op === "lt" || op === "lte" || op === "gt" || op === "gte") {
    const kind = typeof value === "number" ? NUMBER_NODE : STRING_NODE;
    const problems = compare(typed.node, kind, {
      source: label,
      target: "The comparison",
      path: use.path,
    });
    if (problems.some((problem) => problem.severity === "error")) {
      warn(
        `${use.path}: ${label} is not always a ${typeof value === "number" ? "number" : "string"}; the rule does not hold when it is not.`,
      );
    }
  }
};

const passThrough = (typing: TTyping, scope: TScope, node: TNode): TSchemaNode =>
  received(typing, scope, node) ?? untyped(`${node.label}.output`);

const typeChoice = (typing: TTyping, scope: TScope, node: TChoiceNode): TSchemaNode => {
  node.rules.forEach((rule, i) => {
    const use = { node, scope, path: `rules[${i}]` };
    if (typeof rule.condition === "string") typeExpression(typing, use, rule.condition, undefined);
    else checkComparison(typing, use, rule.condition);
  });
  return passThrough(typing, scope, node);
};

const typeWait = (typing: TTyping, scope: TScope, node: TWaitNode): TSchemaNode => {
  if (node.until) {
    const use = { node, scope, path: "until" };
    const typed = typeSource(typing, use, node.until);
    checkFits(typing, use, typed.node, DATE_TIME_NODE, {
      origin: { kind: "source", source: node.until, at: ["until"] },
    });
    if (!typed.present) {
      typing.report({
        severity: "error",
        code: "missing-input",
        nodeId: node.id,
        path: "until",
        message: `until: ${node.label} needs a date-time; ${typed.node.label ?? "the value"} can be missing`,
        fix: "Wait until a value that is always there, or use a duration.",
      });
    }
  }
  return passThrough(typing, scope, node);
};

const typeSubscenario = (
  typing: TTyping,
  options: TTypingOptions,
  scope: TScope,
  node: TSubscenarioNode,
): TSchemaNode => {
  const use = { node, scope, path: "input" };
  const key = scenarioKey(node.scenario.slug, node.scenario.version);
  const signature = options.scenarios?.[key];
  if (!signature) {
    typing.report({
      severity: options.scenarios ? "error" : "warning",
      code: options.scenarios ? "unknown-scenario" : "unchecked-subscenario",
      nodeId: node.id,
      message: options.scenarios
        ? `"${node.label}" runs the scenario ${key}, which does not exist.`
        : `"${node.label}" runs the scenario ${key}; Baton was not given its schemas, so its input and output are not checked.`,
      fix: options.scenarios
        ? "Pick a published version of an existing scenario."
        : "Check with the published scenarios loaded.",
    });
    typeInput(typing, use, node.input, undefined, false);
    return options.scenarios ? BROKEN.node : untyped(`${node.label}.output`);
  }
  typeInput(typing, use, node.input, schemaNode(signature.inputSchema), false);
  return schemaNode(signature.outputSchema);
};

const typeEnd = (typing: TTyping, scope: TScope, node: TEndNode): TSchemaNode => {
  const use = { node, scope, path: "output" };
  const declared =
    node.outputSchema !== undefined &&
    checkSchema(typing, use, node.outputSchema, `The output schema of "${node.label}"`)
      ? inlineSchemaNode(node.outputSchema)
      : undefined;
  const value = typeInput(typing, use, node.output, declared, true);
  return declared ?? value;
};

const typeMap = (
  typing: TTyping,
  options: TTypingOptions,
  scope: TScope,
  node: TMapNode,
): TSchemaNode => {
  const use = { node, scope, path: "items" };
  if (node.concurrency !== undefined && node.concurrency > options.mapConcurrency) {
    typing.report({
      severity: "error",
      code: "over-limit",
      nodeId: node.id,
      path: "concurrency",
      message: `${node.label} runs ${node.concurrency} items at once; this server runs at most ${options.mapConcurrency} items of a map at once.`,
      fix: `Lower its concurrency to ${options.mapConcurrency} or less (the server's limit is BATON_MAX_MAP_CONCURRENCY).`,
      fixes: [
        {
          title: `Run at most ${options.mapConcurrency} items at once`,
          nodeId: node.id,
          edits: [{ op: "set", path: ["concurrency"], value: options.mapConcurrency }],
        },
      ],
    });
  }
  const items = typeSource(typing, use, node.items);
  checkFits(typing, use, items.node, ARRAY_NODE, {
    origin: { kind: "source", source: node.items, at: ["items"] },
    code: "map-not-array",
    fix: "Point items at a list, or convert the value into one with an expression that declares its schema.",
  });
  if (!items.present) {
    typing.report({
      severity: "error",
      code: "map-not-array",
      nodeId: node.id,
      path: "items",
      message: `items: ${node.label} needs a list; ${items.node.label ?? "the value"} can be missing`,
      fix: "Iterate over a value that is always there.",
    });
  }
  const structure = checkStructure(node.body, options.known, node, typing.report);
  const body: TScope = {
    index: structure.index,
    availability: analyzeAvailability(structure.index, structure.order, structure.start?.id),
    parent: { scope, map: node },
    item: withLabel(elementOf(items.node), "item"),
  };
  for (const inner of node.body.nodes) typing.scopes.set(inner.id, body);
  typeGraph(typing, options, structure, body);
  const result = structure.end ? typing.outputs.get(structure.end.id) : undefined;
  return result ? { kind: "array", items: result } : BROKEN.node;
};

const typeNode = (
  typing: TTyping,
  options: TTypingOptions,
  scope: TScope,
  node: TNode,
): TSchemaNode => {
  switch (node.kind) {
    case "start":
      return typeStart(typing, scope, node);
    case "function":
      return typeFunction(typing, options, scope, node);
    case "manual":
      return typeManual(typing, scope, node);
    case "choice":
      return typeChoice(typing, scope, node);
    case "wait":
      return typeWait(typing, scope, node);
    case "map":
      return typeMap(typing, options, scope, node);
    case "subscenario":
      return typeSubscenario(typing, options, scope, node);
    case "end":
      return typeEnd(typing, scope, node);
  }
};

/** Types every node of a graph in topological order, recording each node's output. */
export const typeGraph = (
  typing: TTyping,
  options: TTypingOptions,
  structure: TStructure,
  scope: TScope,
): void => {
  for (const id of structure.order) {
    const node = structure.index.nodes.get(id);
    if (node && !typing.outputs.has(id))
      typing.outputs.set(id, typeNode(typing, options, scope, node));
  }
};
