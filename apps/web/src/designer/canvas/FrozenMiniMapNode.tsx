import type { MiniMapNodeProps, Node } from "@xyflow/react";
import { memo } from "react";

const DRAGGING = "is-dragged";

/** Marks the minimap rectangles of nodes being dragged (MiniMap's `nodeClassName`). */
export const minimapNodeClass = (node: Node): string => (node.dragging ? DRAGGING : "");

const dragged = (props: MiniMapNodeProps) => props.className.includes(DRAGGING);

/**
 * A minimap rectangle that stays where it was while its node is dragged, and catches up
 * when the drag ends: the minimap is not redrawn for every frame of a drag.
 */
export const FrozenMiniMapNode = memo(
  function FrozenMiniMapNode({
    x,
    y,
    width,
    height,
    color,
    borderRadius,
    shapeRendering,
    selected,
  }: MiniMapNodeProps) {
    return (
      <rect
        className={`react-flow__minimap-node${selected ? " selected" : ""}`}
        x={x}
        y={y}
        rx={borderRadius}
        ry={borderRadius}
        width={width}
        height={height}
        // a style, not the attribute: React Flow's stylesheet sets the fill of minimap nodes
        style={{ fill: color }}
        shapeRendering={shapeRendering}
      />
    );
  },
  (previous, next) =>
    dragged(previous) && dragged(next)
      ? true
      : previous.x === next.x &&
        previous.y === next.y &&
        previous.width === next.width &&
        previous.height === next.height &&
        previous.color === next.color &&
        previous.selected === next.selected,
);
