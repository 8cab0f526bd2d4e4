// The scenario format lives in @baton/model; its index does not export it yet, so this one
// file reaches for it and everything else imports from here (one line to change later).

export { listNodes } from "../../../../packages/model/src/graph.ts";
export {
  SCENARIO_FORMAT,
  type TFunctionNode,
  type TNode,
  type TScenario,
  ZScenario,
} from "../../../../packages/model/src/scenario.ts";
