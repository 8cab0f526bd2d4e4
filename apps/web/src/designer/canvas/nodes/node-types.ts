import type { NodeTypes } from "@xyflow/react";
import { ChoiceNode } from "./ChoiceNode.tsx";
import { EndNode } from "./EndNode.tsx";
import { FunctionNode } from "./FunctionNode.tsx";
import { ManualNode } from "./ManualNode.tsx";
import { MapNode } from "./MapNode.tsx";
import { StartNode } from "./StartNode.tsx";
import { SubscenarioNode } from "./SubscenarioNode.tsx";
import { WaitNode } from "./WaitNode.tsx";
import { zoomable } from "./zoomable.tsx";

/** Defined once, outside any component, so React Flow never remounts the nodes. */
export const nodeTypes = {
  start: zoomable(StartNode),
  end: zoomable(EndNode),
  function: zoomable(FunctionNode),
  manual: zoomable(ManualNode),
  choice: zoomable(ChoiceNode),
  map: zoomable(MapNode),
  wait: zoomable(WaitNode),
  subscenario: zoomable(SubscenarioNode),
} satisfies NodeTypes;
