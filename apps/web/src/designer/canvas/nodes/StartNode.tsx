import type { NodeProps } from "@xyflow/react";
import { memo, useMemo } from "react";
import { useChecks } from "../../check/use-checks.ts";
import { describeType } from "../../schema/schema-fields.ts";
import { useDesigner } from "../../use-designer.ts";
import { NEXT_HANDLE, type TCanvasNode } from "../canvas-types.ts";
import { NodeRow, NodeShell } from "./NodeShell.tsx";
import { OutputHandle } from "./StepHandle.tsx";
import { fieldSummary } from "./summaries.ts";

/** Where a run begins, with the scenario's input; inside a map body, where each item enters. */
export const StartNode = memo(function StartNode({
  id,
  data,
  selected,
}: NodeProps<TCanvasNode<"start">>) {
  const { step } = data;
  const inBody = useDesigner((s) => s.frames.length > 0);
  // The analysis object changes only when the check re-runs; its schemas are built per call.
  const analysis = useChecks((s) => s.analysis);
  const item = useMemo(
    () => (inBody ? analysis?.outputSchema(id) : undefined),
    [inBody, analysis, id],
  );
  return (
    <NodeShell
      id={id}
      kind="start"
      label={step.label}
      subtitle={inBody ? "each item of the list" : "scenario input"}
      selected={selected}
      width="w-48"
    >
      <NodeRow
        label={inBody ? "item" : "input"}
        value={inBody ? describeType(item ?? true) : fieldSummary(step.inputSchema ?? true)}
      >
        <OutputHandle id={NEXT_HANDLE} label={`${step.label} next`} />
      </NodeRow>
    </NodeShell>
  );
});
