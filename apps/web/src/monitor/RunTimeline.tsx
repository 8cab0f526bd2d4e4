import { useMemo } from "react";
import { formatDuration } from "../lib/format.ts";
import type { TNameStep } from "./event-summary.ts";
import { buildGantt, type TGanttSegment } from "./gantt.ts";
import type { TStepRun } from "./run-types.ts";
import { stepStateLabel, stepTone } from "./step-state.ts";
import { TONE_CLASSES } from "./tone-classes.ts";

const TICKS = 6;

const segmentClass = (segment: TGanttSegment): string => {
  switch (segment.kind) {
    case "queued":
      return "h-1 bg-zinc-300 dark:bg-zinc-600";
    case "backoff":
      return "h-1 bg-[repeating-linear-gradient(90deg,var(--color-amber-400)_0_3px,transparent_3px_6px)]";
    case "person":
      return "h-3 rounded-sm bg-[repeating-linear-gradient(135deg,var(--color-amber-300)_0_4px,var(--color-amber-100)_4px_8px)] ring-1 ring-amber-400 ring-inset dark:bg-[repeating-linear-gradient(135deg,var(--color-amber-600)_0_4px,var(--color-amber-900)_4px_8px)]";
    case "attempt":
      return `h-3 rounded-sm ${TONE_CLASSES[stepTone(segment.status ?? "running")].bar}`;
  }
};

const segmentTitle = (segment: TGanttSegment): string => {
  const took = formatDuration(segment.to - segment.from);
  switch (segment.kind) {
    case "queued":
      return `Queued ${took}`;
    case "backoff":
      return `Waiting to retry ${took}`;
    case "person":
      return `Waiting for a person ${took}`;
    case "attempt":
      return `Attempt ${segment.attempt}: ${segment.status} in ${took}`;
  }
};

const LEGEND: [string, string][] = [
  ["Attempt", "h-2.5 w-4 rounded-sm bg-emerald-500"],
  ["Failed attempt", "h-2.5 w-4 rounded-sm bg-red-500"],
  ["Queued", "h-1 w-4 bg-zinc-300 dark:bg-zinc-600"],
  ["Retry backoff", "h-1 w-4 bg-amber-400"],
  ["Waiting for a person", "h-2.5 w-4 rounded-sm bg-amber-300/70 ring-1 ring-amber-400/60"],
];

/** A Gantt chart of every step run of the run, superseded ones included. */
export function RunTimeline({
  stepRuns,
  nameStep,
  now,
  selectedStepRunId,
  onSelect,
}: {
  stepRuns: readonly TStepRun[];
  nameStep: TNameStep;
  now: number;
  selectedStepRunId: string | undefined;
  onSelect: (stepRun: TStepRun) => void;
}) {
  const gantt = useMemo(
    () => buildGantt(stepRuns, (nodeId) => nameStep(nodeId)?.label ?? nodeId, now),
    [stepRuns, nameStep, now],
  );
  const byId = useMemo(() => new Map(stepRuns.map((s) => [s.id, s])), [stepRuns]);
  const span = Math.max(1, gantt.to - gantt.from);
  const x = (t: number) => `${(100 * (t - gantt.from)) / span}%`;
  const w = (a: number, b: number) => `max(2px, ${(100 * (b - a)) / span}%)`;
  return (
    <section aria-label="Timeline" className="flex h-full flex-col text-xs">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-zinc-200 border-b px-4 py-2 text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        <span>
          {gantt.rows.length} step runs · {formatDuration(span)} · up to{" "}
          <strong className="font-semibold text-zinc-700 dark:text-zinc-200">
            {gantt.peakParallel}
          </strong>{" "}
          at once
        </span>
        <span className="ml-auto flex flex-wrap items-center gap-3">
          {LEGEND.map(([name, cls]) => (
            <span key={name} className="flex items-center gap-1.5">
              <span className={cls} aria-hidden />
              {name}
            </span>
          ))}
        </span>
      </div>
      <div className="min-h-0 flex-1 overflow-auto">
        <div className="sticky top-0 z-10 grid grid-cols-[12rem_1fr] border-zinc-200 border-b bg-white/95 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/95">
          <div className="px-4 py-1 font-medium text-[11px] text-zinc-500 uppercase tracking-wide">
            Step
          </div>
          <div className="relative mr-4 h-6">
            {Array.from({ length: TICKS + 1 }, (_, i) => (
              <span
                // biome-ignore lint/suspicious/noArrayIndexKey: ticks are positions, not items
                key={i}
                className="absolute top-1 -translate-x-1/2 whitespace-nowrap text-[10px] text-zinc-400 tabular-nums first:translate-x-0 last:-translate-x-full"
                style={{ left: `${(100 * i) / TICKS}%` }}
              >
                +{formatDuration((span * i) / TICKS)}
              </span>
            ))}
          </div>
        </div>
        <ol>
          {gantt.rows.map((row) => {
            const selected = row.stepRunId === selectedStepRunId;
            const superseded = row.state === "superseded";
            const kind = nameStep(row.nodeId)?.kind;
            return (
              <li key={row.stepRunId}>
                <button
                  type="button"
                  onClick={() => {
                    const step = byId.get(row.stepRunId);
                    if (step) onSelect(step);
                  }}
                  aria-label={`${row.label}, run ${row.generation + 1}: ${stepStateLabel(row.state, kind)}`}
                  aria-current={selected || undefined}
                  className={`grid w-full grid-cols-[12rem_1fr] items-center text-left hover:bg-zinc-50 dark:hover:bg-zinc-800/40 ${
                    selected ? "bg-indigo-50 dark:bg-indigo-500/10" : ""
                  } ${superseded ? "opacity-60" : ""}`}
                >
                  <span className="flex min-w-0 items-center gap-1.5 px-4 py-1">
                    <span
                      className={`size-1.5 shrink-0 rounded-full ${TONE_CLASSES[stepTone(row.state, kind)].dot}`}
                    />
                    <span className={`truncate ${superseded ? "line-through" : ""}`}>
                      {row.label}
                    </span>
                    {row.generation > 0 && (
                      <span className="shrink-0 rounded bg-zinc-100 px-1 text-[10px] text-zinc-500 dark:bg-zinc-800">
                        #{row.generation + 1}
                      </span>
                    )}
                  </span>
                  <span className="relative mr-4 flex h-6 items-center">
                    {row.segments.map((segment) => (
                      <span
                        key={`${segment.kind}-${segment.attempt ?? ""}-${segment.from}`}
                        title={segmentTitle(segment)}
                        className={`absolute ${segmentClass(segment)}`}
                        style={{ left: x(segment.from), width: w(segment.from, segment.to) }}
                      />
                    ))}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
