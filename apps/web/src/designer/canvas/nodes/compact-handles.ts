import { branchHandle, ERROR_HANDLE, NEXT_HANDLE, type TStep } from "../canvas-types.ts";
import { branchesOf } from "./branches.ts";
import type { TCompactHandle } from "./CompactNode.tsx";

/** The handles a step has, the same ids its full node draws, for its compact form. */
export const compactHandles = (step: TStep): { input: boolean; outputs: TCompactHandle[] } => {
  const next = { id: NEXT_HANDLE };
  const error = { id: ERROR_HANDLE, tone: "error" as const };
  switch (step.kind) {
    case "start":
      return { input: false, outputs: [next] };
    case "end":
      return { input: true, outputs: [] };
    case "wait":
      return { input: true, outputs: [next] };
    case "choice":
      return {
        input: true,
        outputs: branchesOf(step).map((branch) => ({
          id: branchHandle(branch),
          tone: "branch" as const,
        })),
      };
    default:
      return { input: true, outputs: [next, error] };
  }
};
