import type { PrismaClient } from "@baton/db";

/** A scenario's test runs, newest first: what each tested, how it went, who started it. */
export const listTestRuns = async (prisma: PrismaClient, scenarioId: string, limit: number) => {
  const rows = await prisma.run.findMany({
    where: { test: true, parentStepRunId: null, scenarioVersion: { scenarioId, test: true } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      status: true,
      createdAt: true,
      endedAt: true,
      startedBy: { select: { id: true, name: true } },
      scenarioVersion: { select: { note: true } },
    },
  });
  return rows.map(({ scenarioVersion, ...run }) => ({ ...run, tested: scenarioVersion.note }));
};
