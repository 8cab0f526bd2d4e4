import type { TStep } from "../../canvas/canvas-types.ts";
import { Button } from "../../ui/Button.tsx";
import { DataTree } from "../DataTree.tsx";
import { hintClass } from "../form-styles.ts";
import { MappingEditor } from "../MappingEditor.tsx";
import { PanelSection } from "../PanelSection.tsx";
import { SchemaFieldsEditor } from "../SchemaFieldsEditor.tsx";
import { useStepUpdater } from "../use-step-updater.ts";
import { useUpstream } from "../use-upstream.ts";
import { withField } from "../with-field.ts";

/** What a run returns, field by field. */
export function EndPanel({ step }: { step: TStep<"end"> }) {
  const update = useStepUpdater<"end">(step.id);
  const { sources, candidates } = useUpstream(step.id);
  return (
    <>
      <PanelSection title="Output">
        <MappingEditor
          nodeId={step.id}
          root="output"
          mapping={step.output}
          target={step.outputSchema}
          candidates={candidates}
          emptyNote="No output mapping: the run returns what reaches this end. Add fields to shape it."
          onChange={(output, key) => update((s) => withField(s, "output", output), key)}
        />
      </PanelSection>
      <PanelSection title="Output contract">
        <p className={hintClass}>
          Optional: what the output must be. The check proves the mapping above fits it, and a run
          whose output breaks it fails.
        </p>
        <SchemaFieldsEditor
          schema={step.outputSchema}
          label="Output"
          onChange={(outputSchema) => update((s) => ({ ...s, outputSchema }))}
        />
        {step.outputSchema !== undefined && (
          <Button
            variant="ghost"
            onClick={() => update((s) => withField(s, "outputSchema", undefined))}
          >
            Remove the contract
          </Button>
        )}
      </PanelSection>
      <PanelSection title="Available data">
        <DataTree sources={sources} />
      </PanelSection>
    </>
  );
}
