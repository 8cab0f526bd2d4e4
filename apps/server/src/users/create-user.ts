import type { Prisma, PrismaClient } from "@baton/db";
import { BatonError, type TAudit, type TRole } from "@baton/model";
import { recordAudit } from "../audit/record-audit.ts";
import { hashPassword } from "../auth/passwords.ts";
import { isUniqueViolation } from "../scenarios/scenario-errors.ts";
import { PUBLIC_USER, type TCreateUserInput } from "./user-inputs.ts";

type TClient = PrismaClient | Prisma.TransactionClient;

export const createUser = async (prisma: TClient, input: TCreateUserInput) => {
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.user.create({
      data: { email: input.email, name: input.name, roles: input.roles, passwordHash },
      select: PUBLIC_USER,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new BatonError("CONFLICT", `There is already a user with the email ${input.email}.`);
    }
    throw error;
  }
};

type TPublicUser = Awaited<ReturnType<typeof createUser>>;

const FIRST_USER_LOCK = 8_270_001;

/**
 * What the first administrator holds: every role that lets a person do something (viewer
 * adds nothing to these), so whoever sets Baton up can also design, run and decide tasks.
 */
export const FIRST_ADMIN_ROLES: readonly TRole[] = ["admin", "designer", "operator", "approver"];

/**
 * Adds a user; the first one of a Baton, when made an administrator, holds every role. Two
 * people racing to add the first user cannot both be first: the count and the insert hold
 * one lock.
 */
export const addUser = (
  prisma: PrismaClient,
  input: TCreateUserInput,
  audit: TAudit<TPublicUser>,
  onlyIfFirst = false,
) =>
  prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${FIRST_USER_LOCK})`);
    const first = (await tx.user.count()) === 0;
    if (!first && onlyIfFirst) {
      throw new BatonError("CONFLICT", "Baton already has an administrator: sign in instead.");
    }
    const roles = first && input.roles.includes("admin") ? [...FIRST_ADMIN_ROLES] : input.roles;
    const user = await createUser(tx, { ...input, roles });
    await recordAudit(tx, audit(user));
    return user;
  });

/** The administrator of a Baton that has no users yet. */
export const createFirstAdmin = (
  prisma: PrismaClient,
  input: Omit<TCreateUserInput, "roles">,
  audit: TAudit<TPublicUser>,
) => addUser(prisma, { ...input, roles: ["admin"] }, audit, true);
