import {
  findCycles,
  indexGraph,
  sortTopologically,
  type TGraphIndex,
  type TGraphLike,
} from "../graph.ts";
import type { TChoiceNode, TEdge, TEndNode, TMapNode, TNode, TStartNode } from "../scenario.ts";
import type { TDiagnostic } from "./diagnostic.ts";
import type { TQuickFix } from "./quick-fix.ts";

export type TStructure = {
  readonly index: TGraphIndex;
  readonly start?: TStartNode;
  readonly end?: TEndNode;
  /** Topological order of the nodes not on or behind a cycle. */
  readonly order: readonly string[];
};

type TReport = (diagnostic: TDiagnostic) => void;

const CAN_FAIL = new Set<TNode["kind"]>(["function", "manual", "map", "subscenario"]);

const where = (map: TMapNode | undefined): string => (map ? ` in the body of "${map.label}"` : "");

const checkEdges = (
  index: TGraphIndex,
  known: ReadonlySet<string>,
  map: TMapNode | undefined,
  report: TReport,
) => {
  const errorEdges = new Set<string>();
  for (const edge of index.graph.edges) {
    const source = index.nodes.get(edge.source);
    const target = index.nodes.get(edge.target);
    if (!source || !target) {
      const missing = source ? edge.target : edge.source;
      report({
        severity: "error",
        code: "dangling-edge",
        edgeId: edge.id,
        message: known.has(missing)
          ? `Edge ${edge.id} connects to "${missing}", which is in another graph${where(map)}; edges stay within one graph.`
          : `Edge ${edge.id} connects to "${missing}", which does not exist.`,
        fix: "Delete the edge or connect it to an existing node.",
      });
      continue;
    }
    const invalid = (message: string, fix: string) =>
      report({
        severity: "error",
        code: "invalid-edge",
        edgeId: edge.id,
        nodeId: source.id,
        message,
        fix,
      });
    if (target.kind === "start") {
      invalid(
        `Edge ${edge.id} leads into "${target.label}"; nothing can lead into a start.`,
        "Delete the edge.",
      );
    }
    if (source.kind === "end") {
      invalid(
        `Edge ${edge.id} leaves "${source.label}"; an end is the last step.`,
        "Delete the edge.",
      );
    }
    if (edge.kind === "branch" && source.kind !== "choice") {
      invalid(
        `Edge ${edge.id} is a branch edge, but "${source.label}" is not a choice.`,
        "Make it a next edge.",
      );
    }
    if (source.kind === "choice" && edge.kind !== "branch") {
      invalid(
        `Edge ${edge.id} is a ${edge.kind} edge out of the choice "${source.label}"; a choice leaves only through its branches.`,
        "Make it a branch edge named after one of the choice's branches.",
      );
    }
    if (edge.kind === "error") {
      if (!CAN_FAIL.has(source.kind)) {
        invalid(
          `Edge ${edge.id} is an error edge, but a ${source.kind} step cannot fail.`,
          "Make it a next edge.",
        );
      } else if (errorEdges.has(source.id)) {
        invalid(`"${source.label}" has more than one error edge.`, "Keep one error edge per step.");
      }
      errorEdges.add(source.id);
    }
  }
};

const DEFAULT_BRANCH = "otherwise";

/** Makes `branch` the choice's default branch. */
const defaultFix = (choice: TChoiceNode, branch: string): TQuickFix => ({
  title: `Make "${branch}" the default branch`,
  nodeId: choice.id,
  edits: [{ op: "set", path: ["default"], value: branch }],
});

/** A name for a new default branch: a branch edge no rule names, or a fresh one. */
const defaultBranchOf = (choice: TChoiceNode, edges: readonly TEdge[]): string => {
  const named = new Set(choice.rules.map((rule) => rule.branch));
  const loose = edges.find((edge) => edge.kind === "branch" && !named.has(edge.branch));
  if (loose?.kind === "branch") return loose.branch;
  let name = DEFAULT_BRANCH;
  for (let n = 2; named.has(name); n++) name = `${DEFAULT_BRANCH}${n}`;
  return name;
};

