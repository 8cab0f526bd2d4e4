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

export type TKindLook = { icon: LucideIcon; name: string; accent: string };

/** The look of each kind of step — icon, name, accent — one table for the designer (node, palette, minimap) and the monitor. */
export const KIND_LOOKS: Record<TNodeKind, TKindLook> = {
  start: { icon: CirclePlay, name: "Start", accent: "bg-emerald-500" },
  end: { icon: CircleStop, name: "End", accent: "bg-zinc-500" },
  function: { icon: SquareFunction, name: "Function", accent: "bg-indigo-500" },
  manual: { icon: UserCheck, name: "Approval", accent: "bg-amber-500" },
  choice: { icon: Split, name: "Choice", accent: "bg-violet-500" },
  map: { icon: Repeat, name: "For each", accent: "bg-sky-500" },
  wait: { icon: Hourglass, name: "Wait", accent: "bg-slate-500" },
  subscenario: { icon: Workflow, name: "Subscenario", accent: "bg-teal-500" },
};

/** Minimap colours, as the minimap paints SVG and cannot take class names. */
export const KIND_COLORS: Record<TNodeKind, string> = {
  start: "#10b981",
  end: "#71717a",
  function: "#6366f1",
  manual: "#f59e0b",
  choice: "#8b5cf6",
  map: "#0ea5e9",
  wait: "#64748b",
  subscenario: "#14b8a6",
};
