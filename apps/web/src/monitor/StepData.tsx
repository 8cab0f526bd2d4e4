import { JsonTree } from "../ui/JsonTree.tsx";
import { PanelSection } from "../ui/PanelSection.tsx";
import type { TStepRun } from "./run-types.ts";
import { useStepDetail } from "./use-step-detail.ts";

const PARTS = [
  { title: "Input", field: "input", none: "No input recorded yet" },
  { title: "Output", field: "output", none: "No output yet" },
] as const;

/** A step run's input and output, fetched when shown; `label` names the step in the trees' labels. */
export function StepData({ stepRun, label }: { stepRun: TStepRun; label: string }) {
  const detail = useStepDetail(stepRun);
  return PARTS.map(({ title, field, none }) => (
    <PanelSection key={field} title={title}>
      <JsonTree
        value={detail.data?.[field]}
        label={`${label} ${field}`}
        empty={detail.isPending ? "Loading…" : none}
      />
    </PanelSection>
  ));
}
