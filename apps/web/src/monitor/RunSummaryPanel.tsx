import { UserCheck } from "lucide-react";
import { Link } from "react-router";
import { ErrorBox } from "../ui/ErrorBox.tsx";
import { JsonTree } from "../ui/JsonTree.tsx";
import { PanelSection } from "../ui/PanelSection.tsx";
import { EventList } from "./EventList.tsx";
import type { TNameStep } from "./event-summary.ts";
import type { TRunDetail, TRunEvent } from "./run-types.ts";

/** What the side panel shows with no step picked: the run's input, output, error and events. */
export function RunSummaryPanel({
  run,
  events,
  nameStep,
}: {
  run: TRunDetail;
  events: readonly TRunEvent[];
  nameStep: TNameStep;
}) {
  return (
    <aside aria-label="Run details" className="space-y-4 p-4">
      <p className="text-xs text-zinc-500">
        Pick a step in the graph or the timeline to see its data.
      </p>
      {run.stepRuns
        .filter((s) => s.task?.status === "open")
        .map((s) => (
          <Link
            key={s.id}
            to={`/tasks/${s.task?.id}`}
            className="flex items-center gap-2.5 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 hover:bg-amber-100 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200 dark:hover:bg-amber-500/20"
          >
            <UserCheck className="size-4 shrink-0" aria-hidden />
            <span className="min-w-0 flex-1">
              <span className="block font-medium">Waiting for a person</span>
              <span className="block truncate text-xs">{s.task?.title}</span>
            </span>
            <span className="font-medium text-xs">Decide →</span>
          </Link>
        ))}
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
        <EventList events={events} label="Run events" nameStep={nameStep} />
      </PanelSection>
    </aside>
  );
}
