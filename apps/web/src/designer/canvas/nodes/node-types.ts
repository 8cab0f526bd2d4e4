import type { NodeTypes } from "@xyflow/react";
import { ChoiceNode } from "./ChoiceNode.tsx";
import { EndNode } from "./EndNode.tsx";
import { FunctionNode } from "./FunctionNode.tsx";
import { ManualNode } from "./ManualNode.tsx";
import { MapNode } from "./MapNode.tsx";
import { StartNode } from "./StartNode.tsx";
import { SubscenarioNode } from "./SubscenarioNode.tsx";
import { WaitNode } from "./WaitNode.tsx";

/** Defined once, outside any component, so React Flow never remounts the nodes. */
export const nodeTypes = {
  start: StartNode,
  end: EndNode,
  function: FunctionNode,
  manual: ManualNode,
  choice: ChoiceNode,
  map: MapNode,
  wait: WaitNode,
  subscenario: SubscenarioNode,
} satisfies NodeTypes;
