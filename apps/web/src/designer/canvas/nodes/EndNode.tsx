import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useDesigner } from "../../use-designer.ts";
import type { TCanvasNode } from "../canvas-types.ts";
import { NodeRow, NodeShell } from "./NodeShell.tsx";
import { InputHandle } from "./StepHandle.tsx";
import { mappingSummary } from "./summaries.ts";

/** Where a run ends: what it returns. */
export const EndNode = memo(function EndNode({
  id,
  data,
  selected,
}: NodeProps<TCanvasNode<"end">>) {
  const { step } = data;
  const inBody = useDesigner((s) => s.frames.length > 0);
  return (
    <NodeShell
      id={id}
      kind="end"
      label={step.label}
      subtitle={inBody ? "result for the item" : "scenario output"}
      selected={selected}
      width="w-48"
    >
      <NodeRow label="output" value={mappingSummary(step.output)}>
        <InputHandle label={step.label} />
      </NodeRow>
    </NodeShell>
  );
});
