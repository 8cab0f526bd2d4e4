import { ErrorBox } from "./ErrorBox.tsx";
import { EventList } from "./EventList.tsx";
import { JsonTree } from "./JsonTree.tsx";
import { PanelSection } from "./PanelSection.tsx";
import type { TRunDetail, TRunEvent } from "./run-types.ts";

/** What the side panel shows with no step picked: the run's input, output, error and events. */
export function RunSummaryPanel({
  run,
  events,
}: {
  run: TRunDetail;
  events: readonly TRunEvent[];
}) {
  return (
    <aside aria-label="Run details" className="space-y-4 p-4">
      <p className="text-xs text-zinc-500">
        Pick a step in the graph or the timeline to see its data.
      </p>
      <ErrorBox error={run.error} label="Run error" />
      <PanelSection title="Run input">
        <JsonTree value={run.input} label="Run input" />
      </PanelSection>
      <PanelSection title="Run output">
        <JsonTree
          value={run.output}
          label="Run output"
          empty={
            run.status === "succeeded"
              ? "The run ended without output"
              : "No output until the run ends"
          }
        />
      </PanelSection>
      <PanelSection
        title="Events"
        aside={<span className="text-[11px] text-zinc-400 tabular-nums">{events.length}</span>}
      >
        <EventList events={events} label="Run events" />
      </PanelSection>
    </aside>
  );
}
