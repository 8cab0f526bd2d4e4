import { Repeat } from "lucide-react";
import { KIND_LOOKS } from "../../../ui/node-looks.ts";
import type { TStep } from "../../canvas/canvas-types.ts";
import { Button } from "../../ui/Button.tsx";
import { useDesignerContext } from "../../use-designer-context.ts";
import { DataTree } from "../DataTree.tsx";
import { hintClass, inputClass, labelClass } from "../form-styles.ts";
import { PanelSection } from "../PanelSection.tsx";
import { SourceEditor } from "../SourceEditor.tsx";
import { useStepUpdater } from "../use-step-updater.ts";
import { useUpstream } from "../use-upstream.ts";
import { withField } from "../with-field.ts";

/** A map: the list it iterates, how many items run at once, and the steps run per item. */
export function MapPanel({ step }: { step: TStep<"map"> }) {
  const update = useStepUpdater<"map">(step.id);
  const { store } = useDesignerContext();
  const { sources, candidates } = useUpstream(step.id);
  const body = step.body.nodes.filter((n) => n.kind !== "start" && n.kind !== "end");
  return (
    <>
      <PanelSection title="Items">
        <SourceEditor
          label="Items"
          source={step.items}
          target={{ type: "array" }}
          candidates={candidates}
          onChange={(items) => items && update((s) => ({ ...s, items }), "items")}
        />
        <label className={labelClass}>
          At most at once
          <input
            type="number"
            min={1}
            value={step.concurrency ?? ""}
            placeholder="engine default"
            onChange={(e) =>
              update(
                (s) =>
                  withField(s, "concurrency", e.target.value ? Number(e.target.value) : undefined),
                "concurrency",
              )
            }
            className={`${inputClass} mt-0.5 tabular-nums`}
          />
        </label>
      </PanelSection>
      <PanelSection title="Per item">
        {body.length === 0 ? (
          <p className={hintClass}>
            The body runs nothing yet; its steps read item.&lt;field&gt; and index.
          </p>
        ) : (
          <ul className="space-y-1">
            {body.map((n) => (
              <li key={n.id} className="flex items-center gap-2 text-[12px]">
                <span className={`size-2 rounded-full ${KIND_LOOKS[n.kind].accent}`} aria-hidden />
                {n.label}
                <span className="font-mono text-[11px] text-zinc-400">{n.id}</span>
              </li>
            ))}
          </ul>
        )}
        <Button icon={Repeat} onClick={() => store.getState().enterMap(step.id)}>
          Edit the steps per item
        </Button>
        <p className={hintClass}>Or double-click the node. Inside, steps read item and index.</p>
      </PanelSection>
      <PanelSection title="Available data" defaultOpen={false}>
        <DataTree sources={sources} />
      </PanelSection>
    </>
  );
}
