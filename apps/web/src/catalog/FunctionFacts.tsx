import { Link } from "react-router";
import { formatDuration, timeAgo } from "../lib/format.ts";
import { StatusBadge } from "../ui/StatusBadge.tsx";
import type { TFunctionDetail } from "./types.ts";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex justify-between gap-3 py-1">
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 text-right">{children}</dd>
    </div>
  );
}

const CARD =
  "rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900";

/** Where a function comes from, what a call may cost, and which scenarios use it. */
export function FunctionFacts({ fn }: { fn: TFunctionDetail }) {
  const hints = fn.costHints;
  const inferredSides = fn.undeclared.length > 0 && fn.samples > 0;
  return (
    <div className="space-y-4">
      <section aria-labelledby="source-title" className={CARD}>
        <h2 id="source-title" className="mb-1 font-medium">
          Source
        </h2>
        <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          <Fact label="Provider">{fn.connection.provider}</Fact>
          <Fact label="Connection">
            <span className="inline-flex items-center gap-1.5">
              {fn.connection.name} <StatusBadge status={fn.connection.status} />
            </span>
          </Fact>
          {fn.undeclared.length > 0 && (
            <Fact label="Not declared">
              <span className="text-xs">
                {fn.undeclared.join(" and ")}
                {inferredSides
                  ? ` — inferred from ${fn.samples} call${fn.samples === 1 ? "" : "s"}`
                  : " — try it to infer"}
              </span>
            </Fact>
          )}
          <Fact label="Status">
            <StatusBadge status={fn.status} />
          </Fact>
          <Fact label="Last seen">{timeAgo(fn.lastSeenAt)}</Fact>
        </dl>
      </section>
      <section aria-labelledby="cost-title" className={CARD}>
        <h2 id="cost-title" className="mb-1 font-medium">
          Cost hints
        </h2>
        {Object.keys(hints).length === 0 ? (
          <p className="text-sm text-zinc-500">The provider gives none.</p>
        ) : (
          <dl className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {hints.memoryMb !== undefined && <Fact label="Memory">{hints.memoryMb} MB</Fact>}
            {hints.timeoutMs !== undefined && (
              <Fact label="Timeout">{formatDuration(hints.timeoutMs)}</Fact>
            )}
            {hints.runtime && <Fact label="Runtime">{hints.runtime}</Fact>}
            {hints.architecture && <Fact label="Architecture">{hints.architecture}</Fact>}
            {hints.maxConcurrency !== undefined && (
              <Fact label="Max concurrency">{hints.maxConcurrency}</Fact>
            )}
          </dl>
        )}
      </section>
      <section aria-labelledby="used-title" className={CARD}>
        <h2 id="used-title" className="mb-1 font-medium">
          Used by
        </h2>
        {fn.usedBy.length === 0 ? (
          <p className="text-sm text-zinc-500">No scenario uses it yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {fn.usedBy.map((u) => (
              <li key={u.slug}>
                <Link
                  to={`/scenarios/${u.slug}`}
                  className="text-indigo-700 hover:underline dark:text-indigo-300"
                >
                  {u.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
