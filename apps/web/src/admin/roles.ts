import type { TRole } from "@baton/model";

/** The roles in the order the admin pages show them, each with what it lets a person do. */
export const ROLE_HINTS: [TRole, string][] = [
  ["admin", "users, connections and the audit trail"],
  ["designer", "edit and publish scenarios"],
  ["operator", "start, cancel and rework runs"],
  ["approver", "decide manual tasks"],
  ["viewer", "look at everything, change nothing"],
];
