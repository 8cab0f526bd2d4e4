import type { PrismaClient } from "@baton/db";
import { BatonError } from "@baton/model";

/**
 * A published version by id, or a scenario's given or latest published version by its slug;
 * never the snapshot of a draft a test run ran, so webhooks and real runs never start one.
 */
export const resolveVersion = async (
  prisma: PrismaClient,
  target: {
    versionId?: string | undefined;
    scenario?: string | undefined;
    version?: number | undefined;
  },
) => {
  if (target.versionId) {
    const row = await prisma.scenarioVersion.findUnique({
      where: { id: target.versionId },
      select: { id: true, test: true },
    });
    if (!row) throw new BatonError("NOT_FOUND", `No scenario version ${target.versionId}.`);
    if (row.test) {
      throw new BatonError(
        "BAD_INPUT",
        `${target.versionId} is the snapshot of a draft a test run ran, not a published version: publish the draft to run it for real.`,
      );
    }
    return row.id;
  }
  if (!target.scenario)
    throw new BatonError(
      "BAD_INPUT",
      "Say which scenario to run: a version id or a scenario slug.",
    );
  const scenario = await prisma.scenario.findUnique({
    where: { slug: target.scenario },
    select: {
      name: true,
      versions: {
        where: { test: false, ...(target.version ? { version: target.version } : {}) },
        orderBy: { version: "desc" },
        take: 1,
        select: { id: true },
      },
    },
  });
  if (!scenario) throw new BatonError("NOT_FOUND", `No scenario "${target.scenario}".`);
  const found = scenario.versions[0];
  if (!found) {
    throw new BatonError(
      "PRECONDITION_FAILED",
      target.version
        ? `Scenario "${scenario.name}" has no version ${target.version}.`
        : `Scenario "${scenario.name}" has no published version yet: publish it first.`,
    );
  }
  return found.id;
};
