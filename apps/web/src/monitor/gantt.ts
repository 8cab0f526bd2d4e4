import type { TStepRun } from "./run-types.ts";
import type { TStepState } from "./step-state.ts";

/**
 * A piece of a step run's life: waiting in the queue, an attempt, the backoff before the
 * next attempt, or a person deciding.
 */
export type TGanttSegment = {
  kind: "queued" | "attempt" | "backoff" | "person";
  from: number;
  to: number;
  /** for attempts: how it ended (running while it has not) */
  status?: TStepState;
  attempt?: number;
};

export type TGanttRow = {
  stepRunId: string;
  nodeId: string;
  /** the map item a body step ran for ("" for the run's own steps) */
  scope: string;
  label: string;
  generation: number;
  state: TStepState;
  from: number;
  to: number;
  segments: TGanttSegment[];
};

export type TGantt = {
  rows: TGanttRow[];
  from: number;
  to: number;
  /** the most attempts that ran at the same moment */
  peakParallel: number;
};

const ms = (iso: string | null | undefined): number | undefined =>
  iso ? Date.parse(iso) : undefined;

const isOpen = (state: TStepState): boolean =>
  state === "scheduled" || state === "running" || state === "retrying" || state === "waiting";

const rowOf = (step: TStepRun, label: string, now: number): TGanttRow | undefined => {
  const attempts = [...step.attempts].sort((a, b) => a.attempt - b.attempt);
  const queuedAt = ms(step.scheduledAt) ?? ms(step.createdAt)!;
  const open = isOpen(step.status);
  const end = ms(step.endedAt) ?? (open ? now : (ms(step.updatedAt) ?? queuedAt));
  const segments: TGanttSegment[] = [];
  const firstStart = ms(attempts[0]?.startedAt);
  if (firstStart !== undefined && firstStart > queuedAt) {
    segments.push({ kind: "queued", from: queuedAt, to: firstStart });
  } else if (firstStart === undefined && step.status === "scheduled") {
    segments.push({ kind: "queued", from: queuedAt, to: now });
  }
  attempts.forEach((attempt, i) => {
    const from = ms(attempt.startedAt)!;
    const to = ms(attempt.endedAt) ?? (open ? now : end);
    segments.push({
      kind: "attempt",
      from,
      to: Math.max(from, to),
      status: attempt.status,
      attempt: attempt.attempt,
    });
    const next = attempts[i + 1];
    const nextStart = next ? ms(next.startedAt)! : step.status === "retrying" ? now : undefined;
    if (nextStart !== undefined && nextStart > to) {
      segments.push({ kind: "backoff", from: to, to: nextStart });
    }
  });
  const task = step.task;
  if (task) {
    const from = ms(task.createdAt)!;
    const to = ms(task.decidedAt) ?? (task.status === "open" ? now : end);
    segments.push({ kind: "person", from, to: Math.max(from, to) });
  }
  if (segments.length === 0 && step.status !== "skipped") return undefined;
  const from = Math.min(queuedAt, ...segments.map((s) => s.from));
  const to = Math.max(end, ...segments.map((s) => s.to));
  return {
    stepRunId: step.id,
    nodeId: step.nodeId,
    scope: step.scope,
    label,
    generation: step.generation,
    state: step.status,
    from,
    to,
    segments,
  };
};

/** Peak number of overlapping intervals (ends before starts at the same instant). */
export const peakOverlap = (intervals: readonly { from: number; to: number }[]): number => {
  const edges: [number, number][] = [];
  for (const { from, to } of intervals) {
    if (to <= from) continue;
    edges.push([from, 1], [to, -1]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let peak = 0;
  for (const [, delta] of edges) {
    current += delta;
    peak = Math.max(peak, current);
  }
  return peak;
};

/** "Create user", or "Create user · item 2" for a map's body step (nested: "item 2/0"). */
const rowLabel = (step: TStepRun, labelOf: (nodeId: string) => string): string =>
  step.scope === "" ? labelOf(step.nodeId) : `${labelOf(step.nodeId)} · item ${step.scope}`;

/**
 * The timeline of a run: one row per step run (superseded ones too), a map's body steps
 * once per item, in the order they were scheduled, on a shared time axis so parallel
 * branches, items and waits line up.
 */
export const buildGantt = (
  stepRuns: readonly TStepRun[],
  labelOf: (nodeId: string) => string,
  now: number,
): TGantt => {
  const rows = stepRuns
    .map((s) => rowOf(s, rowLabel(s, labelOf), now))
    .filter((r): r is TGanttRow => r !== undefined)
    .sort((a, b) => a.from - b.from || a.generation - b.generation);
  const from = rows.length ? Math.min(...rows.map((r) => r.from)) : now;
  const to = rows.length ? Math.max(...rows.map((r) => r.to)) : now;
  const attempts = rows.flatMap((r) =>
    r.segments.filter((s) => s.kind === "attempt" && r.state !== "skipped"),
  );
  return { rows, from, to, peakParallel: peakOverlap(attempts) };
};
