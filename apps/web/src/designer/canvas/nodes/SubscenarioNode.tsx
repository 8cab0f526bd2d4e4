import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { ERROR_HANDLE, NEXT_HANDLE, type TCanvasNode } from "../canvas-types.ts";
import { NodeRow, NodeShell } from "./NodeShell.tsx";
import { InputHandle, OutputHandle } from "./StepHandle.tsx";

/** Runs a published version of another scenario as one step. */
export const SubscenarioNode = memo(function SubscenarioNode({
  id,
  data,
  selected,
}: NodeProps<TCanvasNode<"subscenario">>) {
  const { step } = data;
  return (
    <NodeShell
      id={id}
      kind="subscenario"
      label={step.label}
      subtitle="runs another scenario"
      selected={selected}
    >
      <NodeRow label="runs" value={`${step.scenario.slug} v${step.scenario.version}`}>
        <InputHandle label={step.label} />
        <OutputHandle id={NEXT_HANDLE} label={`${step.label} next`} />
      </NodeRow>
      <NodeRow label="on error" tone="error">
        <OutputHandle id={ERROR_HANDLE} label={`${step.label} on error`} tone="error" />
      </NodeRow>
    </NodeShell>
  );
});
