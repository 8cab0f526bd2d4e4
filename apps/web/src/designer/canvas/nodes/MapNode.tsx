import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useDesignerContext } from "../../use-designer-context.ts";
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
  const { store } = useDesignerContext();
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
      <div className="border-zinc-100 border-t px-2.5 py-1.5 dark:border-zinc-800">
        <button
          type="button"
          onClick={() => store.getState().enterMap(id)}
          className="nodrag nopan w-full rounded-md bg-sky-50 px-2 py-1 font-medium text-[11px] text-sky-700 hover:bg-sky-100 dark:bg-sky-500/10 dark:text-sky-300 dark:hover:bg-sky-500/20"
        >
          Edit the steps per item
        </button>
      </div>
    </NodeShell>
  );
});
