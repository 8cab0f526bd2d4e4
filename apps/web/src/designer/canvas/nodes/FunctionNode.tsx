import type { NodeProps } from "@xyflow/react";
import { Pin } from "lucide-react";
import { memo } from "react";
import { usePins } from "../../testing/use-pins.ts";
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
  const input = fn ? fieldSummary(fn.inputSchema) : "—";
  const output = fn ? fieldSummary(fn.outputSchema) : "—";
  const pinned = usePins().data?.has(id) ?? false;
  const subtitle = step.function
    ? `${provider ? `${provider} · ` : ""}${step.function}`
    : "no function chosen";
  return (
    <NodeShell
      id={id}
      kind="function"
      label={step.label}
      subtitle={subtitle}
      selected={selected}
      badge={
        pinned && (
          <span
            role="img"
            aria-label="Output pinned"
            title="Output pinned: test runs use it instead of calling this step"
            className="inline-flex size-5 shrink-0 items-center justify-center rounded bg-violet-100 text-violet-700 dark:bg-violet-950 dark:text-violet-300"
          >
            <Pin className="size-3" aria-hidden />
          </span>
        )
      }
    >
      <NodeRow label="in" value={input}>
        <InputHandle label={step.label} title={fn ? `Takes ${input}` : undefined} />
      </NodeRow>
      <NodeRow label="out" value={output}>
        <OutputHandle
          id={NEXT_HANDLE}
          label={`${step.label} next`}
          title={fn ? `Gives ${output}` : undefined}
        />
      </NodeRow>
      <NodeRow label="on error" tone="error">
        <OutputHandle id={ERROR_HANDLE} label={`${step.label} on error`} tone="error" />
      </NodeRow>
    </NodeShell>
  );
});
