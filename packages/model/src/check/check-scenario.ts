import type { TCatalog, TScenarioSignature } from "../catalog.ts";
import { BatonError } from "../errors.ts";
import { listNodes } from "../graph.ts";
import type { TJsonSchema } from "../json-schema.ts";
import { DEFAULT_RUN_LIMITS, type TRunLimits } from "../limits.ts";
import { type TScenario, ZScenario } from "../scenario.ts";
import { materialize } from "../schema/materialize.ts";
import { inlineSchemaNode, type TSchemaNode } from "../schema/node.ts";
import { compileSchema } from "../validator.ts";
import { analyzeAvailability } from "./availability.ts";
import type { TDiagnostic } from "./diagnostic.ts";
import { typeGraph } from "./nodes.ts";
import { parseForCheck } from "./parse-nodes.ts";
import { BROKEN, type TScope, type TTyping } from "./references.ts";
import { checkStructure } from "./structure.ts";

export type TCheckOptions = {
  /** Published scenarios by `slug@version`, to check subscenario nodes against. */
  readonly scenarios?: Readonly<Record<string, TScenarioSignature>>;
  /** the server's limits; the defaults otherwise */
  readonly limits?: Pick<TRunLimits, "mapConcurrency">;
};

export type TScenarioAnalysis = {
  readonly diagnostics: readonly TDiagnostic[];
  /** The schema of a node's output (for an end node: the scenario's output). */
  readonly outputSchema: (nodeId: string) => TJsonSchema | undefined;
  /** The schema of what a node receives: its mapping's result, or its predecessor's. */
  readonly inputSchema: (nodeId: string) => TJsonSchema | undefined;
};

/** A scenario without an input schema takes no input. */
export const NO_INPUT_SCHEMA = {
  type: "object",
  properties: {},
  additionalProperties: false,
} as const;

export const scenarioInputSchema = (scenario: TScenario): TJsonSchema =>
  scenario.nodes.find((node) => node.kind === "start")?.inputSchema ?? NO_INPUT_SCHEMA;

type TIssuePath = readonly PropertyKey[];

const formatIssuePath = (path: TIssuePath): string =>
  path.reduce<string>(
    (text, key) =>
      typeof key === "number"
        ? `${text}[${key}]`
        : text === ""
          ? String(key)
          : `${text}.${String(key)}`,
    "",
  );

/** Names the node or edge a zod issue is about, so the message can point at it. */
const locate = (
  raw: unknown,
  path: TIssuePath,
): { nodeId?: string; edgeId?: string; rest: TIssuePath } => {
  let current: unknown = raw;
  let found: { nodeId?: string; edgeId?: string; rest: TIssuePath } = { rest: path };
  for (let i = 0; i < path.length; i++) {
    const key = path[i] as PropertyKey;
    const container = current as Record<PropertyKey, unknown> | undefined;
    const next = container && typeof container === "object" ? container[key] : undefined;
    if ((path[i - 1] === "nodes" || path[i - 1] === "edges") && typeof key === "number") {
      const id = (next as { id?: unknown } | undefined)?.id;
      if (typeof id === "string") {
        found = {
          ...(path[i - 1] === "nodes" ? { nodeId: id } : { edgeId: id }),
          rest: path.slice(i + 1),
        };
      }
    }
    current = next;
  }
  return found;
};

const issueDiagnostics = (
  raw: unknown,
  issues: readonly { path: TIssuePath; message: string }[],
): TDiagnostic[] =>
  issues.map((issue) => {
    const { rest, ...at } = locate(raw, issue.path);
    const where = formatIssuePath(at.nodeId || at.edgeId ? rest : issue.path);
    return {
      severity: "error",
      code: "invalid-format",
      ...at,
      ...(where ? { path: where } : {}),
      message: `${where || "The scenario"}: ${issue.message}.`,
      fix: "Correct the scenario file so it follows the baton.scenario/v1 format.",
    };
  });

/** Parses a scenario, throwing a BatonError that lists every problem with its shape. */
export const parseScenario = (raw: unknown): TScenario => {
  const result = ZScenario.safeParse(raw);
  if (result.success) return result.data;
  const lines = issueDiagnostics(raw, result.error.issues).map((d) =>
    d.nodeId
      ? `node ${d.nodeId}: ${d.message}`
      : d.edgeId
        ? `edge ${d.edgeId}: ${d.message}`
        : d.message,
  );
  throw new BatonError(
    "BAD_INPUT",
    `The scenario does not follow the baton.scenario/v1 format:\n${lines.join("\n")}`,
    result.error.issues,
  );
};

