import { listNodes, type TEdge, type TScenario } from "@baton/model";
import {
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type NodePositionChange,
  type XYPosition,
} from "@xyflow/react";
import { createStore } from "zustand/vanilla";
import {
  branchOfHandle,
  ERROR_HANDLE,
  NEXT_HANDLE,
  TARGET_HANDLE,
  type TCanvasEdge,
  type TCanvasNode,
  type TScenarioMeta,
  type TStep,
} from "../canvas/canvas-types.ts";
import { boxOf, DEFAULT_NODE_SIZE } from "../canvas/node-size.ts";
import { compactHandles } from "../canvas/nodes/compact-handles.ts";
import { toCanvas, toCanvasEdge } from "../canvas/to-canvas.ts";
import { composeGraph, composeScenario, type TFrame } from "./compose-scenario.ts";
import { freeSpot } from "./free-spot.ts";
import { emptyHistory, record, redo, type THistory, undo } from "./history.ts";
import { locateNode } from "./locate-node.ts";
import { CONTROL_LABELS, newStep, type TNewStep } from "./new-step.ts";
import { renameReferences } from "./rename-references.ts";
import { humanize, stepIdBase, uniqueStepId } from "./step-ids.ts";

/** What undo restores: the graph on the canvas and which map body it is, if any. */
export type TSnapshot = { nodes: TCanvasNode[]; edges: TCanvasEdge[]; frames: TFrame[] };

type TClipboard = { nodes: TCanvasNode[]; edges: TCanvasEdge[] };

export type TDesignerState = {
  meta: TScenarioMeta;
  nodes: TCanvasNode[];
  edges: TCanvasEdge[];
  /** The graphs around the map body on the canvas, outermost first; empty at the top. */
  frames: TFrame[];
  history: THistory<TSnapshot>;
  clipboard: TClipboard | undefined;
  /** Bumped by every change worth saving; selection and measuring do not count. */
  revision: number;
  /** Edits typed into one field within a moment form one undo step. */
  lastEdit: { key: string; at: number } | undefined;

  load(scenario: TScenario): void;
  /** Replaces the whole graph as one undoable edit (import, restore a version); the slug stays. */
  replaceScenario(scenario: TScenario): void;
  onNodesChange(changes: NodeChange<TCanvasNode>[]): void;
  onEdgesChange(changes: EdgeChange<TCanvasEdge>[]): void;
  /** Call when a drag starts, so the whole drag is one undo step. */
  beginDrag(): void;
  connect(connection: Connection): string | undefined;
  addStep(spec: TNewStep, position: XYPosition): string;
  /**
   * The keyboard's drop: after the one selected step, wired from its next (or first unwired
   * branch) and in between it and where that led; with no step selected, at the free spot
   * nearest `fallback`. Selected once added, so adding again builds a chain.
   */
  addStepAfterSelection(spec: TNewStep, fallback: XYPosition): string;
  updateStep(id: string, recipe: (step: TStep) => TStep, coalesceKey?: string): void;
  renameBranch(id: string, from: string, to: string): void;
  setMeta(patch: Partial<TScenarioMeta>): void;
  deleteSelection(): void;
  copySelection(): number;
  paste(): void;
  selectAll(): void;
  select(ids: readonly string[]): void;
  /** Selects one edge alone, for the zoomed-out canvas where edges are not React Flow's. */
  selectEdge(id: string): void;
  setPositions(positions: ReadonlyMap<string, XYPosition>): void;
  /** Shows a map's body on the canvas, to edit the steps run per item. */
  enterMap(id: string): void;
  /** Back to the graph around the body on the canvas; `levels` at once. */
  exitMap(levels?: number): void;
  /** Shows the graph that holds `nodeId`, entering or leaving map bodies; false if none does. */
  showNode(nodeId: string): boolean;
  undo(): void;
  redo(): void;
};

const COALESCE_MS = 1_000;
const PASTE_OFFSET = 40;

const emptyMeta: TScenarioMeta = { format: "baton.scenario/v1", slug: "draft", name: "Draft" };

/** Which edge a drag from `sourceHandle` makes: the handle says next, error or which branch. */
export const edgeFromConnection = (connection: Connection, id: string): TCanvasEdge => {
  const branch = branchOfHandle(connection.sourceHandle);
  const ends = { id, source: connection.source, target: connection.target };
  const edge: TEdge =
    branch !== undefined
      ? { ...ends, kind: "branch", branch }
      : connection.sourceHandle === ERROR_HANDLE
        ? { ...ends, kind: "error" }
        : { ...ends, kind: "next" };
  return toCanvasEdge(edge);
};