const checkChoices = (index: TGraphIndex, report: TReport) => {
  for (const node of index.nodes.values()) {
    if (node.kind !== "choice") continue;
    const edges = (index.outgoing.get(node.id) ?? []).filter((edge) => edge.kind === "branch");
    if (node.default === undefined) {
      report({
        severity: "error",
        code: "choice-without-default",
        nodeId: node.id,
        message: `The choice "${node.label}" has no default branch, so a run where no rule holds would stop there.`,
        fix: "Add a default branch and connect it.",
        fixes: [defaultFix(node, defaultBranchOf(node, edges))],
      });
    }
    const branches = new Set([
      ...node.rules.map((rule) => rule.branch),
      ...(node.default === undefined ? [] : [node.default]),
    ]);
    for (const branch of branches) {
      const count = edges.filter((edge) => edge.branch === branch).length;
      if (count === 0) {
        report({
          severity: "error",
          code: "missing-branch-edge",
          nodeId: node.id,
          message: `The branch "${branch}" of "${node.label}" leads nowhere.`,
          fix: `Connect the branch "${branch}" to the step it should run.`,
        });
      } else if (count > 1) {
        report({
          severity: "error",
          code: "duplicate-branch-edge",
          nodeId: node.id,
          message: `The branch "${branch}" of "${node.label}" has ${count} edges; a branch leads to one step.`,
          fix: "Keep one edge per branch; to run steps in parallel, add next edges after that step.",
        });
      }
    }
    for (const edge of edges) {
      if (branches.has(edge.branch)) continue;
      report({
        severity: "error",
        code: "unknown-branch",
        nodeId: node.id,
        edgeId: edge.id,
        message: `Edge ${edge.id} follows the branch "${edge.branch}", which "${node.label}" does not have.`,
        fix: `Rename the edge's branch to one of ${[...branches].map((b) => `"${b}"`).join(", ") || "the choice's branches"}, or add a rule for it.`,
        ...(node.default === undefined ? { fixes: [defaultFix(node, edge.branch)] } : {}),
      });
    }
  }
};

const checkEnds = (index: TGraphIndex, map: TMapNode | undefined, report: TReport) => {
  const starts = [...index.nodes.values()].filter(
    (node): node is TStartNode => node.kind === "start",
  );
  const ends = [...index.nodes.values()].filter((node): node is TEndNode => node.kind === "end");
  const at = map ? { nodeId: map.id } : {};
  if (starts.length === 0) {
    report({
      severity: "error",
      code: "missing-start",
      ...at,
      message: `There is no start node${where(map)}.`,
      fix: "Add a start node.",
    });
  }
  for (const extra of starts.slice(1)) {
    report({
      severity: "error",
      code: "multiple-starts",
      nodeId: extra.id,
      message: `"${extra.label}" is a second start${where(map)}; a graph has one.`,
      fix: "Delete the extra start.",
    });
  }
  if (ends.length === 0) {
    report({
      severity: "error",
      code: "missing-end",
      ...at,
      message: `There is no end node${where(map)}.`,
      fix: "Add an end node and connect the last steps to it.",
    });
  }
  for (const extra of ends.slice(1)) {
    report({
      severity: "error",
      code: "multiple-ends",
      nodeId: extra.id,
      message: `"${extra.label}" is a second end${where(map)}; a graph has one, where all paths meet.`,
      fix: "Connect these paths to the first end and delete this one.",
    });
  }
  return { start: starts[0], end: ends[0] };
};

const reachable = (index: TGraphIndex, from: string): Set<string> => {
  const seen = new Set([from]);
  const stack = [from];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const edge of index.outgoing.get(id) ?? []) {
      if (!seen.has(edge.target)) {
        seen.add(edge.target);
        stack.push(edge.target);
      }
    }
  }
  return seen;
};

/** Checks the shape of one graph (the scenario or a map body) and orders its nodes. */
export const checkStructure = (
  graph: TGraphLike,
  known: ReadonlySet<string>,
  map: TMapNode | undefined,
  report: TReport,
): TStructure => {
  const index = indexGraph(graph);
  checkEdges(index, known, map, report);
  const { start, end } = checkEnds(index, map, report);
  checkChoices(index, report);
  for (const cycle of findCycles(index)) {
    const labels = cycle.map((id) => `"${index.nodes.get(id)?.label ?? id}"`);
    report({
      severity: "error",
      code: "cycle",
      nodeId: cycle[0] as string,
      message: `${labels.join(", ")} form a cycle; a scenario only runs forward.`,
      fix: "Remove the edge that leads back; use a map node to repeat work over a list.",
    });
  }
  if (start) {
    const seen = reachable(index, start.id);
    for (const node of index.nodes.values()) {
      if (!seen.has(node.id)) {
        report({
          severity: "warning",
          code: "unreachable-node",
          nodeId: node.id,
          message: `"${node.label}" can never run: no path leads to it from the start.`,
          fix: `Connect "${node.label}" to the flow, or delete it.`,
        });
      } else if (
        node.kind !== "end" &&
        !(index.outgoing.get(node.id) ?? []).some((edge) => edge.kind !== "error")
      ) {
        report({
          severity: "warning",
          code: "dead-end",
          nodeId: node.id,
          message: `When "${node.label}" succeeds, the run goes nowhere from it.`,
          fix: `Connect "${node.label}" to the next step or to the end.`,
        });
      }
    }
  }
  return {
    index,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    order: sortTopologically(index).order,
  };
};
