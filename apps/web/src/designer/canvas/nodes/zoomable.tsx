import type { TNodeKind } from "@baton/model";
import type { NodeProps } from "@xyflow/react";
import { type ComponentType, memo } from "react";
import type { TCanvasNode } from "../canvas-types.ts";
import { CompactNode } from "./CompactNode.tsx";
import { compactHandles } from "./compact-handles.ts";
import { useRemeasureOnNewHandles } from "./use-remeasure-on-new-handles.ts";
import { useZoomedOut } from "./use-zoomed-out.ts";

// Nodes draw from their step and selection only; React Flow also passes sizes and positions,
// which change for every node when they are measured and for the dragged one on each frame.
const sameStep = <P extends { id: string; data: unknown; selected?: boolean }>(a: P, b: P) =>
  a.id === b.id && a.data === b.data && a.selected === b.selected;

/** A node kind that draws its compact form when zoomed out and its full form otherwise. */
export const zoomable = <K extends TNodeKind>(Detail: ComponentType<NodeProps<TCanvasNode<K>>>) =>
  memo(function ZoomableNode(props: NodeProps<TCanvasNode<K>>) {
    const zoomedOut = useZoomedOut();
    const step = props.data.step;
    useRemeasureOnNewHandles(props.id, step);
    if (!zoomedOut) return <Detail {...props} />;
    const { input, outputs } = compactHandles(step);
    return (
      <CompactNode
        id={props.id}
        kind={step.kind}
        label={step.label}
        selected={props.selected ?? false}
        input={input}
        outputs={outputs}
      />
    );
  }, sameStep);
