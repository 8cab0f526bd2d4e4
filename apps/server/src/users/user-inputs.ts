import { ZRole } from "@baton/model";
import { z } from "zod";
import { ZPassword } from "../auth/passwords.ts";

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("An email address like ada@example.com is needed").max(254));

export const ZUserName = z.string().trim().min(1, "A name is needed").max(200);

export const ZRoles = z
  .array(ZRole)
  .min(1, "Give the user at least one role")
  .transform((roles) => [...new Set(roles)]);

export const ZCreateUserInput = z.strictObject({
  email: ZEmail,
  name: ZUserName,
  roles: ZRoles,
  password: ZPassword,
});

export const ZUpdateUserInput = z.strictObject({
  id: z.uuid(),
  name: ZUserName.optional(),
  roles: ZRoles.optional(),
  disabled: z.boolean().optional(),
});

export const ZFirstAdminInput = ZCreateUserInput.omit({ roles: true });

export type TCreateUserInput = z.infer<typeof ZCreateUserInput>;
export type TUpdateUserInput = z.infer<typeof ZUpdateUserInput>;

/** What the app shows of a user: never the password hash. */
export const PUBLIC_USER = {
  id: true,
  email: true,
  name: true,
  roles: true,
  createdAt: true,
  disabledAt: true,
} as const;
