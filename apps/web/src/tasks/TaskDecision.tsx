import { CheckCircle2, CircleSlash, XCircle } from "lucide-react";
import { formatDateTime } from "../lib/format.ts";
import { ReadableValue } from "./ReadableValue.tsx";

/** Whether the approver sent anything: an empty form sends `{}`. */
const hasData = (decision: unknown): boolean =>
  decision !== null &&
  decision !== undefined &&
  !(typeof decision === "object" && Object.keys(decision).length === 0);

/** A task that is no longer open: who decided what, when, and why. */
export function TaskDecision({
  status,
  decidedAt,
  decidedBy,
  decision,
  reason,
}: {
  status: string;
  decidedAt: string | null;
  decidedBy: string | undefined;
  decision: unknown;
  reason: string | null;
}) {
  const [Icon, tone, title] =
    status === "approved"
      ? [
          CheckCircle2,
          "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-500/30 dark:bg-emerald-500/10 dark:text-emerald-200",
          "Approved",
        ]
      : status === "rejected"
        ? [
            XCircle,
            "border-red-300 bg-red-50 text-red-900 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-200",
            "Rejected",
          ]
        : [
            CircleSlash,
            "border-zinc-300 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-800/40 dark:text-zinc-300",
            status === "expired" ? "Expired" : "Withdrawn",
          ];
  return (
    <section aria-label="Decision" className={`space-y-2 rounded-lg border px-4 py-3 ${tone}`}>
      <div className="flex items-center gap-2 font-medium">
        <Icon className="size-4" aria-hidden />
        {title}
        {decidedAt && (
          <span className="font-normal text-xs opacity-80">
            {formatDateTime(decidedAt)}
            {decidedBy && ` by ${decidedBy}`}
          </span>
        )}
      </div>
      {reason && <p className="text-sm">Reason: {reason}</p>}
      {status === "approved" && hasData(decision) && (
        <ReadableValue value={decision} label="Submitted data" />
      )}
      {status === "cancelled" && (
        <p className="text-xs">The run was cancelled or reworked before anyone decided.</p>
      )}
    </section>
  );
}
