import type { AppRouter } from "@baton/server";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { KeyRound, UserPlus, Users } from "lucide-react";
import { useState } from "react";
import { useSession } from "../auth/use-session.ts";
import { formatDateTime } from "../lib/format.ts";
import { useTRPC } from "../lib/trpc.ts";
import { BUTTON } from "../ui/buttons.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { EmptyState, ErrorNotice, LoadingRows } from "../ui/States.tsx";
import { StatusBadge } from "../ui/StatusBadge.tsx";
import { Table } from "../ui/Table.tsx";
import { AddUserForm } from "./AddUserForm.tsx";
import { AdminOnly } from "./AdminOnly.tsx";
import { ResetPasswordDialog } from "./ResetPasswordDialog.tsx";
import { RolePicker } from "./RolePicker.tsx";

type TUser = inferRouterOutputs<AppRouter>["users"]["list"][number];

/** `/users`: accounts, their roles, and who may sign in. */
export function UsersPage() {
  return (
    <>
      <PageHeader
        title="Users"
        description="Who may sign in, and what each role lets them do. Every change lands in the audit trail."
      />
      <AdminOnly>
        <UserList />
      </AdminOnly>
    </>
  );
}

function UserList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useSession();
  const users = useQuery(trpc.users.list.queryOptions());
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<TUser | undefined>();
  const update = useMutation(
    trpc.users.update.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() }),
    }),
  );
  return (
    <div className="space-y-4 p-6">
      {adding ? (
        <AddUserForm onDone={() => setAdding(false)} />
      ) : (
        <div className="flex justify-end">
          <button type="button" className={BUTTON.primary} onClick={() => setAdding(true)}>
            <UserPlus className="size-4" aria-hidden />
            Add user
          </button>
        </div>
      )}
      {update.error && <ErrorNotice error={update.error} />}
      {users.error ? (
        <ErrorNotice error={users.error} retry={() => users.refetch()} />
      ) : !users.data ? (
        <LoadingRows />
      ) : users.data.length === 0 ? (
        <EmptyState icon={Users} title="No users" />
      ) : (
        <Table
          label="Users"
          rows={users.data}
          rowKey={(u) => u.id}
          columns={[
            {
              header: "User",
              cell: (u) => (
                <div>
                  <div className="font-medium">
                    {u.name}
                    {u.id === me?.id && <span className="ml-1.5 text-xs text-zinc-400">(you)</span>}
                  </div>
                  <div className="text-xs text-zinc-500 dark:text-zinc-400">{u.email}</div>
                </div>
              ),
            },
            {
              header: "Roles",
              cell: (u) => (
                <RolePicker
                  label={`Roles of ${u.name}`}
                  roles={u.roles}
                  disabled={update.isPending}
                  onChange={(roles) => update.mutate({ id: u.id, roles })}
                />
              ),
            },
            {
              header: "Status",
              cell: (u) => <StatusBadge status={u.disabledAt ? "disabled" : "active"} />,
            },
            {
              header: "Added",
              cell: (u) => (
                <span className="text-xs text-zinc-500 dark:text-zinc-400">
                  {formatDateTime(u.createdAt)}
                </span>
              ),
            },
            {
              header: "Actions",
              className: "text-right",
              cell: (u) => (
                <div className="flex justify-end gap-1.5">
                  <button
                    type="button"
                    className={BUTTON.secondary}
                    onClick={() => setResetting(u)}
                    aria-label={`Reset the password of ${u.name}`}
                  >
                    <KeyRound className="size-3.5" aria-hidden />
                    Password…
                  </button>
                  {u.id !== me?.id && (
                    <button
                      type="button"
                      className={BUTTON.secondary}
                      disabled={update.isPending}
                      onClick={() => update.mutate({ id: u.id, disabled: !u.disabledAt })}
                    >
                      {u.disabledAt ? "Enable" : "Disable"}
                    </button>
                  )}
                </div>
              ),
            },
          ]}
        />
      )}
      {resetting && (
        <ResetPasswordDialog user={resetting} onClose={() => setResetting(undefined)} />
      )}
    </div>
  );
}
