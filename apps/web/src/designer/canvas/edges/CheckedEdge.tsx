import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from "@xyflow/react";
import { AlertTriangle } from "lucide-react";
import { useEdgeDiagnostics } from "../../check/use-edge-diagnostics.ts";
import { useDesignerContext } from "../../use-designer-context.ts";
import { markerUrl } from "../EdgeMarkers.tsx";

type TVariant = "next" | "error" | "branch";

const strokes: Record<TVariant, string> = {
  next: "var(--edge-next)",
  error: "var(--edge-error)",
  branch: "var(--edge-branch)",
};

/**
 * Draws an edge of any kind; an edge the check blames turns red and carries a marker that
 * shows the reasons (in EdgeProblemCard, above the nodes) while hovered or focused.
 * Drawn only when zoomed in; zoomed out, CompactEdges draws all edges at once.
 */
export function CheckedEdge({
  id,
  source,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  selected,
  variant,
  caption,
}: EdgeProps & { variant: TVariant; caption?: string | undefined }) {
  const diagnostics = useEdgeDiagnostics(id);
  const { checks } = useDesignerContext();
  const show = () => checks.getState().setEdge(id);
  const hide = () => {
    if (checks.getState().edge === id) checks.getState().setEdge(undefined);
  };
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const errors = diagnostics.filter((d) => d.severity === "error");
  const faulty = diagnostics.length > 0;
  const tone = errors.length > 0 ? "bad" : faulty ? "warn" : variant;
  const stroke =
    errors.length > 0 ? "var(--edge-bad)" : faulty ? "var(--edge-warn)" : strokes[variant];
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerUrl(tone)}
        interactionWidth={16}
        style={{
          stroke,
          strokeWidth: selected ? 2.5 : faulty ? 2 : 1.5,
          strokeDasharray: variant === "error" ? "5 4" : undefined,
        }}
      />
      {(caption || faulty) && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan pointer-events-auto absolute flex items-center gap-1"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {caption && (
              <span className="rounded bg-white px-1.5 py-px font-medium text-[10px] text-violet-700 ring-1 ring-violet-200 dark:bg-zinc-900 dark:text-violet-300 dark:ring-violet-500/40">
                {caption}
              </span>
            )}
            {faulty && (
              <button
                type="button"
                className={`flex size-5 items-center justify-center rounded-full text-white shadow ${errors.length > 0 ? "bg-red-500" : "bg-amber-500"}`}
                aria-label={`Problem on the edge ${source} → ${target}`}
                onMouseEnter={show}
                onMouseLeave={hide}
                onFocus={show}
                onBlur={hide}
              >
                <AlertTriangle className="size-3" aria-hidden />
              </button>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
