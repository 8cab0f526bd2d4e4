import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import { branchHandle, type TCanvasNode } from "../canvas-types.ts";
import { branchesOf, conditionSummary } from "./branches.ts";
import { NodeRow, NodeShell } from "./NodeShell.tsx";
import { InputHandle, OutputHandle } from "./StepHandle.tsx";

/** Picks one branch: a handle per branch, in the order its rules are tried. */
export const ChoiceNode = memo(function ChoiceNode({
  id,
  data,
  selected,
}: NodeProps<TCanvasNode<"choice">>) {
  const { step } = data;
  const branches = branchesOf(step);
  return (
    <NodeShell
      id={id}
      kind="choice"
      label={step.label}
      subtitle={`${step.rules.length} rule${step.rules.length === 1 ? "" : "s"}`}
      selected={selected}
    >
      <div className="relative">
        <InputHandle label={step.label} />
        {branches.map((branch) => {
          const rule = step.rules.find((r) => r.branch === branch);
          return (
            <NodeRow
              key={branch}
              label={branch}
              tone="branch"
              value={rule ? conditionSummary(rule.condition) : "otherwise"}
            >
              <OutputHandle
                id={branchHandle(branch)}
                label={`${step.label} branch ${branch}`}
                tone="branch"
              />
            </NodeRow>
          );
        })}
      </div>
    </NodeShell>
  );
});
