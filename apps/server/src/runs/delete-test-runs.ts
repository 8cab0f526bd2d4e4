import type { PrismaClient } from "@baton/db";
import { BatonError } from "@baton/model";

const ACTIVE = new Set(["pending", "running", "waiting"]);

/** The given test runs and every run their subscenario steps started, however deep. */
const TREE_SQL = `
  WITH RECURSIVE tree AS (
    SELECT id FROM "Run" WHERE id = ANY($1::uuid[]) AND test
    UNION
    SELECT child.id FROM "Run" child
      JOIN "StepRun" parent ON parent.id = child."parentStepRunId"
      JOIN tree ON tree.id = parent."runId"
  )
  SELECT r.id, r.status::text AS status, r."scenarioVersionId" AS "versionId"
    FROM "Run" r JOIN tree ON tree.id = r.id`;

/**
 * Deletes test runs that have ended, with the runs they started and the draft snapshots
 * they ran (published versions stay). History of real runs is never deleted: a run that
 * is not a test run is not found here.
 */
const deleteTrees = async (prisma: PrismaClient, runIds: readonly string[]) => {
  const rows = await prisma.$queryRawUnsafe<{ id: string; status: string; versionId: string }[]>(
    TREE_SQL,
    runIds,
  );
  const active = rows.filter((row) => ACTIVE.has(row.status));
  if (active.length) {
    throw new BatonError(
      "CONFLICT",
      "This test run has not ended yet (it or a run it started is still going); cancel it first.",
    );
  }
  const ids = rows.map((row) => row.id);
  const versions = [...new Set(rows.map((row) => row.versionId))];
  await prisma.$transaction([
    prisma.run.deleteMany({ where: { id: { in: ids } } }),
    // a snapshot belongs to its one test run; published versions a test run called stay
    prisma.scenarioVersion.deleteMany({
      where: { id: { in: versions }, test: true, runs: { none: {} } },
    }),
  ]);
  return ids.length;
};

/** Deletes one ended test run (see deleteTrees); refused for a real run or one still going. */
export const deleteTestRun = async (prisma: PrismaClient, runId: string): Promise<void> => {
  const run = await prisma.run.findUnique({
    where: { id: runId },
    select: { test: true, parentStepRunId: true },
  });
  if (!run?.test) throw new BatonError("NOT_FOUND", `No test run ${runId}.`);
  if (run.parentStepRunId) {
    throw new BatonError(
      "BAD_INPUT",
      "This run was started by a step of another test run; delete that test run instead.",
    );
  }
  await deleteTrees(prisma, [runId]);
};

/**
 * Keeps a scenario's newest `kept` test runs: older ones that have ended are deleted, so
 * trying a draft again and again never piles up history. Runs still going are left alone.
 */
export const pruneTestRuns = async (
  prisma: PrismaClient,
  scenarioId: string,
  kept: number,
): Promise<number> => {
  const old = await prisma.run.findMany({
    where: { test: true, parentStepRunId: null, scenarioVersion: { scenarioId, test: true } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: kept,
    select: { id: true, status: true },
  });
  let deleted = 0;
  for (const run of old.filter((run) => !ACTIVE.has(run.status))) {
    // one whose subscenario run still goes is kept until a later prune
    deleted += await deleteTrees(prisma, [run.id]).catch((error) => {
      if (error instanceof BatonError && error.code === "CONFLICT") return 0;
      throw error;
    });
  }
  return deleted;
};
