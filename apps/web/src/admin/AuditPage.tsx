import { AUDIT_ACTIONS } from "@baton/model";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ScrollText } from "lucide-react";
import { Link, useSearchParams } from "react-router";
import { fieldClass } from "../designer/panel/form-styles.ts";
import { formatDateTime } from "../lib/format.ts";
import { useTRPC } from "../lib/trpc.ts";
import { BUTTON } from "../ui/buttons.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyState, ErrorNotice, LoadingRows } from "../ui/States.tsx";
import { Table } from "../ui/Table.tsx";
import { AdminOnly } from "./AdminOnly.tsx";
import { describeAuditData, type TAuditName } from "./audit-details.ts";

const FILTERS = ["action", "actor", "target", "since"] as const;

/** `/audit`: who did what and when, newest first, filtered; nothing here can be changed. */
export function AuditPage() {
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Who did what, and when: sign-ins, users and roles, publishing, runs and decisions. Entries cannot be edited."
      />
      <AdminOnly>
        <AuditList />
      </AdminOnly>
    </>
  );
}

function AuditList() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const filter = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ""])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const set = (key: (typeof FILTERS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const action = AUDIT_ACTIONS.find((a) => a === filter.action);
  const users = useQuery(trpc.users.list.queryOptions());
  const entries = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      {
        limit: 50,
        ...(action ? { action } : {}),
        ...(filter.actor ? { actorId: filter.actor } : {}),
        ...(filter.target.trim() ? { target: filter.target.trim() } : {}),
        ...(filter.since ? { since: new Date(filter.since) } : {}),
      },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const items = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = FILTERS.some((f) => filter[f]);
  return (
    <div className="space-y-4 p-6">
      <search className="flex flex-wrap items-end gap-3" aria-label="Filter the audit trail">
        <label className="space-y-1">
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">Action</span>
          <select
            className={fieldClass}
            value={filter.action}
            onChange={(e) => set("action", e.target.value)}
          >
            <option value="">Every action</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">Who</span>
          <select
            className={`${fieldClass} max-w-56`}
            value={filter.actor}
            onChange={(e) => set("actor", e.target.value)}
          >
            <option value="">Anyone</option>
            {users.data?.map((u) => (
              <option key={u.id} value={u.id} title={u.email}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">Target</span>
          <input
            className={`${fieldClass} w-72 font-mono`}
            placeholder="run, task, scenario or user id, or an email"
            value={filter.target}
            onChange={(e) => set("target", e.target.value)}
          />
        </label>
        <label className="space-y-1">
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">Since</span>
          <input
            className={fieldClass}
            type="date"
            value={filter.since}
            onChange={(e) => set("since", e.target.value)}
          />
        </label>
        {filtered && (
          <button type="button" className={BUTTON.secondary} onClick={() => setParams({})}>
            Clear filters
          </button>
        )}
      </search>
      {entries.error ? (
        <ErrorNotice error={entries.error} retry={() => entries.refetch()} />
      ) : !entries.data ? (
        <LoadingRows />
      ) : items.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title={filtered ? "No entry matches these filters" : "Nothing recorded yet"}
        />
      ) : (
        <>
          <Table
            label="Audit entries"
            rows={items}
            rowKey={(e) => e.id}
            columns={[
              {
                header: "When",
                className: "whitespace-nowrap",
                cell: (e) => <span className="tabular-nums">{formatDateTime(e.at)}</span>,
              },
              {
                header: "Who",
                cell: (e) =>
                  e.actor ? (
                    <span title={e.actor.email}>{e.actor.name}</span>
                  ) : (
                    <span className="text-zinc-400">no one signed in</span>
                  ),
              },
              {
                header: "Action",
                cell: (e) => (
                  <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">
                    {e.action}
                  </span>
                ),
              },
              {
                header: "Target",
                cell: (e) =>
                  e.subject ? (
                    <Named name={e.subject} />
                  ) : (
                    <span className="font-mono text-xs text-zinc-500">
                      {e.target ? e.target.slice(0, 36) : "—"}
                    </span>
                  ),
              },
              {
                header: "Details",
                cell: (e) => (
                  <ul className="space-y-0.5 text-xs text-zinc-600 dark:text-zinc-300">
                    {describeAuditData(e.data, e.refs).map((phrase) => (
                      <li key={phrase.text}>
                        {phrase.link?.href ? (
                          <Link
                            to={phrase.link.href}
                            title={phrase.link.title}
                            className="text-indigo-700 hover:underline dark:text-indigo-300"
                          >
                            {phrase.text}
                          </Link>
                        ) : (
                          phrase.text
                        )}
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          {entries.hasNextPage && (
            <div className="flex justify-center">
              <button
                type="button"
                className={BUTTON.secondary}
                disabled={entries.isFetchingNextPage}
                onClick={() => entries.fetchNextPage()}
              >
                {entries.isFetchingNextPage ? "Loading…" : "Show older entries"}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** A person, scenario, run or task by its name, linked to its page when it has one. */
function Named({ name }: { name: TAuditName }) {
  return name.href ? (
    <Link
      to={name.href}
      title={name.title}
      className="text-indigo-700 hover:underline dark:text-indigo-300"
    >
      {name.name}
    </Link>
  ) : (
    <span title={name.title}>{name.name}</span>
  );
}
