import type { PrismaClient } from "@baton/db";
import type { TEngine } from "@baton/engine";
import {
  BatonError,
  formatIssues,
  type TCatalog,
  type TJsonSchema,
  type TRunLimits,
  type TScenario,
  validateValue,
} from "@baton/model";
import { checkDefinition } from "../scenarios/check-definition.ts";
import { loadCatalog } from "../scenarios/load-catalog.ts";
import { loadCurrentDraft } from "../scenarios/load-current-draft.ts";
import { pruneTestRuns } from "./delete-test-runs.ts";
import { singleStepScenario, stepToTest } from "./single-step-scenario.ts";
import { pinsForTestRun } from "./step-pins.ts";
import { createTestSnapshot } from "./test-snapshot.ts";

export type TTestRunRequest = {
  /** the scenario whose draft is tested */
  id: string;
  /** the draft the person sees; refused when it changed since */
  draftUpdatedAt: Date;
  input: unknown;
  /** a function step to run alone, `input` being its input; the whole draft when absent */
  nodeId?: string | undefined;
};

export type TTestRunServices = {
  prisma: PrismaClient;
  engine: TEngine;
  limits: TRunLimits;
  /** test runs kept per scenario (BATON_TEST_RUNS_KEPT) */
  testRunsKept: number;
};

/** What a test run runs: a checked definition, the catalog it was checked against, its pins. */
type TPlan = {
  definition: TScenario;
  catalog: TCatalog;
  pinned: Record<string, unknown>;
  note: string;
};

/** The whole draft, checked as publish checks it, with the draft's pinned outputs. */
const planDraft = async (
  services: TTestRunServices,
  draft: { id: string; name: string; scenario: TScenario },
): Promise<TPlan> => {
  const { catalog } = await checkDefinition(services.prisma, draft.scenario, {
    name: draft.name,
    purpose: "tested",
    limits: services.limits,
  });
  const pinned = await pinsForTestRun(services.prisma, draft.id, draft.scenario, catalog);
  return { definition: draft.scenario, catalog, pinned, note: "The draft" };
};

/** One function step alone; its input must fit the function's input schema. */
const planStep = async (
  services: TTestRunServices,
  draft: { name: string; scenario: TScenario },
  nodeId: string,
  input: unknown,
): Promise<TPlan> => {
  const step = stepToTest(draft.scenario, nodeId);
  const catalog = await loadCatalog(services.prisma, [step.function]);
  const fn = catalog[step.function];
  if (!fn) {
    throw new BatonError(
      "PRECONDITION_FAILED",
      `"${step.label}" calls ${step.function}, which is not in the catalog (or is missing at its provider).`,
    );
  }
  const issues = validateValue(fn.inputSchema as TJsonSchema, input);
  if (issues.length) {
    throw new BatonError(
      "BAD_INPUT",
      `The input does not fit what "${step.label}" takes: ${formatIssues(issues)}`,
      { issues },
    );
  }
  const definition = singleStepScenario(draft.scenario, step, fn.inputSchema);
  await checkDefinition(services.prisma, definition, {
    name: `${draft.name}: ${step.label}`,
    purpose: "tested",
    limits: services.limits,
  });
  return { definition, catalog, pinned: {}, note: `Step "${step.label}"` };
};

/**
 * Starts a test run of a scenario's draft, or of one function step of it: the server
 * checks what runs as publish does, freezes it as a test snapshot (see test-snapshot.ts)
 * and the engine runs it as any run, marked `test`. Older ended test runs of the scenario
 * beyond the kept number are deleted.
 */
export const startTestRun = async (
  services: TTestRunServices,
  request: TTestRunRequest,
  startedById: string,
): Promise<{ runId: string }> => {
  const { prisma, engine } = services;
  const draft = await loadCurrentDraft(prisma, request, "test");
  const plan = request.nodeId
    ? await planStep(services, draft, request.nodeId, request.input)
    : await planDraft(services, draft);
  const snapshot = await createTestSnapshot(prisma, {
    scenarioId: draft.id,
    definition: plan.definition,
    catalog: plan.catalog,
    pinned: plan.pinned,
    note: plan.note,
    createdById: startedById,
  });
  let started: { runId: string };
  try {
    started = await engine.startRun({
      versionId: snapshot.id,
      input: request.input,
      trigger: "test",
      startedById,
      test: true,
      audit: ({ runId }) => ({
        actorId: startedById,
        action: "run.test",
        target: runId,
        data: { scenarioId: draft.id, step: request.nodeId ?? null },
      }),
    });
  } catch (error) {
    await prisma.scenarioVersion.delete({ where: { id: snapshot.id } });
    throw error;
  }
  await pruneTestRuns(prisma, draft.id, services.testRunsKept);
  return started;
};
