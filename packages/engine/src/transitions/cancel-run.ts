import { BatonError } from "@baton/model";
import type { TEngineContext } from "../context.ts";
import { transaction } from "../transaction.ts";
import { endRun } from "./end-run.ts";

/** Stops a run: its active steps are cancelled and workers running them are told to abort. */
export const cancelRun = async (
  ctx: TEngineContext,
  runId: string,
  actorId?: string,
): Promise<void> => {
  const cancelled = await transaction(ctx, (tx) =>
    endRun(ctx, tx, runId, "cancelled", { error: { message: "The run was cancelled." } }, actorId),
  );
  if (cancelled) return;
  const run = await ctx.db.prisma.run.findUnique({
    where: { id: runId },
    select: { status: true },
  });
  if (!run) throw new BatonError("NOT_FOUND", `No run ${runId}.`);
  throw new BatonError(
    "CONFLICT",
    `The run has already ${run.status === "cancelled" ? "been cancelled" : run.status}; nothing to cancel.`,
  );
};