/** The nodes `changes` put somewhere else than where they are. */
const movedIds = (nodes: readonly TCanvasNode[], changes: readonly NodeChange<TCanvasNode>[]) => {
  const moves = changes.filter(
    (c): c is NodePositionChange & { position: XYPosition } =>
      c.type === "position" && c.position !== undefined,
  );
  if (moves.length === 0) return [];
  const at = new Map(nodes.map((n) => [n.id, n.position]));
  return moves
    .filter((c) => {
      const from = at.get(c.id);
      return from !== undefined && (from.x !== c.position.x || from.y !== c.position.y);
    })
    .map((c) => c.id);
};

// Between a step and one added after it from the keyboard.
const STEP_GAP = 80;

/** Where a step added after `step` is wired from: its next, else its first branch to nowhere. */
const handleToWire = (step: TStep, edges: readonly TCanvasEdge[]): string | undefined => {
  const outputs = compactHandles(step).outputs.map((h) => h.id);
  if (outputs.includes(NEXT_HANDLE)) return NEXT_HANDLE;
  return outputs.find((h) => !edges.some((e) => e.source === step.id && e.sourceHandle === h));
};

const uniqueEdgeId = (source: string, target: string, taken: ReadonlySet<string>) =>
  uniqueStepId(`${source}-${target}`, taken);

