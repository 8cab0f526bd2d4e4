import type { TStep } from "../../canvas/canvas-types.ts";
import { ChoiceRulesEditor } from "../ChoiceRulesEditor.tsx";
import { DataTree } from "../DataTree.tsx";
import { PanelSection } from "../PanelSection.tsx";
import { useStepUpdater } from "../use-step-updater.ts";
import { useUpstream } from "../use-upstream.ts";

/** A choice: its rules, in order, and the default branch. */
export function ChoicePanel({ step }: { step: TStep<"choice"> }) {
  const update = useStepUpdater<"choice">(step.id);
  const { sources, candidates } = useUpstream(step.id);
  return (
    <>
      <PanelSection title="Rules">
        <ChoiceRulesEditor step={step} candidates={candidates} update={update} />
      </PanelSection>
      <PanelSection title="Available data" defaultOpen={false}>
        <DataTree sources={sources} />
      </PanelSection>
    </>
  );
}
