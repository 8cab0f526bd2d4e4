import { useShallow } from "zustand/react/shallow";
import { useDesigner } from "../use-designer.ts";

/** Labels of the steps with an edge into `id`: who feeds it when it has no mapping. */
export const usePredecessorLabels = (id: string): string[] =>
  useDesigner(
    useShallow((s) => {
      const sources = new Set(s.edges.filter((e) => e.target === id).map((e) => e.source));
      return s.nodes.filter((n) => sources.has(n.id)).map((n) => n.data.step.label);
    }),
  );
