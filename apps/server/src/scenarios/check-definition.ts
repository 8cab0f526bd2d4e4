import type { PrismaClient } from "@baton/db";
import {
  BatonError,
  checkScenario,
  type TCatalog,
  type TDiagnostic,
  type TRunLimits,
  type TScenario,
} from "@baton/model";
import { functionRefs, loadCatalog } from "./load-catalog.ts";
import { loadScenarioSignatures } from "./load-scenario-signatures.ts";

const SHOWN = 5;

/** What the check is for, as the refusal says it: "cannot be published", "cannot be tested". */
export type TCheckPurpose = "published" | "tested";

const refusal = (
  name: string,
  purpose: TCheckPurpose,
  errors: readonly TDiagnostic[],
  all: readonly TDiagnostic[],
) => {
  const lines = errors
    .slice(0, SHOWN)
    .map((d) => `• ${d.nodeId ? `${d.nodeId}: ` : ""}${d.message}`);
  const more = errors.length > SHOWN ? [`…and ${errors.length - SHOWN} more.`] : [];
  return new BatonError(
    "PRECONDITION_FAILED",
    [
      `"${name}" cannot be ${purpose}: the check found ${errors.length} error${errors.length === 1 ? "" : "s"}.`,
      ...lines,
      ...more,
    ].join("\n"),
    { diagnostics: all },
  );
};

/**
 * The authoritative check of a definition against the catalog in the database, before it
 * is published or test-run: any error refuses it with every diagnostic in the error's
 * details. Answers the catalog it was checked against and the warnings.
 */
export const checkDefinition = async (
  prisma: PrismaClient,
  scenario: TScenario,
  options: { name: string; purpose: TCheckPurpose; limits?: TRunLimits | undefined },
): Promise<{ catalog: TCatalog; diagnostics: TDiagnostic[] }> => {
  const catalog = await loadCatalog(prisma, functionRefs(scenario));
  const scenarios = await loadScenarioSignatures(prisma, scenario);
  const diagnostics = checkScenario(scenario, catalog, {
    scenarios,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw refusal(options.name, options.purpose, errors, diagnostics);
  return { catalog, diagnostics };
};
