import type { Prisma, PrismaClient } from "@baton/db";
import { BatonError, type TAudit, type TRunLimits } from "@baton/model";
import { recordAudit } from "../audit/record-audit.ts";
import { checkDefinition } from "./check-definition.ts";
import { loadCurrentDraft } from "./load-current-draft.ts";
import { isUniqueViolation } from "./scenario-errors.ts";
import type { TPublishInput } from "./scenario-inputs.ts";

/**
 * Publishes the draft as the next immutable version, after the authoritative check against
 * the catalog in the database; the version keeps the schemas it was checked against.
 */
export const publishScenario = async (
  prisma: PrismaClient,
  input: TPublishInput,
  options: {
    publishedById?: string;
    limits?: TRunLimits;
    audit?: TAudit<{ scenarioId: string; versionId: string; version: number }>;
  } = {},
) => {
  const row = await loadCurrentDraft(prisma, input, "publish");
  const { scenario } = row;
  const { catalog, diagnostics } = await checkDefinition(prisma, scenario, {
    name: row.name,
    purpose: "published",
    limits: options.limits,
  });

  try {
    const published = await prisma.$transaction(async (tx) => {
      const latest = await tx.scenarioVersion.findFirst({
        where: { scenarioId: row.id, test: false },
        orderBy: { version: "desc" },
        select: { version: true },
      });
      const version = (latest?.version ?? 0) + 1;
      const created = await tx.scenarioVersion.create({
        data: {
          scenarioId: row.id,
          version,
          definition: { ...scenario, version } as Prisma.InputJsonValue,
          catalog: catalog as Prisma.InputJsonValue,
          note: input.note,
          publishedById: options.publishedById ?? null,
        },
        select: { id: true, version: true, publishedAt: true, note: true },
      });
      await recordAudit(
        tx,
        options.audit?.({ scenarioId: row.id, versionId: created.id, version }),
      );
      return created;
    });
    return { ...published, warnings: diagnostics };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new BatonError(
        "CONFLICT",
        "Someone published this scenario at the same moment; reload to see the new version.",
      );
    }
    throw error;
  }
};
