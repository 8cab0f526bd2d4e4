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
