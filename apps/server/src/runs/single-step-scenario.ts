import {
  BatonError,
  findNode,
  SCENARIO_FORMAT,
  type TFunctionNode,
  type TJsonSchema,
  type TScenario,
} from "@baton/model";

/** The function step of a draft that a single-step test run calls, or why it cannot. */
export const stepToTest = (
  draft: TScenario,
  nodeId: string,
): TFunctionNode & { function: string } => {
  const node = findNode(draft, nodeId)?.node;
  if (!node) {
    throw new BatonError(
      "NOT_FOUND",
      `The draft has no step "${nodeId}"; it may have been deleted or renamed since.`,
    );
  }
  if (node.kind !== "function") {
    throw new BatonError(
      "BAD_INPUT",
      `"${node.label}" is a ${node.kind} step; only a function step runs alone — test the whole draft instead.`,
    );
  }
  if (!node.function) {
    throw new BatonError("BAD_INPUT", `"${node.label}" calls no function yet: choose one first.`);
  }
  return { ...node, function: node.function };
};

/**
 * A scenario that runs one function step of the draft alone: its input is the run's input
 * (typed against the function's input schema), its output the run's output. The step keeps
 * its function, retry policy and timeout; its mapping is dropped, since nothing comes
 * before it.
 */
export const singleStepScenario = (
  draft: TScenario,
  step: TFunctionNode & { function: string },
  inputSchema: TJsonSchema,
): TScenario => {
  const { input: _mapping, ...called } = step;
  const startId = step.id === "input" ? "input_" : "input";
  const endId = step.id === "output" ? "output_" : "output";
  return {
    format: SCENARIO_FORMAT,
    slug: draft.slug,
    name: draft.name,
    nodes: [
      { id: startId, kind: "start", label: "Input", position: { x: 0, y: 0 }, inputSchema },
      { ...called, position: { x: 320, y: 0 } },
      {
        id: endId,
        kind: "end",
        label: "Output",
        position: { x: 640, y: 0 },
        output: { $: { ref: `steps.${step.id}.output` } },
      },
    ],
    edges: [
      { id: `${startId}-${step.id}`, kind: "next", source: startId, target: step.id },
      { id: `${step.id}-${endId}`, kind: "next", source: step.id, target: endId },
    ],
  };
};
