import type { TNodeKind } from "@baton/model";
import { isRunningState, stepStateLabel, stepTone, type TStepState } from "./step-state.ts";
import { TONE_CLASSES } from "./tone-classes.ts";

export function StepStateBadge({ state, kind }: { state: TStepState; kind?: TNodeKind }) {
  const tone = TONE_CLASSES[stepTone(state, kind)];
  const pulsing = isRunningState(state, kind);
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-md px-1.5 py-0.5 font-medium text-xs ring-1 ring-inset ${tone.badge}`}
    >
      <span
        className={`size-1.5 rounded-full ${tone.dot} ${pulsing ? "animate-pulse" : ""}`}
        aria-hidden
      />
      {stepStateLabel(state, kind)}
    </span>
  );
}
