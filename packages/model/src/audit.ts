/** Every action the audit trail records, in the order the admin page offers them as filters. */
export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.login-failed",
  "auth.logout",
  "user.create",
  "user.update",
  "user.take-role",
  "user.reset-password",
  "connection.create",
  "connection.update",
  "connection.delete",
  "scenario.publish",
  "run.start",
  // a test run of a draft or of one step (kept apart from real runs)
  "run.test",
  "run.cancel",
  "run.restart",
  "run.retry",
  "task.approve",
  "task.reject",
] as const;

export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

/** One entry of the audit trail, written in the transaction of the action it records. */
export type TAuditEntry = {
  /** the signed-in person; null for the CLI, webhooks and failed sign-ins */
  actorId: string | null;
  action: TAuditAction;
  /** what was acted on: a run, task, scenario or user id, or an email */
  target?: string | undefined;
  data?: Record<string, unknown>;
};

/**
 * What an action records in the audit trail, given its result (the run it started, the
 * user it changed): called inside the action's own transaction, so the trail has an entry
 * exactly when the action happened; undefined when there is nothing to record.
 */
export type TAudit<TResult> = (result: TResult) => TAuditEntry | undefined;
