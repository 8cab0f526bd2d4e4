import type { PrismaClient } from "@baton/db";
import { BatonError } from "@baton/model";
import { type CostHints, effectiveEntry, readFunctionAnnotation } from "@baton/providers";
import { findFunctionUsers } from "../function-users.ts";

/**
 * A catalog entry as its page shows it: the schemas in effect (the annotation wins),
 * what was discovered beneath them, where they came from, and who uses the function.
 */
export const getFunction = async (prisma: PrismaClient, id: string) => {
  const row = await prisma.function.findUnique({
    where: { id },
    include: {
      connection: { select: { id: true, name: true, provider: true, status: true } },
      _count: { select: { samples: true } },
    },
  });
  if (!row) throw new BatonError("NOT_FOUND", "The catalog has no such function.");
  const effective = effectiveEntry(row);
  return {
    id: row.id,
    ref: row.ref,
    name: row.name,
    status: row.status,
    ...effective,
    discovered: {
      description: row.description,
      tags: row.tags,
      inputSchema: row.inputSchema,
      outputSchema: row.outputSchema,
      schemaSource: row.schemaSource,
    },
    annotation: readFunctionAnnotation(row.annotation),
    undeclared: row.undeclared,
    samples: row._count.samples,
    costHints: row.costHints as CostHints,
    locator: row.locator,
    connection: row.connection,
    discoveredAt: row.discoveredAt,
    lastSeenAt: row.lastSeenAt,
    usedBy: await findFunctionUsers(prisma, [row.ref]),
  };
};
