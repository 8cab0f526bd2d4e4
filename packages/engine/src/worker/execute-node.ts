import {
  BatonError,
  buildInput,
  chooseBranch,
  formatIssues,
  parseDuration,
  resolveItems,
  resolveWaitUntil,
  type TNode,
  type TRunContext,
  validateValue,
} from "@baton/model";
import type { TEngineContext } from "../context.ts";
import type { TNodeOutcome } from "../flow/node-outcome.ts";
import { checkValue } from "../limits.ts";
import { checkRunInput } from "../runs/check-run-input.ts";
import { iterationIndex } from "../scopes.ts";
import { findVersionId } from "../store/catalog.ts";
import type { TClaimed } from "../store/claims.ts";
import { idempotencyKey } from "../store/vocabulary.ts";
import type { TVersion } from "../versions.ts";
import { InfrastructureError, readForStep, toStepError } from "./step-error.ts";
import { stepInput } from "./step-input.ts";

export type TInflight = {
  /** registers a running call so a cancel can abort it */
  track(runId: string, controller: AbortController): () => void;
};

/** What a step's mappings see: the run's input, the results it may read, and its item. */
const runContext = (version: TVersion, node: TNode, step: TClaimed): TRunContext => {
  const steps = step.steps ?? {};
  const place = version.place(node.id);
  if (!place.map || !place.start) return { input: step.runInput, steps };
  return {
    input: step.runInput,
    steps,
    item: steps[place.start.id]?.output,
    index: iterationIndex(step.scope),
  };
};

/**
 * A step that stopped every process running it (a crash, a kill, a hang past its lease)
 * would be handed out forever and take each process down in turn; it fails instead.
 */
const poisonPill = (node: TNode, reclaims: number) =>
  new BatonError(
    "PRECONDITION_FAILED",
    `"${node.label}" was running in a process that stopped (crashed, was killed or hung) ${reclaims === 1 ? "once" : `${reclaims} times`}, so it is not run again. Find what stops the process, then restart the step.`,
    { limit: "stepReclaims", reclaims },
  );

const callFunction = async (
  ctx: TEngineContext,
  inflight: TInflight,
  node: Extract<TNode, { kind: "function" }>,
  step: TClaimed,
  input: unknown,
): Promise<unknown> => {
  if (!node.function) {
    throw new BatonError("BAD_INPUT", `Step "${node.label}" has no function chosen.`);
  }
  const { fn, connection } = await readForStep(ctx.fn(node.function));
  const timeoutMs = node.timeoutMs ?? fn.costHints?.timeoutMs ?? ctx.defaultTimeoutMs;
  const controller = new AbortController();
  const untrack = inflight.track(step.runId, controller);
  try {
    return await ctx.providers.invoke(connection, fn, input, {
      deadline: Date.now() + timeoutMs,
      signal: controller.signal,
      idempotencyKey: idempotencyKey(step),
    });
  } finally {
    untrack();
  }
};

/** The published version a subscenario step runs, with its input checked against it. */
const childVersion = async (
  ctx: TEngineContext,
  node: Extract<TNode, { kind: "subscenario" }>,
  input: unknown,
) => {
  const { slug, version } = node.scenario;
  const id = await readForStep(findVersionId(ctx.sql, slug, version));
  if (!id) {
    throw new BatonError(
      "PRECONDITION_FAILED",
      `"${node.label}" runs ${slug} v${version}, which is not published.`,
    );
  }
  const child = await readForStep(ctx.version(id));
  checkRunInput(ctx, child, input);
  return child;
};

