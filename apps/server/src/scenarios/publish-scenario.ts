import type { Prisma, PrismaClient } from "@baton/db";
import {
  BatonError,
  checkScenario,
  parseScenario,
  type TAudit,
  type TDiagnostic,
  type TRunLimits,
} from "@baton/model";
import { recordAudit } from "../audit/record-audit.ts";
import { functionRefs, loadCatalog } from "./load-catalog.ts";
import { loadScenarioSignatures } from "./load-scenario-signatures.ts";
import { isUniqueViolation, scenarioNotFound } from "./scenario-errors.ts";
import type { TPublishInput } from "./scenario-inputs.ts";

const SHOWN = 5;

const refusal = (name: string, errors: readonly TDiagnostic[], all: readonly TDiagnostic[]) => {
  const lines = errors
    .slice(0, SHOWN)
    .map((d) => `• ${d.nodeId ? `${d.nodeId}: ` : ""}${d.message}`);
  const more = errors.length > SHOWN ? [`…and ${errors.length - SHOWN} more.`] : [];
  return new BatonError(
    "PRECONDITION_FAILED",
    [
      `"${name}" cannot be published: the check found ${errors.length} error${errors.length === 1 ? "" : "s"}.`,
      ...lines,
      ...more,
    ].join("\n"),
    { diagnostics: all },
  );
};

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
  const row = await prisma.scenario.findFirst({
    where: { id: input.id, archivedAt: null },
    select: { id: true, name: true, draft: true, draftUpdatedAt: true },
  });
  if (!row) throw scenarioNotFound(input.id);
  if (row.draftUpdatedAt.getTime() !== input.draftUpdatedAt.getTime()) {
    throw new BatonError(
      "CONFLICT",
      "The draft changed since you opened it (another tab or person saved); reload and publish what you see.",
    );
  }
  const scenario = parseScenario(row.draft);
  const catalog = await loadCatalog(prisma, functionRefs(scenario));
  const scenarios = await loadScenarioSignatures(prisma, scenario);
  const diagnostics = checkScenario(scenario, catalog, {
    scenarios,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw refusal(row.name, errors, diagnostics);

  try {
    const published = await prisma.$transaction(async (tx) => {
      const latest = await tx.scenarioVersion.findFirst({
        where: { scenarioId: row.id },
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
