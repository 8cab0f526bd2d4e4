import type { PrismaClient } from "@baton/db";

const SAMPLES = 15;

/**
 * The latest step runs of one step of a scenario, in real and test runs alike, whose input
 * or output may be reused to test the step or pin its output. Values stay out of the list
 * (each may be megabytes); `runs.stepRun` reads the one picked.
 */
export const listStepSamples = async (prisma: PrismaClient, scenarioId: string, nodeId: string) => {
  const rows = await prisma.stepRun.findMany({
    where: {
      nodeId,
      status: { in: ["succeeded", "failed"] },
      run: { scenarioVersion: { scenarioId } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SAMPLES,
    select: {
      id: true,
      status: true,
      scope: true,
      endedAt: true,
      createdAt: true,
      run: {
        select: {
          id: true,
          test: true,
          scenarioVersion: { select: { version: true, test: true, note: true } },
        },
      },
    },
  });
  return rows.map(({ run, ...step }) => ({
    ...step,
    runId: run.id,
    test: run.test,
    /** the published version the run ran; null for a test run of the draft */
    version: run.scenarioVersion.test ? null : run.scenarioVersion.version,
  }));
};
