import { useMutation, useQuery } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { Link } from "react-router";
import { errorMessage, useTRPC } from "../lib/trpc.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { DialogAction } from "../ui/DialogAction.tsx";
import type { TConnection } from "./types.ts";
import { useInvalidateCatalog } from "./use-invalidate-catalog.ts";

/**
 * Removes a connection with its catalog entries, or explains why it cannot: while a
 * scenario uses one of its functions, the connection stays.
 */
export function RemoveConnectionDialog({
  connection,
  onClose,
}: {
  connection: TConnection;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const invalidateCatalog = useInvalidateCatalog();
  const detail = useQuery(trpc.catalog.connection.queryOptions({ id: connection.id }));
  const remove = useMutation(
    trpc.catalog.removeConnection.mutationOptions({
      onSuccess: async () => {
        onClose();
        await invalidateCatalog();
      },
    }),
  );
  const users = detail.data?.usedBy ?? [];
  return (
    <Dialog
      title={`Remove connection “${connection.name}”`}
      onClose={onClose}
      cancelLabel={users.length > 0 ? "Close" : "Cancel"}
      actions={
        users.length === 0 && (
          <DialogAction
            label="Remove"
            icon={<Trash2 className="size-3.5" aria-hidden />}
            tone="danger"
            pending={remove.isPending}
            pendingLabel="Removing…"
            disabled={!detail.data}
            onClick={() => remove.mutate({ id: connection.id })}
          />
        )
      }
    >
      {!detail.data ? (
        <p className="text-zinc-500">Checking which scenarios use its functions…</p>
      ) : users.length > 0 ? (
        <div className="space-y-2">
          <p>
            It stays: these scenarios use its functions. Remove those steps first; until then its
            functions are kept (marked missing if the provider loses them).
          </p>
          <ul className="list-disc pl-5">
            {users.map((u) => (
              <li key={u.slug}>
                <Link
                  className="text-indigo-600 hover:underline dark:text-indigo-400"
                  to={`/scenarios/${u.slug}`}
                >
                  {u.name}
                </Link>{" "}
                <span className="font-mono text-xs text-zinc-500">{u.refs.join(", ")}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>
          {connection.functionCount === 1
            ? "Its catalog entry goes with it. No scenario uses it."
            : `Its ${connection.functionCount} catalog entries go with it. No scenario uses them.`}
        </p>
      )}
      {remove.error && (
        <p role="alert" className="text-red-700 text-sm dark:text-red-400">
          {errorMessage(remove.error)}
        </p>
      )}
    </Dialog>
  );
}
