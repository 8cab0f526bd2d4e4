import { type ReactFlowState, useStore } from "@xyflow/react";
import { AlertTriangle } from "lucide-react";
import { useDesignerContext } from "../../use-designer-context.ts";
import type { TEdgeProblem } from "./compact-edges.ts";

const zoomOf = (s: ReactFlowState) => s.transform[2];

/**
 * A marker on each edge the check blames, drawn at a readable size whatever the zoom.
 * Hovering or focusing it shows the reasons (EdgeProblemCard); clicking selects the edge.
 */
export function CompactEdgeProblems({ problems }: { problems: readonly TEdgeProblem[] }) {
  const zoom = useStore(zoomOf);
  const { checks, store } = useDesignerContext();
  if (problems.length === 0) return null;
  return problems.map(({ edge, at, severity }) => {
    const show = () => checks.getState().setEdge(edge.id);
    const hide = () => {
      if (checks.getState().edge === edge.id) checks.getState().setEdge(undefined);
    };
    return (
      <button
        key={edge.id}
        type="button"
        className={`nodrag nopan pointer-events-auto absolute top-0 left-0 flex size-6 items-center justify-center rounded-full text-white shadow ${severity === "error" ? "bg-red-500" : "bg-amber-500"}`}
        style={{
          transform: `translate(${at.x}px, ${at.y}px) translate(-50%, -50%) scale(${1 / zoom})`,
        }}
        aria-label={`Problem on the edge ${edge.source} → ${edge.target}`}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onClick={() => store.getState().selectEdge(edge.id)}
      >
        <AlertTriangle className="size-3.5" aria-hidden />
      </button>
    );
  });
}
