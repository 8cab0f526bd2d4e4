import type { TAssignees, TRole } from "./scenario.ts";

/** What a person may do; every API procedure requires exactly one of these. */
export const PERMISSIONS = ["read", "design", "operate", "decide", "administer"] as const;
export type TPermission = (typeof PERMISSIONS)[number];

/**
 * The roles that grant each permission. Admins hold every permission; everyone signed in
 * may read.
 */
export const ROLES_WITH: Record<TPermission, readonly TRole[]> = {
  read: ["admin", "designer", "operator", "approver", "viewer"],
  design: ["admin", "designer"],
  operate: ["admin", "operator"],
  decide: ["admin", "approver"],
  administer: ["admin"],
};

export const hasPermission = (roles: readonly TRole[], permission: TPermission): boolean =>
  roles.some((role) => ROLES_WITH[permission].includes(role));

export type TDecider = { email: string; roles: readonly TRole[] };

/**
 * Whether a person may decide a manual task assigned to `assignees`: they need the decide
 * permission and, when the step names roles or people, one of those roles or to be named
 * (by email, any case). A step that names nobody is open to every approver.
 */
export const mayDecide = (assignees: Partial<TAssignees>, person: TDecider): boolean => {
  if (!hasPermission(person.roles, "decide")) return false;
  const roles = assignees.roles ?? [];
  const users = assignees.users ?? [];
  if (roles.length === 0 && users.length === 0) return true;
  const email = person.email.toLowerCase();
  return (
    roles.some((role) => person.roles.includes(role)) ||
    users.some((user) => user.toLowerCase() === email)
  );
};

/**
 * The role an administrator would take to decide a task they may not decide yet: approver
 * when the step names it (or names only people and roles they lack), else the first role the
 * step names. Undefined when they may decide already, are no administrator (only an
 * administrator may change roles), or the step names only people.
 */
export const roleToDecide = (
  assignees: Partial<TAssignees>,
  person: TDecider,
): TRole | undefined => {
  if (!person.roles.includes("admin") || mayDecide(assignees, person)) return undefined;
  const roles = assignees.roles ?? [];
  return roles.includes("approver") ? "approver" : roles[0];
};
