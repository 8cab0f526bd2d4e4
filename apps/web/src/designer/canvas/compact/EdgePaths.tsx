import { memo } from "react";
import { EDGE_STYLES, type TEdgePaths, type TEdgeStyle } from "./compact-edges.ts";

const STROKES: Record<TEdgeStyle, string> = {
  next: "var(--edge-next)",
  error: "var(--edge-error)",
  branch: "var(--edge-branch)",
  warn: "var(--edge-warn)",
  invalid: "var(--edge-bad)",
};

/** One `<path>` per edge style. Strokes keep their screen width at any zoom. */
export const EdgePaths = memo(function EdgePaths({ paths }: { paths: TEdgePaths }) {
  return EDGE_STYLES.map((style) =>
    paths[style] ? (
      <path
        key={style}
        d={paths[style]}
        data-edge-style={style}
        fill="none"
        stroke={STROKES[style]}
        strokeWidth={style === "invalid" || style === "warn" ? 2.5 : 1.25}
        strokeDasharray={style === "error" ? "5 4" : undefined}
        vectorEffect="non-scaling-stroke"
      />
    ) : null,
  );
});
