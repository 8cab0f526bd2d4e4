import type { PrismaClient } from "@baton/db";
import { BatonError, type TAudit } from "@baton/model";
import { audited, recordAudit } from "../audit/record-audit.ts";
import { hashPassword } from "../auth/passwords.ts";
import { endSessionsOf } from "../auth/sessions.ts";
import { PUBLIC_USER, type TUpdateUserInput } from "./user-inputs.ts";

type TUser = Awaited<ReturnType<typeof findUser>>;

const findUser = async (prisma: PrismaClient, id: string) => {
  const user = await prisma.user.findUnique({ where: { id }, select: PUBLIC_USER });
  if (!user) throw new BatonError("NOT_FOUND", `No user ${id}.`);
  return user;
};

/**
 * Changes a user's name, roles or whether they may sign in. Disabling ends their sessions;
 * nothing may leave Baton without an enabled administrator. Returns the user before and after.
 */
export const updateUser = async (
  prisma: PrismaClient,
  input: TUpdateUserInput,
  audit: TAudit<{ before: TUser; after: TUser }>,
) => {
  const before = await findUser(prisma, input.id);
  const after = await prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: input.id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.roles !== undefined ? { roles: input.roles } : {}),
        ...(input.disabled !== undefined
          ? { disabledAt: input.disabled ? (before.disabledAt ?? new Date()) : null }
          : {}),
      },
      select: PUBLIC_USER,
    });
    // raw: the PGlite adapter cannot bind an enum value for Prisma's `has` on an enum array
    const [{ admins }] = await tx.$queryRaw<[{ admins: number }]>`
      SELECT count(*)::int AS admins FROM "User"
      WHERE 'admin'::"Role" = ANY(roles) AND "disabledAt" IS NULL`;
    if (admins === 0) {
      throw new BatonError(
        "PRECONDITION_FAILED",
        "Baton needs at least one enabled administrator: make someone else an admin first.",
      );
    }
    await recordAudit(tx, audit({ before, after: updated }));
    return updated;
  });
  if (after.disabledAt) await endSessionsOf(prisma, after.id);
  return { before, after };
};

/** Sets a new password and signs the user out everywhere. */
export const setPassword = async (
  prisma: PrismaClient,
  id: string,
  password: string,
  audit: TAudit<TUser>,
) => {
  const user = await findUser(prisma, id);
  const passwordHash = await hashPassword(password);
  await audited(
    prisma,
    async (tx) => {
      await tx.user.update({ where: { id }, data: { passwordHash } });
      await endSessionsOf(tx, id);
      return user;
    },
    audit,
  );
  return user;
};
