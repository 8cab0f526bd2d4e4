import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { NEXT_HANDLE, type TCanvasNode } from "../canvas-types.ts";
import { NodeRow, NodeShell } from "./NodeShell.tsx";
import { OutputHandle } from "./StepHandle.tsx";
import { fieldSummary } from "./summaries.ts";

/** Where a run begins: the scenario's input. */
export const StartNode = memo(function StartNode({
  id,
  data,
  selected,
}: NodeProps<TCanvasNode<"start">>) {
  const { step } = data;
  return (
    <NodeShell
      id={id}
      kind="start"
      label={step.label}
      subtitle="scenario input"
      selected={selected}
      width="w-48"
    >
      <NodeRow label="input" value={fieldSummary(step.inputSchema ?? true)}>
        <OutputHandle id={NEXT_HANDLE} label={`${step.label} next`} />
      </NodeRow>
    </NodeShell>
  );
});
