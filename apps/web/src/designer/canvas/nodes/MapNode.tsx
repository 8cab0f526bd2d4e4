import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { ERROR_HANDLE, NEXT_HANDLE, type TCanvasNode } from "../canvas-types.ts";
import { NodeRow, NodeShell } from "./NodeShell.tsx";
import { InputHandle, OutputHandle } from "./StepHandle.tsx";
import { sourceSummary } from "./summaries.ts";

/** Runs its body once per item of a list. */
export const MapNode = memo(function MapNode({
  id,
  data,
  selected,
}: NodeProps<TCanvasNode<"map">>) {
  const { step } = data;
  const inner = step.body.nodes.filter((n) => n.kind !== "start" && n.kind !== "end").length;
  return (
    <NodeShell
      id={id}
      kind="map"
      label={step.label}
      subtitle={`${inner} step${inner === 1 ? "" : "s"} per item · ${step.concurrency ?? "default"} at once`}
      selected={selected}
    >
      <NodeRow label="items" value={sourceSummary(step.items)}>
        <InputHandle label={step.label} />
      </NodeRow>
      <NodeRow label="then">
        <OutputHandle id={NEXT_HANDLE} label={`${step.label} next`} />
      </NodeRow>
      <NodeRow label="on error" tone="error">
        <OutputHandle id={ERROR_HANDLE} label={`${step.label} on error`} tone="error" />
      </NodeRow>
    </NodeShell>
  );
});
