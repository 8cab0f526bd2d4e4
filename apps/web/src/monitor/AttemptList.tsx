import { formatDuration } from "../lib/format.ts";
import { attemptFailure, type TAttemptFailure } from "./attempt-failure.ts";
import type { TStepAttempt } from "./run-types.ts";
import { StepStateBadge } from "./StepStateBadge.tsx";

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString(undefined, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });

const chip =
  "rounded bg-red-100 px-1 py-0.5 font-mono text-[11px] text-red-800 dark:bg-red-900/50 dark:text-red-200";

/** Why an attempt failed: the HTTP status, the provider's classification, whether it was retried. */
function FailureFacts({ failure }: { failure: TAttemptFailure }) {
  return (
    <div className="mt-1 space-y-0.5 break-words text-red-700 dark:text-red-400">
      <p className="flex flex-wrap items-center gap-1">
        {failure.status !== undefined && (
          <span className={chip} title="The HTTP status the function answered with">
            HTTP {failure.status}
          </span>
        )}
        {failure.classification && (
          <code className={chip} title={failure.meaning}>
            {failure.classification}
          </code>
        )}
        {failure.retried && <span className="text-zinc-500 dark:text-zinc-400">· retried</span>}
      </p>
      <p>{failure.message}</p>
    </div>
  );
}

/** Every attempt of a step run with its timings and, when it failed, why. */
export function AttemptList({ attempts, now }: { attempts: readonly TStepAttempt[]; now: number }) {
  if (attempts.length === 0) {
    return <p className="text-xs text-zinc-400 italic">Not attempted yet</p>;
  }
  return (
    <table className="w-full text-xs" aria-label="Attempts">
      <thead className="text-left text-[11px] text-zinc-500 uppercase tracking-wide">
        <tr>
          <th scope="col" className="py-1 pr-2 font-medium">
            #
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Result
          </th>
          <th scope="col" className="py-1 pr-2 font-medium">
            Started
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Took
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {attempts.map((a, i) => {
          const failure = attemptFailure(a.error, i < attempts.length - 1);
          const took = (a.endedAt ? Date.parse(a.endedAt) : now) - Date.parse(a.startedAt);
          return (
            <tr key={a.attempt} className="align-top">
              <td className="py-1.5 pr-2 tabular-nums">{a.attempt}</td>
              <td className="py-1.5 pr-2">
                <StepStateBadge state={a.status} />
                {failure && <FailureFacts failure={failure} />}
              </td>
              <td className="whitespace-nowrap py-1.5 pr-2 text-zinc-500 tabular-nums">
                <time dateTime={a.startedAt}>{time(a.startedAt)}</time>
              </td>
              <td className="whitespace-nowrap py-1.5 text-right tabular-nums">
                {formatDuration(Math.max(0, took))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
