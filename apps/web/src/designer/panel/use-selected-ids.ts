import { useShallow } from "zustand/react/shallow";
import { useDesigner } from "../use-designer.ts";

/** Ids of the selected nodes; stable while only positions change, so dragging does not re-render. */
export const useSelectedIds = (): string[] =>
  useDesigner(useShallow((s) => s.nodes.filter((n) => n.selected).map((n) => n.id)));

/** Ids of the selected edges, the same way. */
export const useSelectedEdgeIds = (): string[] =>
  useDesigner(useShallow((s) => s.edges.filter((e) => e.selected).map((e) => e.id)));
