import type { TNodeKind } from "@baton/model";
import {
  CirclePlay,
  CircleStop,
  Hourglass,
  type LucideIcon,
  Repeat,
  Split,
  SquareFunction,
  UserCheck,
  Workflow,
} from "lucide-react";

/** The icon and name of each kind of step, as the designer shows them. */
export const NODE_LOOKS: Record<TNodeKind, { icon: LucideIcon; name: string }> = {
  start: { icon: CirclePlay, name: "Start" },
  end: { icon: CircleStop, name: "End" },
  function: { icon: SquareFunction, name: "Function" },
  manual: { icon: UserCheck, name: "Approval" },
  choice: { icon: Split, name: "Choice" },
  map: { icon: Repeat, name: "For each" },
  wait: { icon: Hourglass, name: "Wait" },
  subscenario: { icon: Workflow, name: "Subscenario" },
};