/** A node's own work: build its input, evaluate, call; what it came to. */
const run = async (
  ctx: TEngineContext,
  inflight: TInflight,
  version: TVersion,
  node: TNode,
  step: TClaimed,
  built: { input?: unknown },
): Promise<TNodeOutcome> => {
  const context = runContext(version, node, step);
  switch (node.kind) {
    case "function": {
      built.input ??= await stepInput(version, node, context, ctx.evaluate);
      checkValue(`The input of "${node.label}"`, "input", built.input, ctx.limits);
      // a test run takes a step's pinned output instead of calling it (README, "Test runs")
      const pinned = version.pinned(node.id);
      const output = pinned
        ? pinned.output
        : await callFunction(ctx, inflight, node, step, built.input);
      checkValue(`The output of "${node.label}"`, "output", output, ctx.limits);
      return { kind: "succeeded", output, input: built.input };
    }
    case "choice": {
      const branch = await chooseBranch(node, context, ctx.evaluate);
      return { kind: "succeeded", output: { branch }, input: null, branch };
    }
    case "end": {
      const output = node.output ? await buildInput(node.output, context, ctx.evaluate) : null;
      checkValue(`The output of "${node.label}"`, "output", output, ctx.limits);
      if (node.outputSchema !== undefined) {
        const issues = validateValue(node.outputSchema, output);
        if (issues.length) {
          throw new BatonError(
            "BAD_INPUT",
            `The scenario's output does not match its schema: ${formatIssues(issues)}`,
          );
        }
      }
      return { kind: "succeeded", output, input: null };
    }
    case "manual": {
      built.input ??= node.input ? await buildInput(node.input, context, ctx.evaluate) : null;
      checkValue(`The input of "${node.label}"`, "input", built.input, ctx.limits);
      const dueAt = node.due === undefined ? null : new Date(Date.now() + parseDuration(node.due));
      return { kind: "task", input: built.input, dueAt };
    }
    case "wait": {
      // the due time is decided once, when the step first parks, and kept as its input
      const due = (built.input as { until?: string } | undefined)?.until;
      const until =
        due === undefined
          ? await resolveWaitUntil(node, context, Date.now(), ctx.evaluate)
          : Date.parse(due);
      built.input = { until: new Date(until).toISOString() };
      if (until > Date.now()) return { kind: "wait", until: new Date(until) };
      return {
        kind: "succeeded",
        output: { waitedUntil: new Date(until).toISOString() },
        input: built.input,
      };
    }
    case "start":
      // only reached when a whole run is restarted: the start step re-emits the run's input
      return { kind: "succeeded", output: step.runInput, input: step.runInput };
    case "subscenario": {
      built.input ??= await stepInput(version, node, context, ctx.evaluate);
      const child = await childVersion(ctx, node, built.input);
      return { kind: "subscenario", input: built.input, versionId: child.id };
    }
    case "map": {
      const body = node.body.nodes;
      if (!body.some((n) => n.kind === "start") || !body.some((n) => n.kind === "end")) {
        throw new BatonError(
          "PRECONDITION_FAILED",
          `The body of "${node.label}" needs a start and an end node.`,
        );
      }
      const items = await resolveItems(node, context, ctx.evaluate);
      checkValue(`The items of "${node.label}"`, "items", items, ctx.limits);
      if (items.length > ctx.limits.mapItems) {
        throw new BatonError(
          "BAD_INPUT",
          `"${node.label}" got a list of ${items.length.toLocaleString("en")} items; a map takes at most ${ctx.limits.mapItems.toLocaleString("en")} (BATON_MAX_MAP_ITEMS).`,
          { limit: "mapItems", items: items.length },
        );
      }
      return { kind: "map", items };
    }
  }
};

/**
 * Executes a claimed step's node: builds its input, evaluates, calls out, and says what it
 * came to — nothing is stored here. Anything that goes wrong in the node's own work is its
 * failure (`failed`); a failure to read the engine's own data (the database away) is not
 * the step's, and propagates so the queue tries the job again.
 */
export const executeNode = async (
  ctx: TEngineContext,
  inflight: TInflight,
  version: TVersion,
  node: TNode,
  step: TClaimed,
): Promise<TNodeOutcome> => {
  const built: { input?: unknown } =
    step.input === null || step.input === undefined ? {} : { input: step.input };
  try {
    if (step.reclaims >= ctx.limits.stepReclaims) throw poisonPill(node, step.reclaims);
    return await run(ctx, inflight, version, node, step, built);
  } catch (error) {
    if (error instanceof InfrastructureError) throw error;
    const { classified, ...failure } = toStepError(error, node.id, step.attempt);
    return {
      kind: "failed",
      error: failure,
      ...(classified ? { classified } : {}),
      input: built.input ?? null,
    };
  }
};
