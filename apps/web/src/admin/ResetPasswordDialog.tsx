import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { inputClass, labelClass } from "../designer/panel/form-styles.ts";
import { errorMessage, useTRPC } from "../lib/trpc.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { DialogAction } from "../ui/DialogAction.tsx";

/** Sets a user's password; their open sessions end. */
export function ResetPasswordDialog({
  user,
  onClose,
}: {
  user: { id: string; name: string };
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const [password, setPassword] = useState("");
  const reset = useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess: onClose }));
  return (
    <Dialog
      title={`New password for ${user.name}`}
      onClose={onClose}
      actions={
        <DialogAction
          label="Set password"
          pending={reset.isPending}
          pendingLabel="Saving…"
          form="reset-password"
        />
      }
    >
      <form
        id="reset-password"
        onSubmit={(e) => {
          e.preventDefault();
          reset.mutate({ id: user.id, password });
        }}
        className="space-y-2"
      >
        <label className="block space-y-1">
          <span className={labelClass}>Password (10+ characters)</span>
          <input
            className={inputClass}
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {user.name} is signed out everywhere and signs in again with this password.
        </p>
        {reset.error && (
          <p role="alert" className="text-red-700 text-xs dark:text-red-400">
            {errorMessage(reset.error)}
          </p>
        )}
      </form>
    </Dialog>
  );
}
