import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { NEXT_HANDLE, type TCanvasNode } from "../canvas-types.ts";
import { NodeRow, NodeShell } from "./NodeShell.tsx";
import { InputHandle, OutputHandle } from "./StepHandle.tsx";
import { sourceSummary } from "./summaries.ts";

/** Pauses for a while or until a moment. */
export const WaitNode = memo(function WaitNode({
  id,
  data,
  selected,
}: NodeProps<TCanvasNode<"wait">>) {
  const { step } = data;
  const [label, value] =
    step.until !== undefined
      ? ["until", sourceSummary(step.until)]
      : ["for", String(step.duration ?? "—")];
  return (
    <NodeShell id={id} kind="wait" label={step.label} selected={selected} width="w-48">
      <NodeRow label={label} value={value}>
        <InputHandle label={step.label} />
        <OutputHandle id={NEXT_HANDLE} label={`${step.label} next`} />
      </NodeRow>
    </NodeShell>
  );
});
