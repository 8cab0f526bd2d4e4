import type { TDatabase } from "@baton/db";
import type { TEngine } from "@baton/engine";
import { isRunEnd, type TRunEvent } from "@baton/model";
import { resolveVersion } from "./resolve-version.ts";

export type TStartRunRequest = {
  /** a version by id, or a scenario's given or latest published version by its slug */
  target: { versionId?: string | undefined; scenario?: string | undefined; version?: number };
  input: unknown;
  trigger: "ui" | "webhook" | "cli";
  /** the signed-in person who starts it; null for webhooks and the CLI */
  actorId: string | null;
  /** what else the audit trail keeps of this start (the webhook's scenario slug) */
  auditData?: Record<string, unknown>;
  /** waits up to this long for the run to end; without it, answers once the run is stored */
  waitMs?: number;
  /** each of the run's events while waiting, in order (the CLI prints them) */
  onEvent?: (event: TRunEvent) => void;
};

export type TStartedRun = {
  runId: string;
  /** when waited for: the run's status (still active when the wait ran out) and result */
  outcome?: { status: string; output: unknown; error: unknown };
};

type TServices = { db: TDatabase; engine: TEngine };

/**
 * The one way a run starts, whoever asks (the UI, a webhook, the CLI): the version is
 * resolved, the run stored with its `run.start` audit entry in one transaction, and, when
 * asked, its own events are followed until it ends or the wait runs out.
 */
export const startRun = async (
  services: TServices,
  request: TStartRunRequest,
): Promise<TStartedRun> => {
  const versionId = await resolveVersion(services.db.prisma, request.target);
  const start = () =>
    services.engine.startRun({
      versionId,
      input: request.input,
      trigger: request.trigger,
      ...(request.actorId ? { startedById: request.actorId } : {}),
      audit: ({ runId }) => ({
        actorId: request.actorId,
        action: "run.start",
        target: runId,
        data: { versionId, trigger: request.trigger, ...request.auditData },
      }),
    });
  if (!request.waitMs) return start();
  const runId = await followRun(services.engine, start, request.waitMs, request.onEvent);
  const run = await services.db.prisma.run.findUniqueOrThrow({
    where: { id: runId },
    select: { status: true, output: true, error: true },
  });
  return { runId, outcome: run };
};

/**
 * Starts a run while listening to every run's events (a run's first events can come before
 * its id is known), then hands its own to `onEvent` until it ends or `waitMs` passes.
 */
const followRun = async (
  engine: TEngine,
  start: () => Promise<{ runId: string }>,
  waitMs: number,
  onEvent: ((event: TRunEvent) => void) | undefined,
): Promise<string> => {
  let runId: string | undefined;
  const early: TRunEvent[] = [];
  let end = () => {};
  const ended = new Promise<void>((resolve) => {
    end = resolve;
  });
  const handle = (event: TRunEvent) => {
    onEvent?.(event);
    if (isRunEnd(event)) end();
  };
  const unsubscribe = engine.events.subscribe(null, (event) => {
    if (!runId) early.push(event);
    else if (event.runId === runId) handle(event);
  });
  try {
    runId = (await start()).runId;
    for (const event of early) if (event.runId === runId) handle(event);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      ended,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, waitMs);
      }),
    ]);
    clearTimeout(timer);
    return runId;
  } finally {
    unsubscribe();
  }
};
