import type { TNodeKind } from "@baton/model";
import type { TStep } from "../canvas/canvas-types.ts";

/** What the palette offers besides functions. */
export type TControlKind = Exclude<TNodeKind, "function" | "start">;

export type TNewStep = { kind: "function"; ref: string; name: string } | { kind: TControlKind };

export const CONTROL_LABELS: Record<TControlKind, string> = {
  manual: "Approval",
  choice: "Choice",
  map: "For each",
  wait: "Wait",
  subscenario: "Subscenario",
  end: "End",
};

/**
 * A step as dropped from the palette: valid for the scenario format from the first moment,
 * so the draft always saves; the check then says what is left to fill in.
 */
export const newStep = (spec: TNewStep, id: string, label: string): TStep => {
  switch (spec.kind) {
    case "function":
      return { id, kind: "function", label, function: spec.ref };
    case "manual":
      return {
        id,
        kind: "manual",
        label,
        title: label,
        assignees: { roles: ["approver"], users: [] },
      };
    case "choice":
      return {
        id,
        kind: "choice",
        label,
        rules: [{ branch: "yes", condition: { ref: "input", op: "exists" } }],
        default: "no",
      };
    case "map":
      return {
        id,
        kind: "map",
        label,
        items: { ref: "input" },
        body: {
          nodes: [
            { id: `${id}_start`, kind: "start", label: "Item", position: { x: 0, y: 0 } },
            { id: `${id}_end`, kind: "end", label: "Done", position: { x: 320, y: 0 } },
          ],
          edges: [{ id: `${id}_body`, kind: "next", source: `${id}_start`, target: `${id}_end` }],
        },
      };
    case "wait":
      return { id, kind: "wait", label, duration: "PT1M" };
    case "subscenario":
      return {
        id,
        kind: "subscenario",
        label,
        scenario: { slug: "choose-a-scenario", version: 1 },
      };
    case "end":
      return { id, kind: "end", label };
  }
};
