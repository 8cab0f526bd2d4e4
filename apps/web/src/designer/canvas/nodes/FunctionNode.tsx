import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useCatalogFunction } from "../../use-catalog-function.ts";
import { ERROR_HANDLE, NEXT_HANDLE, type TCanvasNode } from "../canvas-types.ts";
import { NodeRow, NodeShell } from "./NodeShell.tsx";
import { InputHandle, OutputHandle } from "./StepHandle.tsx";
import { fieldSummary, providerOf } from "./summaries.ts";

/** A catalog function: where it runs, and the fields it takes and gives. */
export const FunctionNode = memo(function FunctionNode({
  id,
  data,
  selected,
}: NodeProps<TCanvasNode<"function">>) {
  const { step } = data;
  const fn = useCatalogFunction(step.function);
  const provider = providerOf(fn);
  const subtitle = step.function
    ? `${provider ? `${provider} · ` : ""}${step.function}`
    : "no function chosen";
  return (
    <NodeShell id={id} kind="function" label={step.label} subtitle={subtitle} selected={selected}>
      <NodeRow label="in" value={fn ? fieldSummary(fn.inputSchema) : "—"}>
        <InputHandle label={step.label} />
      </NodeRow>
      <NodeRow label="out" value={fn ? fieldSummary(fn.outputSchema) : "—"}>
        <OutputHandle id={NEXT_HANDLE} label={`${step.label} next`} />
      </NodeRow>
      <NodeRow label="on error" tone="error">
        <OutputHandle id={ERROR_HANDLE} label={`${step.label} on error`} tone="error" />
      </NodeRow>
    </NodeShell>
  );
});
