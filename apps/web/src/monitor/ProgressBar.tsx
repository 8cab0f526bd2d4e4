import type { TProgress } from "./node-states.ts";

const PART = "absolute inset-0 origin-left transition-transform";

/** Done steps in green, failed in red, active ones in blue, out of the graph's steps. */
export function ProgressBar({
  progress,
  className = "",
}: {
  progress: TProgress;
  className?: string;
}) {
  const { done, failed, active, total } = progress;
  const share = (n: number) => (total ? n / total : 0);
  // Each part spans the track, moved and scaled into place: a transition of transform runs
  // off the main thread, where one of width would lay out and paint every frame of a burst.
  const part = (offset: number, n: number) => ({
    transform: `translateX(${100 * share(offset)}%) scaleX(${share(n)})`,
  });
  return (
    <div
      role="progressbar"
      aria-label="Steps done"
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={`${done} of ${total} steps done`}
      className={`relative h-1.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800 ${className}`}
    >
      <div className={`${PART} bg-emerald-500`} style={part(0, done)} />
      <div className={`${PART} bg-red-500`} style={part(done, failed)} />
      <div className={`${PART} bg-sky-500`} style={part(done + failed, active)} />
    </div>
  );
}
