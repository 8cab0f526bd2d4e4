import type { ReactNode } from "react";
import { errorMessage } from "../lib/trpc.ts";
import { BUTTON } from "./buttons.ts";
import { Dialog } from "./Dialog.tsx";

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
      footer={
        <>
          <button type="button" className={BUTTON.secondary} onClick={onClose}>
            Keep as is
          </button>
          <button type="button" className={BUTTON[tone]} disabled={pending} onClick={onConfirm}>
            {pending ? "Working…" : confirmLabel}
          </button>
        </>
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
