import type { TAssignees, TRole } from "@baton/model";
import { Lock, UserPlus } from "lucide-react";
import { BUTTON } from "../ui/buttons.ts";

/**
 * An open task the signed-in person may not decide: who may, and for an administrator who
 * lacks the role the step asks for, taking that role (recorded in the audit trail).
 */
export function NotYourTask({
  assignees,
  roleToTake,
  onTakeRole,
  taking,
  error,
}: {
  assignees: Partial<TAssignees>;
  roleToTake: TRole | null;
  onTakeRole: (role: TRole) => void;
  taking: boolean;
  error: string | undefined;
}) {
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
      <div className="min-w-0 flex-1 space-y-2">
        <div>
          <div className="font-medium">
            {roleToTake ? `This task needs the ${roleToTake} role` : "Waiting for someone else"}
          </div>
          <p className="mt-0.5 text-zinc-500 dark:text-zinc-400">
            Only {who.length ? who.join(" or ") : "approvers"} may decide this task.
          </p>
        </div>
        {roleToTake && (
          <>
            <p className="text-zinc-600 dark:text-zinc-300">
              As an administrator you may take the {roleToTake} role yourself and decide it now. The
              audit trail records it; remove the role again on Users.
            </p>
            <button
              type="button"
              className={BUTTON.primary}
              disabled={taking}
              onClick={() => onTakeRole(roleToTake)}
            >
              <UserPlus className="size-4" aria-hidden />
              {taking ? "Taking the role…" : `Take the ${roleToTake} role`}
            </button>
            {error && (
              <p role="alert" className="text-red-700 text-xs dark:text-red-400">
                {error}
              </p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
