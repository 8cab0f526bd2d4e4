import { scenarioKey } from "@baton/model";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../../lib/trpc.ts";
import type { TStep } from "../../canvas/canvas-types.ts";
import { useChecks } from "../../check/use-checks.ts";
import { useDesigner } from "../../use-designer.ts";
import { DataTree } from "../DataTree.tsx";
import { hintClass, inputClass, labelClass } from "../form-styles.ts";
import { MappingEditor } from "../MappingEditor.tsx";
import { PanelSection } from "../PanelSection.tsx";
import { useStepUpdater } from "../use-step-updater.ts";
import { useUpstream } from "../use-upstream.ts";
import { withField } from "../with-field.ts";

/** Runs a published version of another scenario; its input is mapped like a function's. */
export function SubscenarioPanel({ step }: { step: TStep<"subscenario"> }) {
  const trpc = useTRPC();
  const update = useStepUpdater<"subscenario">(step.id);
  const { sources, candidates } = useUpstream(step.id);
  // the called version's input schema, as the live check learnt it from the server
  const called = useChecks(
    (s) => s.scenarios[scenarioKey(step.scenario.slug, step.scenario.version)],
  );
  const self = useDesigner((s) => s.meta.slug);
  const scenarios = useQuery(trpc.scenarios.list.queryOptions({ limit: 200 }));
  const published = (scenarios.data?.items ?? []).filter((s) => s.versions[0] && s.slug !== self);
  const latest = published.find((s) => s.slug === step.scenario.slug)?.versions[0]?.version ?? 1;
  return (
    <>
      <PanelSection title="Scenario">
        <label className={labelClass}>
          Runs
          <select
            value={step.scenario.slug}
            onChange={(e) => {
              const chosen = published.find((s) => s.slug === e.target.value);
              if (chosen?.versions[0]) {
                update((s) => ({
                  ...s,
                  scenario: { slug: chosen.slug, version: chosen.versions[0]!.version },
                }));
              }
            }}
            className={`${inputClass} mt-0.5`}
          >
            {!published.some((s) => s.slug === step.scenario.slug) && (
              <option value={step.scenario.slug}>{step.scenario.slug}</option>
            )}
            {published.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          Version
          <input
            type="number"
            min={1}
            max={latest}
            value={step.scenario.version}
            onChange={(e) =>
              update((s) => ({
                ...s,
                scenario: { ...s.scenario, version: Math.max(1, Number(e.target.value) || 1) },
              }))
            }
            className={`${inputClass} mt-0.5 tabular-nums`}
          />
        </label>
        {published.length === 0 && (
          <p className={hintClass}>Publish another scenario to call it from here.</p>
        )}
      </PanelSection>
      <PanelSection title="Input">
        <MappingEditor
          nodeId={step.id}
          root="input"
          mapping={step.input}
          target={called?.inputSchema}
          candidates={candidates}
          emptyNote="No mapping: the subscenario receives the previous step's output."
          onChange={(input, key) => update((s) => withField(s, "input", input), key)}
        />
        <DataTree sources={sources} />
      </PanelSection>
    </>
  );
}