const checkIds = (scenario: TScenario, report: (d: TDiagnostic) => void): void => {
  const nodes = new Set<string>();
  for (const { node } of listNodes(scenario)) {
    if (nodes.has(node.id)) {
      report({
        severity: "error",
        code: "duplicate-node-id",
        nodeId: node.id,
        message: `Two nodes have the id "${node.id}"; references like steps.${node.id}.output must name one step.`,
        fix: "Give each node its own id.",
      });
    }
    nodes.add(node.id);
  }
  const edges = new Set<string>();
  const graphs = [
    scenario,
    ...listNodes(scenario).flatMap(({ node }) => (node.kind === "map" ? [node.body] : [])),
  ];
  for (const edge of graphs.flatMap((graph) => graph.edges)) {
    if (edges.has(edge.id)) {
      report({
        severity: "error",
        code: "duplicate-edge-id",
        edgeId: edge.id,
        message: `Two edges have the id "${edge.id}".`,
        fix: "Give each edge its own id.",
      });
    }
    edges.add(edge.id);
  }
};

const dedupe = (diagnostics: readonly TDiagnostic[]): TDiagnostic[] => {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.severity}|${d.code}|${d.nodeId ?? ""}|${d.edgeId ?? ""}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * Checks a scenario against a catalog: its shape, its graph, and that every step's input
 * can be built from what comes before it. Also answers what each node receives and produces.
 */
export const analyzeScenario = (
  raw: unknown,
  catalog: TCatalog,
  options: TCheckOptions = {},
): TScenarioAnalysis => {
  const parsed = parseForCheck(raw);
  if (!parsed.ok) {
    return {
      diagnostics: issueDiagnostics(raw, parsed.issues),
      outputSchema: () => undefined,
      inputSchema: () => undefined,
    };
  }
  const { scenario } = parsed;
  const diagnostics: TDiagnostic[] = [];
  const report = (diagnostic: TDiagnostic) => {
    diagnostics.push(diagnostic);
  };
  checkIds(scenario, report);
  const places = listNodes(scenario);
  const known = new Set(places.map(({ node }) => node.id));
  const structure = checkStructure(scenario, known, undefined, report);
  const inputSchema = scenarioInputSchema(scenario);
  const compiled = compileSchema(inputSchema);
  if (!compiled.ok) {
    report({
      severity: "error",
      code: "invalid-schema",
      ...(structure.start ? { nodeId: structure.start.id } : {}),
      path: "inputSchema",
      message: `The scenario input schema is not a valid JSON Schema: ${compiled.message}.`,
      fix: "Fix the schema so it compiles as JSON Schema 2020-12.",
    });
  }
  const typing: TTyping = {
    input: compiled.ok ? inlineSchemaNode(inputSchema) : BROKEN.node,
    ...(structure.start ? { start: structure.start.id } : {}),
    outputs: new Map(),
    inputs: new Map(),
    nodes: new Map(places.map(({ node }) => [node.id, node])),
    scopes: new Map(),
    report,
  };
  const scope: TScope = {
    index: structure.index,
    availability: analyzeAvailability(structure.index, structure.order, structure.start?.id),
  };
  for (const node of scenario.nodes) typing.scopes.set(node.id, scope);
  const scenarios = options.scenarios ? { scenarios: options.scenarios } : {};
  const mapConcurrency = (options.limits ?? DEFAULT_RUN_LIMITS).mapConcurrency;
  typeGraph(typing, { catalog, known, mapConcurrency, ...scenarios }, structure, scope);
  const schemaOf = (nodes: ReadonlyMap<string, TSchemaNode>) => (nodeId: string) => {
    const node = nodes.get(nodeId);
    return node ? materialize(node) : undefined;
  };
  return {
    diagnostics: dedupe(diagnostics),
    outputSchema: schemaOf(typing.outputs),
    inputSchema: schemaOf(typing.inputs),
  };
};

/** Every diagnostic for a scenario (raw JSON or parsed) against a function catalog. */
export const checkScenario = (
  raw: unknown,
  catalog: TCatalog,
  options: TCheckOptions = {},
): TDiagnostic[] => [...analyzeScenario(raw, catalog, options).diagnostics];

/** The schema of a node's output; for the end node, the scenario's output. */
export const nodeOutputSchema = (
  raw: unknown,
  catalog: TCatalog,
  nodeId: string,
  options: TCheckOptions = {},
): TJsonSchema | undefined => analyzeScenario(raw, catalog, options).outputSchema(nodeId);

/** The schema of the value a node's mapping produces (or of what it receives without one). */
export const mappingSchema = (
  raw: unknown,
  catalog: TCatalog,
  nodeId: string,
  options: TCheckOptions = {},
): TJsonSchema | undefined => analyzeScenario(raw, catalog, options).inputSchema(nodeId);
