import { useMutation } from "@tanstack/react-query";
import { Ban, RefreshCcw, RotateCcw, StepForward } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "../lib/trpc.ts";
import { BUTTON } from "../ui/buttons.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";
import type { TRunStatus } from "./run-types.ts";

type TAsk = "restart" | "retry" | "cancel";

/** Rework and stop: restart the run, restart from the picked step, retry failed steps, cancel. */
export function RunActions({
  runId,
  status,
  failedSteps,
  selectedLabel,
  onRestartFromStep,
}: {
  runId: string;
  status: TRunStatus;
  failedSteps: number;
  selectedLabel: string | undefined;
  onRestartFromStep: () => void;
}) {
  const trpc = useTRPC();
  const [ask, setAsk] = useState<TAsk | undefined>(undefined);
  const close = () => setAsk(undefined);
  const restart = useMutation(trpc.runs.restart.mutationOptions({ onSuccess: close }));
  const retry = useMutation(trpc.runs.retryFailed.mutationOptions({ onSuccess: close }));
  const cancel = useMutation(trpc.runs.cancel.mutationOptions({ onSuccess: close }));
  const active = status === "pending" || status === "running" || status === "waiting";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={BUTTON.secondary}
        disabled={!selectedLabel}
        title={selectedLabel ? undefined : "Pick a step in the graph first"}
        onClick={onRestartFromStep}
      >
        <StepForward className="size-4" aria-hidden />
        Restart from step
      </button>
      <button
        type="button"
        className={BUTTON.secondary}
        disabled={failedSteps === 0}
        onClick={() => setAsk("retry")}
      >
        <RefreshCcw className="size-4" aria-hidden />
        Retry failed
      </button>
      <button type="button" className={BUTTON.secondary} onClick={() => setAsk("restart")}>
        <RotateCcw className="size-4" aria-hidden />
        Restart run
      </button>
      <button
        type="button"
        className={`${BUTTON.secondary} text-red-700 dark:text-red-400`}
        disabled={!active}
        onClick={() => setAsk("cancel")}
      >
        <Ban className="size-4" aria-hidden />
        Cancel
      </button>
      {ask === "restart" && (
        <ConfirmDialog
          title="Restart the whole run?"
          confirmLabel="Restart run"
          pending={restart.isPending}
          error={restart.error}
          onConfirm={() => restart.mutate({ id: runId })}
          onClose={close}
        >
          Every step runs again from the start with the same input. The current step runs are kept
          in the history as superseded.
        </ConfirmDialog>
      )}
      {ask === "retry" && (
        <ConfirmDialog
          title={`Retry ${failedSteps} failed step${failedSteps === 1 ? "" : "s"}?`}
          confirmLabel="Retry failed"
          pending={retry.isPending}
          error={retry.error}
          onConfirm={() => retry.mutate({ id: runId })}
          onClose={close}
        >
          The failed steps and what follows them run again; everything else is kept.
        </ConfirmDialog>
      )}
      {ask === "cancel" && (
        <ConfirmDialog
          title="Cancel this run?"
          confirmLabel="Cancel run"
          tone="danger"
          pending={cancel.isPending}
          error={cancel.error}
          onConfirm={() => cancel.mutate({ id: runId })}
          onClose={close}
        >
          Steps in flight are stopped and open tasks are withdrawn. A cancelled run can be restarted
          later.
        </ConfirmDialog>
      )}
    </div>
  );
}
