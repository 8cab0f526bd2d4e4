import { XCircle } from "lucide-react";
import { useId, useState } from "react";
import { BUTTON } from "../ui/buttons.ts";

/** Rejecting needs a reason; it is stored with the decision and fails the step. */
export function RejectForm({
  pending,
  onReject,
  onCancel,
}: {
  pending: boolean;
  onReject: (reason: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [reason, setReason] = useState("");
  return (
    <form
      className="space-y-2 rounded-lg border border-red-200 bg-red-50/60 p-3 dark:border-red-900/60 dark:bg-red-950/30"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) onReject(reason.trim());
      }}
    >
      <label htmlFor={id} className="block font-medium text-red-900 text-xs dark:text-red-200">
        Reason for rejecting
      </label>
      <textarea
        id={id}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={3}
        maxLength={2000}
        required
        className="block w-full rounded-md border border-red-300 bg-white px-2.5 py-1.5 outline-none focus:ring-2 focus:ring-red-500/30 dark:border-red-900 dark:bg-zinc-950"
      />
      <div className="flex justify-end gap-2">
        <button type="button" className={BUTTON.secondary} onClick={onCancel}>
          Back
        </button>
        <button type="submit" className={BUTTON.danger} disabled={pending || !reason.trim()}>
          <XCircle className="size-4" aria-hidden />
          {pending ? "Rejecting…" : "Confirm rejection"}
        </button>
      </div>
    </form>
  );
}
