import type { ReactNode } from "react";
import { errorMessage } from "../lib/trpc.ts";
import { Dialog } from "./Dialog.tsx";
import { DialogAction } from "./DialogAction.tsx";

/** Asks before an action that changes a run, and shows why it failed if it does. */
export function ConfirmDialog({
  title,
  confirmLabel,
  tone = "primary",
  pending,
  error,
  onConfirm,
  onClose,
  children,
}: {
  title: string;
  confirmLabel: string;
  tone?: "primary" | "danger";
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      cancelLabel="Keep as is"
      actions={
        <DialogAction
          label={confirmLabel}
          tone={tone}
          pending={pending}
          pendingLabel="Working…"
          onClick={onConfirm}
        />
      }
    >
      <div className="text-zinc-600 dark:text-zinc-300">{children}</div>
      {Boolean(error) && (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-red-800 text-xs dark:bg-red-950/50 dark:text-red-300"
        >
          {errorMessage(error)}
        </p>
      )}
    </Dialog>
  );
}
