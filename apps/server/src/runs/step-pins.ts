import type { Prisma, PrismaClient } from "@baton/db";
import {
  BatonError,
  formatIssues,
  listNodes,
  type TCatalog,
  type TJsonSchema,
  type TScenario,
  validateValue,
} from "@baton/model";
import { loadCatalog } from "../scenarios/load-catalog.ts";
import { scenarioNotFound } from "../scenarios/scenario-errors.ts";

/** The function step a pin is for, in the scenario's current draft. */
const pinnableStep = async (prisma: PrismaClient, scenarioId: string, nodeId: string) => {
  const row = await prisma.scenario.findFirst({
    where: { id: scenarioId, archivedAt: null },
    select: { draft: true },
  });
  if (!row) throw scenarioNotFound(scenarioId);
  // every draft was validated against ZScenario when it was written
  const node = listNodes(row.draft as TScenario).find((place) => place.node.id === nodeId)?.node;
  if (!node) throw new BatonError("NOT_FOUND", `The draft has no step "${nodeId}".`);
  if (node.kind !== "function") {
    throw new BatonError(
      "BAD_INPUT",
      `"${node.label}" is a ${node.kind} step; only a function step's output can be pinned.`,
    );
  }
  if (!node.function) {
    throw new BatonError("BAD_INPUT", `"${node.label}" calls no function yet: choose one first.`);
  }
  return { label: node.label, ref: node.function };
};

/** Why a value cannot stand in for a function's output, or undefined when it can. */
const outputProblem = (catalog: TCatalog, ref: string, output: unknown): string | undefined => {
  const fn = catalog[ref];
  if (!fn) return `${ref} is not in the catalog`;
  const issues = validateValue(fn.outputSchema as TJsonSchema, output);
  return issues.length ? `it does not fit ${fn.name}'s output: ${formatIssues(issues)}` : undefined;
};

/** The value to pin: typed, or the output of one of the scenario's step runs of that step. */
export type TPinValue = { output: unknown } | { stepRunId: string };

const readPinValue = async (
  prisma: PrismaClient,
  scenarioId: string,
  nodeId: string,
  value: TPinValue,
): Promise<{ output: unknown; sourceStepRunId: string | null }> => {
  if ("output" in value) return { output: value.output, sourceStepRunId: null };
  const step = await prisma.stepRun.findFirst({
    where: { id: value.stepRunId, nodeId, run: { scenarioVersion: { scenarioId } } },
    select: { status: true, output: true },
  });
  if (!step) {
    throw new BatonError(
      "NOT_FOUND",
      `No run of this scenario has a step run ${value.stepRunId} of "${nodeId}".`,
    );
  }
  if (step.status !== "succeeded") {
    throw new BatonError(
      "BAD_INPUT",
      `That step run ${step.status === "failed" ? "failed" : `is ${step.status}`}; pin the output of one that succeeded, or type the value.`,
    );
  }
  return { output: step.output, sourceStepRunId: value.stepRunId };
};

/**
 * Pins a function step's output in the draft: test runs use the value instead of calling
 * the step. The value must fit the function's output schema, as a real call's would.
 */
export const pinStep = async (
  prisma: PrismaClient,
  pin: { scenarioId: string; nodeId: string; value: TPinValue; pinnedById: string },
) => {
  const step = await pinnableStep(prisma, pin.scenarioId, pin.nodeId);
  const { output, sourceStepRunId } = await readPinValue(
    prisma,
    pin.scenarioId,
    pin.nodeId,
    pin.value,
  );
  const problem = outputProblem(await loadCatalog(prisma, [step.ref]), step.ref, output);
  if (problem) throw new BatonError("BAD_INPUT", `This value cannot be pinned: ${problem}.`);
  const data = {
    output: output as Prisma.InputJsonValue,
    sourceStepRunId,
    pinnedById: pin.pinnedById,
    pinnedAt: new Date(),
  };
  await prisma.stepPin.upsert({
    where: { scenarioId_nodeId: { scenarioId: pin.scenarioId, nodeId: pin.nodeId } },
    create: { scenarioId: pin.scenarioId, nodeId: pin.nodeId, ...data },
    update: data,
  });
};

export const unpinStep = async (prisma: PrismaClient, scenarioId: string, nodeId: string) => {
  await prisma.stepPin.deleteMany({ where: { scenarioId, nodeId } });
};

/** A scenario's pinned outputs, with where each came from and who pinned it. */
export const listPins = (prisma: PrismaClient, scenarioId: string) =>
  prisma.stepPin.findMany({
    where: { scenarioId },
    orderBy: { nodeId: "asc" },
    select: {
      nodeId: true,
      output: true,
      sourceStepRunId: true,
      pinnedAt: true,
      pinnedBy: { select: { id: true, name: true } },
    },
  });

/**
 * The pinned outputs a test run of this draft uses, by node id: pins of steps that are no
 * longer function steps of the draft are left out; a pin that no longer fits its
 * function's output (the function or its schema changed) refuses the test run.
 */
export const pinsForTestRun = async (
  prisma: PrismaClient,
  scenarioId: string,
  draft: TScenario,
  catalog: TCatalog,
): Promise<Record<string, unknown>> => {
  const pins = await prisma.stepPin.findMany({
    where: { scenarioId },
    select: { nodeId: true, output: true },
  });
  const functions = new Map(
    listNodes(draft).flatMap(({ node }) =>
      node.kind === "function" && node.function ? [[node.id, node] as const] : [],
    ),
  );
  const pinned: Record<string, unknown> = {};
  for (const pin of pins) {
    const node = functions.get(pin.nodeId);
    if (!node?.function) continue;
    const problem = outputProblem(catalog, node.function, pin.output);
    if (problem) {
      throw new BatonError(
        "BAD_INPUT",
        `The output pinned for "${node.label}" cannot stand in for it any more: ${problem}. Pin it again or unpin it.`,
      );
    }
    pinned[pin.nodeId] = pin.output;
  }
  return pinned;
};
