import type { TAssignees } from "@baton/model";
import { Lock } from "lucide-react";

/** An open task the signed-in person may not decide: who may. */
export function NotYourTask({ assignees }: { assignees: Partial<TAssignees> }) {
  const who = [
    ...(assignees.roles ?? []).map((role) => `people with the ${role} role`),
    ...(assignees.users ?? []),
  ];
  return (
    <div
      role="note"
      className="flex items-start gap-3 rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <Lock className="mt-0.5 size-4 shrink-0 text-zinc-400" aria-hidden />
      <div>
        <div className="font-medium">Waiting for someone else</div>
        <p className="mt-0.5 text-zinc-500 dark:text-zinc-400">
          Only {who.length ? who.join(" or ") : "approvers"} may decide this task.
        </p>
      </div>
    </div>
  );
}
