import type { TStep } from "../../canvas/canvas-types.ts";
import { hintClass, inputClass, labelClass } from "../form-styles.ts";
import { PanelSection } from "../PanelSection.tsx";
import { SourceEditor } from "../SourceEditor.tsx";
import { useStepUpdater } from "../use-step-updater.ts";
import { useUpstream } from "../use-upstream.ts";

/** A wait: for a duration, or until a moment taken from the data. */
export function WaitPanel({ step }: { step: TStep<"wait"> }) {
  const update = useStepUpdater<"wait">(step.id);
  const { candidates } = useUpstream(step.id);
  const untilMode = step.until !== undefined;
  const setMode = (until: boolean) =>
    update(({ duration: _d, until: _u, ...rest }) =>
      until ? { ...rest, until: { ref: "input" } } : { ...rest, duration: "PT1M" },
    );
  return (
    <PanelSection title="Wait">
      <div role="radiogroup" aria-label="Wait kind" className="flex gap-3 text-[12px]">
        <label className="flex items-center gap-1">
          <input
            type="radio"
            checked={!untilMode}
            onChange={() => setMode(false)}
            className="accent-indigo-600"
          />
          For a duration
        </label>
        <label className="flex items-center gap-1">
          <input
            type="radio"
            checked={untilMode}
            onChange={() => setMode(true)}
            className="accent-indigo-600"
          />
          Until a moment
        </label>
      </div>
      {untilMode ? (
        <SourceEditor
          label="Until"
          source={step.until}
          target={{ type: "string", format: "date-time" }}
          candidates={candidates}
          onChange={(until) => until && update((s) => ({ ...s, until }), "until")}
        />
      ) : (
        <label className={labelClass}>
          Duration (ISO-8601, e.g. PT15M, P2D; or milliseconds)
          <input
            value={step.duration === undefined ? "" : String(step.duration)}
            onChange={(e) => {
              const text = e.target.value.trim();
              update(
                (s) => ({ ...s, duration: /^\d+$/.test(text) ? Number(text) : text || "PT0S" }),
                "duration",
              );
            }}
            className={`${inputClass} mt-0.5 font-mono`}
          />
        </label>
      )}
      <p className={hintClass}>The run sleeps durably: no worker is held while it waits.</p>
    </PanelSection>
  );
}
