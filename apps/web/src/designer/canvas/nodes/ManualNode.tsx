import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { ERROR_HANDLE, NEXT_HANDLE, type TCanvasNode } from "../canvas-types.ts";
import { NodeRow, NodeShell } from "./NodeShell.tsx";
import { InputHandle, OutputHandle } from "./StepHandle.tsx";
import { fieldSummary } from "./summaries.ts";

/** A person decides: the form they fill in, who may decide, and by when. */
export const ManualNode = memo(function ManualNode({
  id,
  data,
  selected,
}: NodeProps<TCanvasNode<"manual">>) {
  const { step } = data;
  const who = [...step.assignees.roles, ...step.assignees.users].join(", ") || "anyone";
  return (
    <NodeShell
      id={id}
      kind="manual"
      label={step.label}
      subtitle={`decided by ${who}`}
      selected={selected}
    >
      <NodeRow label="form" value={step.form ? fieldSummary(step.form) : "approve or reject"}>
        <InputHandle label={step.label} />
      </NodeRow>
      <NodeRow label="due" value={step.due ?? "no limit"}>
        <OutputHandle id={NEXT_HANDLE} label={`${step.label} next`} />
      </NodeRow>
      <NodeRow label="on error" tone="error">
        <OutputHandle id={ERROR_HANDLE} label={`${step.label} on error`} tone="error" />
      </NodeRow>
    </NodeShell>
  );
});
