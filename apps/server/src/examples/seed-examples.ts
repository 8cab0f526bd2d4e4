import type { PrismaClient } from "@baton/db";
import { importExampleScenarios } from "../scenarios/import-example-scenarios.ts";
import { publishScenario } from "../scenarios/publish-scenario.ts";

export type TSeedReport = { published: string[]; problems: string[] };

/**
 * On a first start, the example scenarios become drafts and, when they check clean
 * against the catalog, version 1 — so a newcomer can run one at once. Problems are
 * reported, never fatal.
 */
export const seedExamples = async (prisma: PrismaClient, folder: string): Promise<TSeedReport> => {
  const { imported, problems } = await importExampleScenarios(prisma, folder);
  const published: string[] = [];
  for (const slug of imported) {
    const draft = await prisma.scenario.findUniqueOrThrow({
      where: { slug },
      select: { id: true, draftUpdatedAt: true },
    });
    try {
      await publishScenario(prisma, {
        id: draft.id,
        draftUpdatedAt: draft.draftUpdatedAt,
        note: "example",
      });
      published.push(slug);
    } catch (error) {
      problems.push(`${slug}: ${(error as Error).message}`);
    }
  }
  return { published, problems };
};
