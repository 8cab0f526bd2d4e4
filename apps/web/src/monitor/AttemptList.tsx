import { formatDuration } from "../lib/format.ts";
import type { TStepAttempt } from "./run-types.ts";
import { StepStateBadge } from "./StepStateBadge.tsx";
import { readStepError } from "./step-error.ts";

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString(undefined, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });

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
        {attempts.map((a) => {
          const error = readStepError(a.error);
          const took = (a.endedAt ? Date.parse(a.endedAt) : now) - Date.parse(a.startedAt);
          return (
            <tr key={a.attempt} className="align-top">
              <td className="py-1.5 pr-2 tabular-nums">{a.attempt}</td>
              <td className="py-1.5 pr-2">
                <StepStateBadge state={a.status} />
                {error && (
                  <div className="mt-1 break-words text-red-700 dark:text-red-400">
                    {error.code && <code className="mr-1 font-mono">{error.code}</code>}
                    {error.message}
                  </div>
                )}
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
