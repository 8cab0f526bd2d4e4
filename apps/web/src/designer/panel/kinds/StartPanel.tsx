import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import type { TStep } from "../../canvas/canvas-types.ts";
import { useDesigner } from "../../use-designer.ts";
import { useDesignerContext } from "../../use-designer-context.ts";
import { adoptStepInput, type TAdopted } from "../adopt-step-input.ts";
import { hintClass, inputClass, labelClass } from "../form-styles.ts";
import { PanelSection } from "../PanelSection.tsx";
import { SchemaFieldsEditor } from "../SchemaFieldsEditor.tsx";
import { useStepUpdater } from "../use-step-updater.ts";

/** The scenario's input: typed fields, some of them taken from a function's input. */
export function StartPanel({ step }: { step: TStep<"start"> }) {
  const { catalog } = useDesignerContext();
  const update = useStepUpdater<"start">(step.id);
  const functionRefs = useDesigner(
    useShallow((s) => [
      ...new Set(
        s.nodes.flatMap((n) =>
          n.data.step.kind === "function" && n.data.step.function ? [n.data.step.function] : [],
        ),
      ),
    ]),
  );
  const usable = functionRefs.filter((ref) => catalog[ref]);
  const inBody = useDesigner((s) => s.frames.length > 0);
  const [adopted, setAdopted] = useState<(TAdopted & { from: string }) | undefined>();
  return (
    <PanelSection title={inBody ? "Item" : "Scenario input"}>
      <p className={hintClass}>
        {inBody
          ? "Each item of the list enters here; steps read it as item.<field>, its position as index. Fields below are an optional contract for the item."
          : "What a run is started with. Steps read it as input.<field>."}
      </p>
      <SchemaFieldsEditor
        schema={step.inputSchema}
        label="Input"
        onChange={(inputSchema) => update((s) => ({ ...s, inputSchema }))}
      />
      {usable.length > 0 && (
        <label className={labelClass}>
          Add the input fields of a step
          <select
            value=""
            onChange={(e) => {
              const fn = catalog[e.target.value];
              if (!fn) return;
              const adopted = adoptStepInput(step.inputSchema, fn.inputSchema);
              update((s) => ({ ...s, inputSchema: adopted.schema }));
              setAdopted({ from: fn.name, ...adopted });
            }}
            className={`${inputClass} mt-0.5`}
          >
            <option value="">Choose a function…</option>
            {usable.map((ref) => (
              <option key={ref} value={ref}>
                {catalog[ref]?.name ?? ref}
              </option>
            ))}
          </select>
        </label>
      )}
      {adopted && (
        <p role="status" className={hintClass}>
          {adopted.added.length > 0
            ? `Added ${adopted.added.join(", ")} from ${adopted.from}.`
            : `${adopted.from} adds no field.`}
          {adopted.kept.length > 0 &&
            ` Kept ${adopted.kept.join(", ")} as ${adopted.kept.length === 1 ? "it was" : "they were"}.`}
        </p>
      )}
    </PanelSection>
  );
}