export const createDesignerStore = () =>
  createStore<TDesignerState>()((set, get) => {
    const snapshot = (): TSnapshot => ({
      nodes: get().nodes,
      edges: get().edges,
      frames: get().frames,
    });
    // Ids are unique across the whole scenario, map bodies included: references name them.
    const takenIds = () => new Set(listNodes(composeScenario(get())).map(({ node }) => node.id));
    /** Remember the state before an edit, for undo. */
    const remember = () => set({ history: record(get().history, snapshot()), lastEdit: undefined });
    const changed = () => ({ revision: get().revision + 1 });
    /** Like remember, but moves of the same steps in a quick row (a held arrow key) are one edit. */
    const rememberMove = (ids: readonly string[]) => {
      const key = `move:${[...ids].sort().join(",")}`;
      const now = Date.now();
      const { lastEdit } = get();
      if (lastEdit?.key !== key || now - lastEdit.at >= COALESCE_MS) remember();
      set({ lastEdit: { key, at: now } });
    };
    // Between beginDrag and the drag's last move, which React Flow reports without `dragging`.
    let dragging = false;
    // React Flow reports one deletion as separate edge and node changes, in either order;
    // those of one tick form one undo step.
    let removing = false;
    const rememberRemoval = () => {
      if (removing) return;
      removing = true;
      queueMicrotask(() => {
        removing = false;
      });
      remember();
    };

    return {
      meta: emptyMeta,
      nodes: [],
      edges: [],
      frames: [],
      history: emptyHistory(),
      clipboard: undefined,
      revision: 0,
      lastEdit: undefined,

      load: (scenario) => {
        const { meta, nodes, edges } = toCanvas(scenario);
        set({
          meta,
          nodes,
          edges,
          frames: [],
          history: emptyHistory(),
          lastEdit: undefined,
          revision: 0,
        });
      },

      replaceScenario: (scenario) => {
        const { meta, nodes, edges } = toCanvas(scenario);
        remember();
        set({ meta: { ...meta, slug: get().meta.slug }, nodes, edges, frames: [], ...changed() });
      },

      onNodesChange: (changes) => {
        const { nodes, edges } = get();
        const present = new Set(nodes.map((n) => n.id));
        const removed = new Set(
          changes.flatMap((c) => (c.type === "remove" && present.has(c.id) ? [c.id] : [])),
        );
        if (removed.size > 0) rememberRemoval();
        // Outside a drag, a move comes from the arrow keys; a drag was remembered as it began.
        if (!dragging) {
          const moved = movedIds(nodes, changes);
          if (moved.length > 0) rememberMove(moved);
        }
        if (changes.some((c) => c.type === "position" && !c.dragging)) dragging = false;
        const saveworthy = changes.some((c) => c.type !== "select" && c.type !== "dimensions");
        set({
          nodes: applyNodeChanges(changes, nodes),
          // Edges never outlive their nodes, whatever order React Flow reports removals in.
          edges:
            removed.size > 0
              ? edges.filter((e) => !removed.has(e.source) && !removed.has(e.target))
              : edges,
          ...(saveworthy ? changed() : {}),
        });
      },

      onEdgesChange: (changes) => {
        const { edges } = get();
        const present = new Set(edges.map((e) => e.id));
        if (changes.some((c) => c.type === "remove" && present.has(c.id))) rememberRemoval();
        const saveworthy = changes.some((c) => c.type !== "select");
        set({ edges: applyEdgeChanges(changes, edges), ...(saveworthy ? changed() : {}) });
      },

      beginDrag: () => {
        remember();
        dragging = true;
      },

      connect: (connection) => {
        if (connection.source === connection.target) return undefined;
        const { edges } = get();
        const sameHandle = (e: TCanvasEdge) =>
          e.source === connection.source && e.sourceHandle === connection.sourceHandle;
        if (edges.some((e) => sameHandle(e) && e.target === connection.target)) return undefined;
        // A branch leads to one place: drawing it again moves it.
        const kept =
          branchOfHandle(connection.sourceHandle) === undefined
            ? edges
            : edges.filter((e) => !sameHandle(e));
        const id = uniqueEdgeId(
          connection.source,
          connection.target,
          new Set(edges.map((e) => e.id)),
        );
        remember();
        set({
          edges: [...kept, { ...edgeFromConnection(connection, id), targetHandle: TARGET_HANDLE }],
          ...changed(),
        });
        return id;
      },

      addStep: (spec, position) => {
        const { nodes } = get();
        const name = spec.kind === "function" ? spec.name : CONTROL_LABELS[spec.kind];
        const id = uniqueStepId(stepIdBase(name), takenIds());
        const step = newStep(spec, id, spec.kind === "function" ? humanize(spec.name) : name);
        remember();
        const node = {
          id,
          type: step.kind,
          position,
          data: { step },
          selected: true,
        } as TCanvasNode;
        set({
          nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
          ...changed(),
        });
        return id;
      },

      addStepAfterSelection: (spec, fallback) => {
        const { nodes, edges } = get();
        const selected = nodes.filter((n) => n.selected);
        const anchor = selected.length === 1 ? selected[0] : undefined;
        const boxes = nodes.map(boxOf);
        const at = anchor
          ? { x: boxOf(anchor).x + boxOf(anchor).width + STEP_GAP, y: anchor.position.y }
          : fallback;
        const id = get().addStep(spec, freeSpot(at, DEFAULT_NODE_SIZE, boxes));
        const handle = anchor && handleToWire(anchor.data.step, edges);
        if (!anchor || !handle) return id;
        const added = get().nodes.find((n) => n.id === id)!;
        const taken = new Set(edges.map((e) => e.id));
        const edgeTo = (source: string, sourceHandle: string, target: string) => {
          const edgeId = uniqueEdgeId(source, target, taken);
          taken.add(edgeId);
          return edgeFromConnection(
            { source, sourceHandle, target, targetHandle: TARGET_HANDLE },
            edgeId,
          );
        };
        const wired = edgeTo(anchor.id, handle, id);
        const leadsOn = compactHandles(added.data.step).outputs.some((h) => h.id === NEXT_HANDLE);
        const onward = edges.filter((e) => e.source === anchor.id && e.sourceHandle === handle);
        const between = leadsOn && onward.length === 1 ? onward[0] : undefined;
        // addStep remembered the state before; the wiring is part of the same edit
        set({
          edges: between
            ? [
                ...edges.map((e) => (e === between ? wired : e)),
                edgeTo(id, NEXT_HANDLE, between.target),
              ]
            : [...edges, wired],
          ...changed(),
        });
        return id;
      },

      updateStep: (id, recipe, coalesceKey) => {
        const now = Date.now();
        const { lastEdit } = get();
        const key = coalesceKey ? `${id}:${coalesceKey}` : undefined;
        const coalesce =
          key !== undefined && lastEdit?.key === key && now - lastEdit.at < COALESCE_MS;
        if (!coalesce) remember();
        set({
          nodes: get().nodes.map((n) =>
            n.id === id ? ({ ...n, data: { step: recipe(n.data.step) } } as TCanvasNode) : n,
          ),
          lastEdit: key ? { key, at: now } : undefined,
          ...changed(),
        });
      },

      renameBranch: (id, from, to) => {
        remember();
        set({
          nodes: get().nodes.map((n) => {
            if (n.id !== id || n.data.step.kind !== "choice") return n;
            const step = n.data.step;
            return {
              ...n,
              data: {
                step: {
                  ...step,
                  rules: step.rules.map((r) => (r.branch === from ? { ...r, branch: to } : r)),
                  ...(step.default === from ? { default: to } : {}),
                },
              },
            } as TCanvasNode;
          }),
          edges: get().edges.map((e) =>
            e.source === id && e.type === "branch" && e.data?.branch === from
              ? toCanvasEdge({
                  id: e.id,
                  kind: "branch",
                  source: e.source,
                  target: e.target,
                  branch: to,
                })
              : e,
          ),
          ...changed(),
        });
      },

      setMeta: (patch) => {
        set({ meta: { ...get().meta, ...patch }, ...changed() });
      },

      deleteSelection: () => {
        const { nodes, edges } = get();
        const gone = new Set(
          nodes.filter((n) => n.selected && n.type !== "start").map((n) => n.id),
        );
        const keptEdges = edges.filter(
          (e) => !e.selected && !gone.has(e.source) && !gone.has(e.target),
        );
        if (gone.size === 0 && keptEdges.length === edges.length) return;
        remember();
        set({ nodes: nodes.filter((n) => !gone.has(n.id)), edges: keptEdges, ...changed() });
      },

      copySelection: () => {
        const { nodes, edges } = get();
        const picked = nodes.filter((n) => n.selected && n.type !== "start");
        const ids = new Set(picked.map((n) => n.id));
        set({
          clipboard: {
            nodes: picked,
            edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
          },
        });
        return picked.length;
      },

      paste: () => {
        const { clipboard, nodes, edges } = get();
        if (!clipboard || clipboard.nodes.length === 0) return;
        const taken = takenIds();
        const renamed = new Map<string, string>();
        for (const node of clipboard.nodes) {
          const id = uniqueStepId(node.id.replace(/\d+$/, ""), taken);
          taken.add(id);
          renamed.set(node.id, id);
        }
        const pasted = clipboard.nodes.map(
          (node) =>
            ({
              ...node,
              id: renamed.get(node.id)!,
              position: { x: node.position.x + PASTE_OFFSET, y: node.position.y + PASTE_OFFSET },
              selected: true,
              data: {
                step: { ...renameReferences(node.data.step, renamed), id: renamed.get(node.id)! },
              },
            }) as TCanvasNode,
        );
        const edgeIds = new Set(edges.map((e) => e.id));
        const pastedEdges = clipboard.edges.map((edge) => {
          const source = renamed.get(edge.source)!;
          const target = renamed.get(edge.target)!;
          const id = uniqueEdgeId(source, target, edgeIds);
          edgeIds.add(id);
          return { ...edge, id, source, target, selected: false };
        });
        remember();
        set({
          nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted],
          edges: [...edges, ...pastedEdges],
          // Pasting again offsets from the copies, so repeated pastes fan out.
          clipboard: { nodes: pasted.map((n) => ({ ...n, selected: false })), edges: pastedEdges },
          ...changed(),
        });
      },

      selectAll: () => {
        set({
          nodes: get().nodes.map((n) => (n.selected ? n : { ...n, selected: true })),
          edges: get().edges.map((e) => (e.selected ? e : { ...e, selected: true })),
        });
      },

      select: (ids) => {
        const wanted = new Set(ids);
        set({
          nodes: get().nodes.map((n) =>
            Boolean(n.selected) === wanted.has(n.id) ? n : { ...n, selected: wanted.has(n.id) },
          ),
          edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
        });
      },

      selectEdge: (id) => {
        set({
          nodes: get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n)),
          edges: get().edges.map((e) =>
            Boolean(e.selected) === (e.id === id) ? e : { ...e, selected: e.id === id },
          ),
        });
      },

      setPositions: (positions) => {
        remember();
        set({
          nodes: get().nodes.map((n) => {
            const position = positions.get(n.id);
            return position ? { ...n, position } : n;
          }),
          ...changed(),
        });
      },

      enterMap: (id) => {
        const { nodes, edges, frames } = get();
        const map = nodes.find((n) => n.id === id)?.data.step;
        if (map?.kind !== "map") return;
        const body = toCanvas({ ...get().meta, ...map.body });
        const parent = nodes.map((n) => (n.selected ? { ...n, selected: false } : n));
        set({
          frames: [...frames, { mapId: id, nodes: parent, edges }],
          nodes: body.nodes,
          edges: body.edges,
          lastEdit: undefined,
        });
      },

      exitMap: (levels = 1) => {
        for (let level = 0; level < levels; level++) {
          const { frames, nodes, edges } = get();
          const frame = frames.at(-1);
          if (!frame) return;
          const body = composeGraph([], nodes, edges);
          set({
            frames: frames.slice(0, -1),
            nodes: frame.nodes.map((n) =>
              n.id === frame.mapId && n.data.step.kind === "map"
                ? ({
                    ...n,
                    selected: true,
                    data: { step: { ...n.data.step, body } },
                  } as TCanvasNode)
                : n,
            ),
            edges: [...frame.edges],
            lastEdit: undefined,
          });
        }
      },

      showNode: (nodeId) => {
        if (get().nodes.some((n) => n.id === nodeId)) return true;
        const chain = locateNode(composeScenario(get()), nodeId);
        if (!chain) return false;
        get().exitMap(get().frames.length);
        for (const mapId of chain) get().enterMap(mapId);
        return true;
      },

      undo: () => {
        const step = undo(get().history, snapshot());
        if (step)
          set({ ...step.snapshot, history: step.history, lastEdit: undefined, ...changed() });
      },

      redo: () => {
        const step = redo(get().history, snapshot());
        if (step)
          set({ ...step.snapshot, history: step.history, lastEdit: undefined, ...changed() });
      },
    };
  });

export type TDesignerStore = ReturnType<typeof createDesignerStore>;
