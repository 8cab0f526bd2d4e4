import type { Prisma, PrismaClient } from "@baton/db";
import { BatonError } from "@baton/model";
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

const FIRST_ADMIN_LOCK = 8_270_001;

/**
 * The administrator of a Baton that has no users yet. Two people racing to set it up
 * cannot both win: the check and the insert hold one lock.
 */
export const createFirstAdmin = (prisma: PrismaClient, input: Omit<TCreateUserInput, "roles">) =>
  prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`);
    if ((await tx.user.count()) > 0) {
      throw new BatonError("CONFLICT", "Baton already has an administrator: sign in instead.");
    }
    return createUser(tx, { ...input, roles: ["admin"] });
  });
