import type { TProgress } from "./node-states.ts";

/** Done steps in green, failed in red, active ones in blue, out of the graph's steps. */
export function ProgressBar({
  progress,
  className = "",
}: {
  progress: TProgress;
  className?: string;
}) {
  const { done, failed, active, total } = progress;
  const pct = (n: number) => `${total ? (100 * n) / total : 0}%`;
  return (
    <div
      role="progressbar"
      aria-label="Steps done"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={`${done} of ${total} steps done`}
      className={`flex h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800 ${className}`}
    >
      <div className="h-full bg-emerald-500 transition-[width]" style={{ width: pct(done) }} />
      <div className="h-full bg-red-500 transition-[width]" style={{ width: pct(failed) }} />
      <div className="h-full bg-sky-500 transition-[width]" style={{ width: pct(active) }} />
    </div>
  );
}
