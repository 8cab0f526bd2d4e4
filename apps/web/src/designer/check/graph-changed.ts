import type { TDesignerState } from "../store/designer-store.ts";

/**
 * Whether an update touched what the check reads: steps, edges or the scenario's own
 * fields. Moving, selecting and measuring nodes do not, so dragging never re-checks.
 */
export const graphChanged = (state: TDesignerState, previous: TDesignerState): boolean => {
  if (state.meta !== previous.meta || state.frames !== previous.frames) return true;
  if (state.nodes !== previous.nodes) {
    if (state.nodes.length !== previous.nodes.length) return true;
    for (let i = 0; i < state.nodes.length; i++) {
      if (state.nodes[i]?.data !== previous.nodes[i]?.data) return true;
    }
  }
  if (state.edges !== previous.edges) {
    if (state.edges.length !== previous.edges.length) return true;
    for (let i = 0; i < state.edges.length; i++) {
      const a = state.edges[i];
      const b = previous.edges[i];
      if (
        a?.id !== b?.id ||
        a?.source !== b?.source ||
        a?.target !== b?.target ||
        a?.sourceHandle !== b?.sourceHandle ||
        a?.type !== b?.type
      ) {
        return true;
      }
    }
  }
  return false;
};
