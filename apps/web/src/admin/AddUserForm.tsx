import type { TRole } from "@baton/model";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { inputClass, labelClass } from "../designer/panel/form-styles.ts";
import { errorMessage, useTRPC } from "../lib/trpc.ts";
import { BUTTON } from "../ui/buttons.ts";
import { RolePicker } from "./RolePicker.tsx";

/** A new account: name, email, first password and roles. */
export function AddUserForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [roles, setRoles] = useState<TRole[]>(["viewer"]);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        onDone();
      },
    }),
  );
  return (
    <form
      aria-label="Add a user"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ name, email, password, roles });
      }}
      className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="space-y-1">
          <span className={labelClass}>Name</span>
          <input
            className={inputClass}
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label className="space-y-1">
          <span className={labelClass}>Email</span>
          <input
            className={inputClass}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="space-y-1">
          <span className={labelClass}>First password (10+ characters)</span>
          <input
            className={inputClass}
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
      </div>
      <div className="space-y-1.5">
        <span className={labelClass}>Roles</span>
        <RolePicker label="Roles of the new user" roles={roles} onChange={setRoles} />
      </div>
      {create.error && (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-red-800 text-xs dark:bg-red-950/50 dark:text-red-300"
        >
          {errorMessage(create.error)}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" className={BUTTON.secondary} onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className={BUTTON.primary} disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add user"}
        </button>
      </div>
    </form>
  );
}
