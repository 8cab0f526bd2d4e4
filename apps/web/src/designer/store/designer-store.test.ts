import { ZScenario } from "@baton/model";
import { describe, expect, it } from "vitest";
import { everyKindScenario } from "../test/fixtures.ts";
import { composeScenario } from "./compose-scenario.ts";
import { createDesignerStore } from "./designer-store.ts";

const loaded = () => {
  const store = createDesignerStore();
  store.getState().load(everyKindScenario());
  return store;
};

const scenarioOf = (store: ReturnType<typeof loaded>) => composeScenario(store.getState());

describe("designer store", () => {
  it("adds a function step with a readable, unique id and a label", () => {
    const store = loaded();
    const first = store
      .getState()
      .addStep(
        { kind: "function", ref: "examples/CreateUser", name: "CreateUser" },
        { x: 10, y: 20 },
      );
    expect(first).toBe("createUser2");
    const node = store.getState().nodes.find((n) => n.id === first);
    expect(node).toMatchObject({ type: "function", position: { x: 10, y: 20 }, selected: true });
    expect(node?.data.step).toEqual({
      id: "createUser2",
      kind: "function",
      label: "Create user",
      function: "examples/CreateUser",
    });
  });

  it("drops every control node valid for the scenario format", () => {
    const store = createDesignerStore();
    store.getState().load({ ...everyKindScenario(), nodes: [], edges: [] });
    for (const kind of ["manual", "choice", "map", "wait", "subscenario", "end"] as const) {
      store.getState().addStep({ kind }, { x: 0, y: 0 });
    }
    const result = ZScenario.safeParse(scenarioOf(store));
    expect(result.error?.issues ?? []).toEqual([]);
    expect(store.getState().nodes.map((n) => n.id)).toEqual([
      "approval",
      "choice",
      "forEach",
      "wait",
      "subscenario",
      "end",
    ]);
  });

  it("connects by handle: next, error, and a branch that moves when drawn again", () => {
    const store = loaded();
    const { connect } = store.getState();
    expect(
      connect({ source: "createUser", sourceHandle: "error", target: "route", targetHandle: "in" }),
    ).toBe("createUser-route");
    expect(
      connect({ source: "route", sourceHandle: "branch:vip", target: "end", targetHandle: "in" }),
    ).toBe("route-end");
    const edges = scenarioOf(store).edges;
    expect(edges).toContainEqual({
      id: "createUser-route",
      kind: "error",
      source: "createUser",
      target: "route",
    });
    expect(edges.filter((e) => e.kind === "branch" && e.branch === "vip")).toEqual([
      { id: "route-end", kind: "branch", source: "route", target: "end", branch: "vip" },
    ]);
    // a duplicate and a self-loop are refused
    expect(
      connect({ source: "route", sourceHandle: "branch:vip", target: "end", targetHandle: "in" }),
    ).toBeUndefined();
    expect(
      connect({ source: "end", sourceHandle: "next", target: "end", targetHandle: "in" }),
    ).toBeUndefined();
  });

  it("removes a node with its edges in one undo step, and redoes it", () => {
    const store = loaded();
    const before = scenarioOf(store);
    // as React Flow reports a Delete key press: the edges, then the node
    store.getState().onEdgesChange([
      { type: "remove", id: "e1" },
      { type: "remove", id: "e2" },
      { type: "remove", id: "e3" },
    ]);
    store.getState().onNodesChange([{ type: "remove", id: "createUser" }]);
    const after = scenarioOf(store);
    expect(after.nodes.map((n) => n.id)).not.toContain("createUser");
    expect(after.edges.some((e) => e.source === "createUser" || e.target === "createUser")).toBe(
      false,
    );
    store.getState().undo();
    expect(scenarioOf(store)).toEqual(before);
    store.getState().redo();
    expect(scenarioOf(store)).toEqual(after);
  });

  it("makes a whole drag one undo step", () => {
    const store = loaded();
    store.getState().beginDrag();
    for (const x of [10, 20, 30]) {
      store
        .getState()
        .onNodesChange([{ type: "position", id: "start", position: { x, y: 0 }, dragging: true }]);
    }
    expect(store.getState().nodes[0]?.position).toEqual({ x: 30, y: 0 });
    store.getState().undo();
    expect(store.getState().nodes[0]?.position).toEqual({ x: 0, y: 0 });
  });

  it("makes arrow-key moves undoable, held keys folding into one step", () => {
    const store = loaded();
    // React Flow moves the selection on arrow keys with plain position changes, no drag
    for (const x of [16, 32, 48]) {
      store.getState().onNodesChange([{ type: "position", id: "start", position: { x, y: 0 } }]);
    }
    expect(store.getState().nodes[0]?.position).toEqual({ x: 48, y: 0 });
    store.getState().undo();
    expect(store.getState().nodes[0]?.position).toEqual({ x: 0, y: 0 });
    expect(store.getState().history.past).toHaveLength(0);
  });

  it("records the end of a drag, which React Flow reports as a plain move, only once", () => {
    const store = loaded();
    store.getState().beginDrag();
    store
      .getState()
      .onNodesChange([
        { type: "position", id: "start", position: { x: 10, y: 0 }, dragging: true },
      ]);
    store
      .getState()
      .onNodesChange([
        { type: "position", id: "start", position: { x: 10, y: 0 }, dragging: false },
      ]);
    expect(store.getState().history.past).toHaveLength(1);
    // a click on a node reports where it already is: nothing to undo
    store.getState().onNodesChange([{ type: "position", id: "start", position: { x: 10, y: 0 } }]);
    expect(store.getState().history.past).toHaveLength(1);
  });

  it("folds typing into one field into one undo step", () => {
    const store = loaded();
    for (const label of ["C", "Cr", "Cre"]) {
      store.getState().updateStep("createUser", (s) => ({ ...s, label }), "label");
    }
    store.getState().updateStep("createUser", (s) => ({ ...s, description: "x" }));
    store.getState().undo();
    expect(store.getState().nodes[1]?.data.step.label).toBe("Cre");
    store.getState().undo();
    expect(store.getState().nodes[1]?.data.step.label).toBe("Create user");
  });

  it("selects one edge alone, without counting it as an edit", () => {
    const store = loaded();
    store.getState().select(["start"]);
    store.getState().selectEdge("e3");
    store.getState().selectEdge("e5");
    const { nodes, edges, revision } = store.getState();
    expect(nodes.filter((n) => n.selected)).toEqual([]);
    expect(edges.filter((e) => e.selected).map((e) => e.id)).toEqual(["e5"]);
    expect(revision).toBe(0);
  });

  it("counts saveworthy changes only: selecting and measuring are not edits", () => {
    const store = loaded();
    store.getState().onNodesChange([{ type: "select", id: "start", selected: true }]);
    store
      .getState()
      .onNodesChange([{ type: "dimensions", id: "start", dimensions: { width: 10, height: 10 } }]);
    expect(store.getState().revision).toBe(0);
    store.getState().onNodesChange([{ type: "position", id: "start", position: { x: 5, y: 5 } }]);
    expect(store.getState().revision).toBe(1);
  });

  it("pastes copies with new ids, offset, and references between them renamed", () => {
    const store = loaded();
    store.getState().select(["createUser", "end"]);
    expect(store.getState().copySelection()).toBe(2);
    store.getState().paste();
    const scenario = scenarioOf(store);
    const copyEnd = scenario.nodes.find((n) => n.id === "end2");
    expect(copyEnd).toMatchObject({
      kind: "end",
      position: { x: 1240, y: 40 },
      output: { id: { ref: "steps.createUser2.output.id" } },
    });
    expect(scenario.edges).toContainEqual({
      id: "createUser2-end2",
      kind: "error",
      source: "createUser2",
      target: "end2",
    });
    expect(
      store
        .getState()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual(["createUser2", "end2"]);
  });

  it("never deletes the start node", () => {
    const store = loaded();
    store.getState().selectAll();
    store.getState().deleteSelection();
    expect(scenarioOf(store).nodes.map((n) => n.id)).toEqual(["start"]);
    expect(scenarioOf(store).edges).toEqual([]);
  });

  it("renames a branch on the rules, the default and the edges together", () => {
    const store = loaded();
    store.getState().renameBranch("route", "other", "regular");
    const scenario = scenarioOf(store);
    expect(scenario.nodes.find((n) => n.id === "route")).toMatchObject({ default: "regular" });
    expect(scenario.edges.find((e) => e.id === "e6")).toMatchObject({ branch: "regular" });
    expect(store.getState().edges.find((e) => e.id === "e6")?.sourceHandle).toBe("branch:regular");
  });
});

describe("adding a step from the keyboard", () => {
  const startToEnd = () => {
    const store = createDesignerStore();
    store.getState().load({
      ...everyKindScenario(),
      nodes: [
        { id: "start", kind: "start", label: "Start", position: { x: 0, y: 0 } },
        { id: "end", kind: "end", label: "End", position: { x: 320, y: 0 } },
      ],
      edges: [{ id: "e1", kind: "next", source: "start", target: "end" }],
    });
    return store;
  };
  const validate = {
    kind: "function",
    ref: "examples/ValidateEmail",
    name: "ValidateEmail",
  } as const;
  const edgesOf = (store: ReturnType<typeof startToEnd>) =>
    scenarioOf(store).edges.map(
      (e) => `${e.source}-${e.kind === "branch" ? e.branch : e.kind}->${e.target}`,
    );

  it("puts it after the selected step, clear of the others, and wires it in between", () => {
    const store = startToEnd();
    store.getState().select(["start"]);
    const id = store.getState().addStepAfterSelection(validate, { x: 999, y: 999 });
    const node = store.getState().nodes.find((n) => n.id === id);
    // beside the start, where the end is, so below it
    expect(node?.position).toEqual({ x: 304, y: 128 });
    expect(node?.selected).toBe(true);
    expect(edgesOf(store)).toEqual(["start-next->validateEmail", "validateEmail-next->end"]);
    expect(
      store
        .getState()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual([id]);
    store.getState().undo();
    expect(edgesOf(store)).toEqual(["start-next->end"]);
    expect(store.getState().nodes.map((n) => n.id)).toEqual(["start", "end"]);
  });

  it("chains: each step added goes after the one added before", () => {
    const store = startToEnd();
    store.getState().select(["start"]);
    store.getState().addStepAfterSelection(validate, { x: 0, y: 0 });
    store.getState().addStepAfterSelection({ kind: "wait" }, { x: 0, y: 0 });
    expect(edgesOf(store)).toEqual([
      "start-next->validateEmail",
      "validateEmail-next->wait",
      "wait-next->end",
    ]);
  });

  it("wires a choice's first branch that leads nowhere yet", () => {
    const store = loaded();
    store.getState().updateStep("route", (s) =>
      s.kind === "choice"
        ? {
            ...s,
            rules: [...s.rules, { branch: "new", condition: { ref: "input", op: "exists" } }],
          }
        : s,
    );
    store.getState().select(["route"]);
    const id = store.getState().addStepAfterSelection({ kind: "wait" }, { x: 0, y: 0 });
    expect(scenarioOf(store).edges).toContainEqual(
      expect.objectContaining({ kind: "branch", branch: "new", source: "route", target: id }),
    );
  });

  it("adds an end after a step without moving the step's other edges", () => {
    const store = startToEnd();
    store.getState().select(["start"]);
    store.getState().addStepAfterSelection({ kind: "end" }, { x: 0, y: 0 });
    expect(edgesOf(store)).toEqual(["start-next->end", "start-next->end2"]);
  });

  it("with nothing selected, puts it at the free spot nearest the one given, unwired", () => {
    const store = startToEnd();
    const id = store.getState().addStepAfterSelection(validate, { x: 10, y: 10 });
    expect(store.getState().nodes.find((n) => n.id === id)?.position).toEqual({ x: 10, y: 128 });
    expect(edgesOf(store)).toEqual(["start-next->end"]);
  });
});

describe("replacing the scenario", () => {
  it("swaps the graph in one undo step and keeps this scenario's slug", () => {
    const store = loaded();
    const before = scenarioOf(store);
    store.getState().replaceScenario({
      ...everyKindScenario(),
      slug: "other",
      name: "Imported",
      nodes: [],
      edges: [],
    });
    expect(scenarioOf(store)).toMatchObject({ slug: "every-kind", name: "Imported", nodes: [] });
    store.getState().undo();
    expect(scenarioOf(store).nodes).toEqual(before.nodes);
  });
});

describe("map bodies", () => {
  it("edits a map's body on the canvas and writes it back on leaving", () => {
    const store = loaded();
    store.getState().enterMap("each");
    expect(store.getState().nodes.map((n) => n.id)).toEqual(["bodyStart", "bodyEnd"]);
    const id = store.getState().addStep({ kind: "wait" }, { x: 0, y: 50 });
    // the whole scenario sees the new step while the body is still on the canvas
    const inside = composeScenario(store.getState());
    const map = inside.nodes.find((n) => n.id === "each");
    expect(map?.kind === "map" && map.body.nodes.map((n) => n.id)).toEqual([
      "bodyStart",
      "bodyEnd",
      id,
    ]);
    store.getState().exitMap();
    expect(store.getState().frames).toEqual([]);
    expect(scenarioOf(store)).toEqual(inside);
    expect(store.getState().nodes.find((n) => n.id === "each")?.selected).toBe(true);
  });

  it("keeps ids unique across levels", () => {
    const store = loaded();
    store.getState().enterMap("each");
    expect(store.getState().addStep({ kind: "end" }, { x: 0, y: 0 })).toBe("end2");
  });

  it("undoes across levels, back to where the edit was made", () => {
    const store = loaded();
    store.getState().enterMap("each");
    store.getState().addStep({ kind: "wait" }, { x: 0, y: 0 });
    store.getState().exitMap();
    store.getState().undo();
    expect(store.getState().frames.map((f) => f.mapId)).toEqual(["each"]);
    expect(store.getState().nodes.map((n) => n.id)).toEqual(["bodyStart", "bodyEnd"]);
  });
});
