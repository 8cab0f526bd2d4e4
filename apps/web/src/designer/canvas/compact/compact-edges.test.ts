import type { TDiagnostic } from "@baton/model";
import { describe, expect, it } from "vitest";
import { everyKindScenario } from "../../test/fixtures.ts";
import type { TCanvasNode } from "../canvas-types.ts";
import { toCanvas } from "../to-canvas.ts";
import {
  edgeEnds,
  edgePaths,
  edgeProblems,
  edgeStyle,
  movingKey,
  nearestEdge,
  nodesById,
  splitByMoving,
  stillNodes,
} from "./compact-edges.ts";
import { bezierMidpoint } from "./compact-geometry.ts";

const graph = () => toCanvas(everyKindScenario());

const diagnostic = (severity: TDiagnostic["severity"]) =>
  ({ code: "missing-input", severity, message: "bad" }) satisfies TDiagnostic;

describe("compact edges", () => {
  it("draw every edge into the path of its style, one segment each", () => {
    const { nodes, edges } = graph();
    const paths = edgePaths(edges, nodesById(nodes), new Map());
    const segments = (d: string) => d.split("M").length - 1;
    expect(segments(paths.next)).toBe(6);
    expect(segments(paths.error)).toBe(1);
    expect(segments(paths.branch)).toBe(2);
    expect(paths.invalid).toBe("");
  });

  it("stroke edges the check blames as invalid or warned, and mark them", () => {
    const { nodes, edges } = graph();
    const byEdge = new Map([
      ["e2", [diagnostic("warning")]],
      ["e9", [diagnostic("warning"), diagnostic("error")]],
    ]);
    const e2 = edges.find((e) => e.id === "e2");
    if (!e2) throw new Error("e2");
    expect(edgeStyle(e2, byEdge)).toBe("warn");
    const paths = edgePaths(edges, nodesById(nodes), byEdge);
    expect(paths.invalid.split("M")).toHaveLength(2);
    const problems = edgeProblems(edges, nodesById(nodes), byEdge);
    expect(problems.map((p) => [p.edge.id, p.severity])).toEqual([
      ["e2", "warning"],
      ["e9", "error"],
    ]);
  });

  it("skip edges whose nodes are gone", () => {
    const { nodes, edges } = graph();
    const paths = edgePaths(edges, nodesById(nodes.filter((n) => n.id !== "end")), new Map());
    expect(paths.error).toBe("");
  });
});

describe("drags", () => {
  const drag = (nodes: TCanvasNode[], id: string, dx: number): TCanvasNode[] =>
    nodes.map((n) =>
      n.id === id
        ? { ...n, dragging: true, position: { x: n.position.x + dx, y: n.position.y } }
        : n,
    );

  it("key the dragged nodes and split off the edges that touch them", () => {
    const { nodes, edges } = graph();
    const moved = drag(drag(nodes, "pause", 5), "approve", 5);
    expect(movingKey(moved)).toBe("approve\npause");
    expect(movingKey(nodes)).toBe("");
    const split = splitByMoving(edges, new Set(["pause"]));
    expect(split.moving.map((e) => e.id)).toEqual(["e5", "e7"]);
    expect(split.still).toHaveLength(edges.length - 2);
  });

  it("keep the still nodes' map while only dragged nodes change", () => {
    const { nodes } = graph();
    const moving = new Set(["pause"]);
    const first = stillNodes(undefined, nodes, moving);
    expect(stillNodes(first, drag(nodes, "pause", 10), moving)).toBe(first);
    const other = stillNodes(first, drag(nodes, "approve", 10), moving);
    expect(other).not.toBe(first);
    expect(other.get("approve")?.position.x).toBe(410);
  });

  it("find the edge drawn nearest to a point, within the tolerance only", () => {
    const { nodes, edges } = graph();
    const byId = nodesById(nodes);
    for (const edge of edges) {
      const ends = edgeEnds(edge, byId)!;
      const mid = bezierMidpoint(ends.source, ends.target);
      expect(nearestEdge(edges, byId, { x: mid.x, y: mid.y + 2 }, 8)?.id).toBe(edge.id);
    }
    const ends = edgeEnds(edges[0]!, byId)!;
    const mid = bezierMidpoint(ends.source, ends.target);
    const far = { x: mid.x, y: Math.max(...nodes.map((n) => n.position.y)) + 5_000 };
    expect(nearestEdge(edges, byId, far, 8)).toBeUndefined();
  });
});
