import type { Prisma, PrismaClient } from "@baton/db";
import { BatonError, type TCatalog, type TScenario } from "@baton/model";
import { isUniqueViolation } from "../scenarios/scenario-errors.ts";

export type TSnapshot = {
  scenarioId: string;
  definition: TScenario;
  /** the function schemas the definition was checked against */
  catalog: TCatalog;
  /** node id → the output used instead of calling that step */
  pinned: Record<string, unknown>;
  /** what was tested, shown in the list of test runs */
  note: string;
  createdById: string;
};

const ATTEMPTS = 3;

/**
 * Freezes what a test run runs as a version of its own, marked `test`: numbered apart from
 * published versions, never listed, resolved or run as one (see resolve-version.ts), and
 * deleted with its run. The engine runs it like any version, with its pinned outputs.
 */
export const createTestSnapshot = async (prisma: PrismaClient, snapshot: TSnapshot) => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const latest = await tx.scenarioVersion.findFirst({
          where: { scenarioId: snapshot.scenarioId, test: true },
          orderBy: { version: "desc" },
          select: { version: true },
        });
        const version = (latest?.version ?? 0) + 1;
        return tx.scenarioVersion.create({
          data: {
            scenarioId: snapshot.scenarioId,
            version,
            test: true,
            definition: snapshot.definition as Prisma.InputJsonValue,
            catalog: snapshot.catalog as Prisma.InputJsonValue,
            pinned: snapshot.pinned as Prisma.InputJsonValue,
            note: snapshot.note,
            publishedById: snapshot.createdById,
          },
          select: { id: true, version: true },
        });
      });
    } catch (error) {
      // two test runs started at the same moment took the same number: take the next
      if (!isUniqueViolation(error)) throw error;
      if (attempt === ATTEMPTS) {
        throw new BatonError("CONFLICT", "Too many test runs started at once; start it again.");
      }
    }
  }
};
