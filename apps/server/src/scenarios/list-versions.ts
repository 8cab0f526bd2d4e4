import type { PrismaClient } from "@baton/db";
import { scenarioNotFound } from "./scenario-errors.ts";

/** A scenario's published versions, newest first, with how often each ran (test runs aside). */
export const listVersions = async (prisma: PrismaClient, scenarioId: string) => {
  const scenario = await prisma.scenario.findUnique({
    where: { id: scenarioId },
    select: {
      versions: {
        where: { test: false },
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          note: true,
          publishedAt: true,
          publishedBy: { select: { id: true, name: true } },
          _count: { select: { runs: { where: { test: false } } } },
        },
      },
    },
  });
  if (!scenario) throw scenarioNotFound(scenarioId);
  return scenario.versions.map(({ _count, ...version }) => ({ ...version, runs: _count.runs }));
};
