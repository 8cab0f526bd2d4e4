import type { PrismaClient } from "@baton/db";
import { BatonError } from "@baton/model";

/**
 * A run reworked on another version stays what it was: a real run moves only to a
 * published version, and a test run only reruns the snapshot it was started with (a new
 * test run tries later edits), so published versions and test snapshots never mix.
 */
export const checkReworkVersion = async (
  prisma: PrismaClient,
  runId: string,
  versionId: string,
): Promise<void> => {
  const [run, version] = await Promise.all([
    prisma.run.findUnique({
      where: { id: runId },
      select: { scenarioVersionId: true, test: true },
    }),
    prisma.scenarioVersion.findUnique({ where: { id: versionId }, select: { test: true } }),
  ]);
  if (!run || !version || run.scenarioVersionId === versionId) return;
  if (run.test) {
    throw new BatonError(
      "BAD_INPUT",
      "A test run reruns the draft it was started with; start a new test run to try later edits.",
    );
  }
  if (version.test) {
    throw new BatonError(
      "BAD_INPUT",
      `${versionId} is the snapshot of a draft a test run ran, not a published version: publish the draft to run it for real.`,
    );
  }
};
