import type { Prisma, PrismaClient } from "@baton/db";
import { BatonError } from "@baton/model";
import { findFunctionUsers } from "../function-users.ts";

/**
 * Removes a connection and its catalog entries, but never entries a scenario uses: while
 * any scenario (draft or published version) names one of its functions, the connection
 * stays and the error lists those scenarios. Run it in a transaction (see `audited`).
 */
export const removeConnection = async (prisma: Prisma.TransactionClient, id: string) => {
  const row = await prisma.connection.findUnique({
    where: { id },
    select: { id: true, name: true, functions: { select: { ref: true } } },
  });
  if (!row) throw new BatonError("NOT_FOUND", "This connection no longer exists.");
  const users = await findFunctionUsers(
    prisma,
    row.functions.map((f) => f.ref),
  );
  if (users.length > 0) {
    throw new BatonError(
      "CONFLICT",
      `Connection "${row.name}" stays: ${users.map((u) => `"${u.name}" uses ${u.refs.join(", ")}`).join("; ")}. Remove those steps first.`,
      { scenarios: users },
    );
  }
  await prisma.function.deleteMany({ where: { connectionId: row.id } });
  await prisma.connection.delete({ where: { id: row.id } });
  return { name: row.name, removedFunctions: row.functions.length };
};

/** What removing a connection would meet: the scenarios that use its functions. */
export const connectionUsers = async (prisma: PrismaClient, id: string) => {
  const functions = await prisma.function.findMany({
    where: { connectionId: id },
    select: { ref: true },
  });
  return findFunctionUsers(
    prisma,
    functions.map((f) => f.ref),
  );
};
