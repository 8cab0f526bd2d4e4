import type { TNode } from "@baton/model";
import { Inbox, RotateCcw, X } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { formatDateTime, formatDuration } from "../lib/format.ts";
import { ErrorBox } from "../ui/ErrorBox.tsx";
import { KIND_LOOKS } from "../ui/node-looks.ts";
import { PanelSection } from "../ui/PanelSection.tsx";
import { AttemptList } from "./AttemptList.tsx";
import { EventList } from "./EventList.tsx";
import type { TNameStep } from "./event-summary.ts";
import { stepDurationMs, type TNodeState } from "./node-states.ts";
import type { TRunEvent, TStepRun } from "./run-types.ts";
import { StepData } from "./StepData.tsx";
import { StepStateBadge } from "./StepStateBadge.tsx";

/** Everything about one step of the run: each of its step runs, data, attempts and events. */
export function StepPanel({
  node,
  state,
  stepRun,
  events,
  now,
  canRestart,
  onPick,
  onRestart,
  onClose,
  nameStep,
  items,
  pinned = false,
}: {
  node: TNode;
  state: TNodeState;
  stepRun: TStepRun | undefined;
  events: readonly TRunEvent[];
  now: number;
  canRestart: boolean;
  onPick: (stepRun: TStepRun) => void;
  onRestart: () => void;
  onClose: () => void;
  nameStep: TNameStep;
  /** a map step's items, when the step is a map */
  items?: ReactNode;
  /** a test run took the draft's pinned output for this step instead of calling it */
  pinned?: boolean;
}) {
  const look = KIND_LOOKS[node.kind];
  const Icon = look.icon;
  const duration = stepRun ? stepDurationMs(stepRun, now) : undefined;
  const stepEvents = stepRun ? events.filter((e) => e.stepRunId === stepRun.id) : [];
  return (
    <aside aria-label={`Step ${node.label}`} className="space-y-4 p-4">
      <header className="flex items-start gap-2.5">
        <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
          <Icon className="size-4" aria-hidden />
        </span>
        <div className="min-w-0 flex-1">
          <h2 className="truncate font-semibold text-base leading-tight">{node.label}</h2>
          <p className="truncate text-xs text-zinc-500">
            {look.name} · <span className="font-mono">{node.id}</span>
            {node.kind === "function" && node.function && (
              <>
                {" "}
                · <span className="font-mono">{node.function}</span>
              </>
            )}
          </p>
        </div>
        <button
          type="button"
          onClick={onClose}
          aria-label="Close step details"
          className="rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
        >
          <X className="size-4" />
        </button>
      </header>

      <div className="flex flex-wrap items-center gap-2">
        <StepStateBadge state={stepRun?.status ?? state.state} kind={node.kind} />
        {stepRun && (
          <span className="text-xs text-zinc-500 tabular-nums">
            {stepRun.attempt} attempt{stepRun.attempt === 1 ? "" : "s"}
            {duration !== undefined && ` · ${formatDuration(duration)}`}
          </span>
        )}
        {canRestart && (
          <button
            type="button"
            onClick={onRestart}
            className="ml-auto inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2 py-1 font-medium text-xs shadow-xs hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            <RotateCcw className="size-3.5" aria-hidden />
            Restart from here
          </button>
        )}
      </div>

      {pinned && (
        <p className="rounded-md bg-violet-50 px-2.5 py-2 text-violet-800 text-xs dark:bg-violet-950/50 dark:text-violet-300">
          Pinned: this test run used the output pinned in the draft and did not call the step.
        </p>
      )}

      {state.history.length > 1 && (
        <PanelSection title="Runs of this step">
          <ol
            className="overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800"
            aria-label="Runs of this step"
          >
            {state.history.map((h) => (
              <li key={h.id}>
                <button
                  type="button"
                  onClick={() => onPick(h)}
                  aria-current={h.id === stepRun?.id || undefined}
                  className={`flex w-full items-center gap-2 px-2.5 py-1.5 text-left text-xs hover:bg-zinc-50 dark:hover:bg-zinc-800/50 ${
                    h.id === stepRun?.id ? "bg-indigo-50 dark:bg-indigo-500/10" : ""
                  }`}
                >
                  <span className="min-w-12 shrink-0 font-medium tabular-nums">
                    {/* a map's body step runs once per item */}
                    {h.scope ? `Item ${h.scope} · ` : ""}Run {h.generation + 1}
                  </span>
                  <StepStateBadge state={h.status} kind={node.kind} />
                  <span className="ml-auto text-zinc-500 tabular-nums">
                    {formatDateTime(h.startedAt ?? h.createdAt)}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </PanelSection>
      )}

      {!stepRun ? (
        <p className="rounded-md border border-zinc-300 border-dashed px-3 py-4 text-center text-xs text-zinc-500 dark:border-zinc-700">
          This step has not been reached in this run.
        </p>
      ) : (
        <>
          {stepRun.task && (
            <Link
              to={`/tasks/${stepRun.task.id}`}
              className="flex items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 text-xs hover:bg-amber-100 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200 dark:hover:bg-amber-500/20"
            >
              <Inbox className="size-4" aria-hidden />
              <span className="flex-1">
                Task <strong className="font-semibold">{stepRun.task.title}</strong> ·{" "}
                {stepRun.task.status}
              </span>
              <span className="font-medium">
                {stepRun.task.status === "open" ? "Decide →" : "View →"}
              </span>
            </Link>
          )}
          <ErrorBox error={stepRun.error} label="Step error" />
          {items}
          <StepData stepRun={stepRun} label="Step" />
          <PanelSection title="Attempts">
            <AttemptList attempts={stepRun.attempts} now={now} />
          </PanelSection>
          <PanelSection title="Events">
            <EventList events={stepEvents} label="Step events" nameStep={nameStep} named={false} />
          </PanelSection>
        </>
      )}
    </aside>
  );
}
