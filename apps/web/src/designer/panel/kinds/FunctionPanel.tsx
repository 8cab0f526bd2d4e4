import { useMemo } from "react";
import type { TStep } from "../../canvas/canvas-types.ts";
import { useDesignerContext } from "../../use-designer-context.ts";
import { DataTree } from "../DataTree.tsx";
import { hintClass, inputClass, labelClass } from "../form-styles.ts";
import { MappingEditor } from "../MappingEditor.tsx";
import { PanelSection } from "../PanelSection.tsx";
import { RetryEditor } from "../RetryEditor.tsx";
import { usePredecessorLabels } from "../use-predecessor-labels.ts";
import { useStepUpdater } from "../use-step-updater.ts";
import { useUpstream } from "../use-upstream.ts";
import { withField } from "../with-field.ts";

/** A function step: which function, how its input is built, and how it is retried. */
export function FunctionPanel({ step }: { step: TStep<"function"> }) {
  const { catalog } = useDesignerContext();
  const update = useStepUpdater<"function">(step.id);
  const { sources, candidates } = useUpstream(step.id);
  const feeders = usePredecessorLabels(step.id);
  const fn = step.function ? catalog[step.function] : undefined;
  const options = useMemo(
    () => Object.values(catalog).sort((a, b) => a.ref.localeCompare(b.ref)),
    [catalog],
  );
  const emptyNote =
    feeders.length === 1
      ? `No mapping: the step receives ${feeders[0]}'s whole output. Map fields to build its input instead.`
      : "No mapping yet: map each field below.";
  return (
    <>
      <PanelSection title="Function">
        <label className={labelClass}>
          Calls
          <select
            value={step.function ?? ""}
            onChange={(e) => update((s) => withField(s, "function", e.target.value || undefined))}
            className={`${inputClass} mt-0.5`}
          >
            <option value="">Choose a function…</option>
            {step.function && !fn && (
              <option value={step.function}>{step.function} (not in the catalog)</option>
            )}
            {options.map((f) => (
              <option key={f.ref} value={f.ref}>
                {f.ref}
              </option>
            ))}
          </select>
        </label>
        {fn?.description && <p className={hintClass}>{fn.description}</p>}
      </PanelSection>
      <PanelSection title="Input">
        <MappingEditor
          nodeId={step.id}
          root="input"
          mapping={step.input}
          target={fn?.inputSchema}
          candidates={candidates}
          emptyNote={emptyNote}
          onChange={(input, key) => update((s) => withField(s, "input", input), key)}
        />
      </PanelSection>
      <PanelSection title="Available data">
        <DataTree sources={sources} />
      </PanelSection>
      <PanelSection title="Retry and timeout" defaultOpen={false}>
        <RetryEditor
          retry={step.retry}
          timeoutMs={step.timeoutMs}
          onRetry={(retry, key) => update((s) => withField(s, "retry", retry), key)}
          onTimeout={(timeoutMs) =>
            update((s) => withField(s, "timeoutMs", timeoutMs), "timeoutMs")
          }
        />
      </PanelSection>
    </>
  );
}
