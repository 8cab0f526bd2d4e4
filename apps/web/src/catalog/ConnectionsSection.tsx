import { useMutation } from "@tanstack/react-query";
import { Pencil, Plus, RefreshCw, Trash2 } from "lucide-react";
import { useState } from "react";
import { useCan } from "../auth/use-session.ts";
import { timeAgo } from "../lib/format.ts";
import { errorMessage, useTRPC } from "../lib/trpc.ts";
import { BUTTON } from "../ui/buttons.ts";
import { StatusBadge } from "../ui/StatusBadge.tsx";
import { ConnectionDialog } from "./ConnectionDialog.tsx";
import { RefreshReport } from "./RefreshReport.tsx";
import { RemoveConnectionDialog } from "./RemoveConnectionDialog.tsx";
import type { TConnection, TRefreshReport } from "./types.ts";
import { useInvalidateCatalog } from "./use-invalidate-catalog.ts";

const ICON_BUTTON =
  "rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-50 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";

type TOpen = { kind: "add" } | { kind: "edit" | "remove"; connection: TConnection } | undefined;

function ConnectionCard({
  connection,
  manages,
  refreshing,
  onRefresh,
  onEdit,
  onRemove,
}: {
  connection: TConnection;
  /** an administrator: the card offers refresh, edit and remove */
  manages: boolean;
  refreshing: boolean;
  onRefresh: () => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  return (
    <li
      aria-label={`Connection ${connection.name}`}
      className="flex min-w-64 flex-1 flex-col gap-1 rounded-lg border border-zinc-200 bg-white px-3 py-2.5 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-center gap-2">
        <span className="font-medium">{connection.name}</span>
        <span className="text-xs text-zinc-500">{connection.provider}</span>
        <StatusBadge status={connection.status} />
        {manages && (
          <span className="ml-auto flex items-center gap-0.5">
            <button
              type="button"
              className={ICON_BUTTON}
              title="Refresh"
              aria-label={`Refresh ${connection.name}`}
              disabled={refreshing}
              onClick={onRefresh}
            >
              <RefreshCw className={`size-3.5 ${refreshing ? "animate-spin" : ""}`} aria-hidden />
            </button>
            <button
              type="button"
              className={ICON_BUTTON}
              title="Edit"
              aria-label={`Edit ${connection.name}`}
              onClick={onEdit}
            >
              <Pencil className="size-3.5" aria-hidden />
            </button>
            <button
              type="button"
              className={ICON_BUTTON}
              title="Remove"
              aria-label={`Remove ${connection.name}`}
              onClick={onRemove}
            >
              <Trash2 className="size-3.5" aria-hidden />
            </button>
          </span>
        )}
      </div>
      <div className="text-xs text-zinc-500 tabular-nums">
        {connection.functionCount} function{connection.functionCount === 1 ? "" : "s"}
        {connection.lastRefreshedAt && ` · refreshed ${timeAgo(connection.lastRefreshedAt)}`}
        {connection.secretKeys.length > 0 && ` · ${connection.secretKeys.length} credential(s) set`}
      </div>
      {connection.status === "error" && connection.lastError && (
        <p
          className="line-clamp-2 text-red-700 text-xs dark:text-red-400"
          title={connection.lastError}
        >
          {connection.lastError}
        </p>
      )}
    </li>
  );
}

/** The connections behind the catalog: add, edit, refresh (with what changed) and remove. */
export function ConnectionsSection({ connections }: { connections: TConnection[] }) {
  const trpc = useTRPC();
  const invalidateCatalog = useInvalidateCatalog();
  const [open, setOpen] = useState<TOpen>();
  const [report, setReport] = useState<TRefreshReport>();
  const manages = useCan("administer");
  const refresh = useMutation(
    trpc.catalog.refreshConnection.mutationOptions({
      onSuccess: async (result) => {
        setReport(result);
        await invalidateCatalog();
      },
    }),
  );
  return (
    <section aria-labelledby="connections-title" className="space-y-2">
      <div className="flex items-center justify-between">
        <h2 id="connections-title" className="font-medium">
          Connections
        </h2>
        {manages && (
          <button type="button" className={BUTTON.primary} onClick={() => setOpen({ kind: "add" })}>
            <Plus className="size-3.5" aria-hidden /> Add connection
          </button>
        )}
      </div>
      <ul className="flex flex-wrap gap-2">
        {connections.map((c) => (
          <ConnectionCard
            key={c.id}
            connection={c}
            manages={manages}
            refreshing={refresh.isPending && refresh.variables?.id === c.id}
            onRefresh={() => refresh.mutate({ id: c.id })}
            onEdit={() => setOpen({ kind: "edit", connection: c })}
            onRemove={() => setOpen({ kind: "remove", connection: c })}
          />
        ))}
      </ul>
      {refresh.error && (
        <p role="alert" className="text-red-700 text-sm dark:text-red-400">
          {errorMessage(refresh.error)}
        </p>
      )}
      {report && <RefreshReport report={report} />}
      {open?.kind === "add" && (
        <ConnectionDialog
          onClose={() => setOpen(undefined)}
          onSaved={(result) => {
            setReport(result);
            setOpen(undefined);
          }}
        />
      )}
      {open?.kind === "edit" && (
        <ConnectionDialog
          connection={open.connection}
          onClose={() => setOpen(undefined)}
          onSaved={(result) => {
            setReport(result);
            setOpen(undefined);
          }}
        />
      )}
      {open?.kind === "remove" && (
        <RemoveConnectionDialog connection={open.connection} onClose={() => setOpen(undefined)} />
      )}
    </section>
  );
}
