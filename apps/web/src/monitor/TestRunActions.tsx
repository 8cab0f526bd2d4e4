import { useMutation } from "@tanstack/react-query";
import { Ban, Trash2 } from "lucide-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useTRPC } from "../lib/trpc.ts";
import { BUTTON } from "../ui/buttons.ts";
import { ConfirmDialog } from "../ui/ConfirmDialog.tsx";

/**
 * A designer's actions on a test run: stop it while it goes (operators have Cancel among
 * the run's actions already), delete it with what it started once it has ended. Real runs
 * are never deleted.
 */
export function TestRunActions({
  runId,
  scenarioId,
  active,
  cancels,
}: {
  runId: string;
  scenarioId: string;
  active: boolean;
  /** whether to offer Cancel here (the person has no other Cancel) */
  cancels: boolean;
}) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [ask, setAsk] = useState<"cancel" | "delete">();
  const close = () => setAsk(undefined);
  const cancel = useMutation(trpc.testRuns.cancel.mutationOptions({ onSuccess: close }));
  const remove = useMutation(
    trpc.testRuns.delete.mutationOptions({
      onSuccess: () => navigate(`/runs?kind=test&scenario=${scenarioId}`),
    }),
  );
  return (
    <>
      {cancels && (
        <button
          type="button"
          className={`${BUTTON.secondary} text-red-700 dark:text-red-400`}
          disabled={!active}
          onClick={() => setAsk("cancel")}
        >
          <Ban className="size-4" aria-hidden />
          Cancel test run
        </button>
      )}
      <button
        type="button"
        className={`${BUTTON.secondary} text-red-700 dark:text-red-400`}
        disabled={active}
        title={active ? "Cancel the test run first" : undefined}
        onClick={() => setAsk("delete")}
      >
        <Trash2 className="size-4" aria-hidden />
        Delete test run
      </button>
      {ask === "cancel" && (
        <ConfirmDialog
          title="Cancel this test run?"
          confirmLabel="Cancel test run"
          tone="danger"
          pending={cancel.isPending}
          error={cancel.error}
          onConfirm={() => cancel.mutate({ id: runId })}
          onClose={close}
        >
          Steps in flight are stopped and open tasks are withdrawn.
        </ConfirmDialog>
      )}
      {ask === "delete" && (
        <ConfirmDialog
          title="Delete this test run?"
          confirmLabel="Delete"
          tone="danger"
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate({ id: runId })}
          onClose={close}
        >
          The test run, its steps and events are deleted for good. Real runs are never deleted.
        </ConfirmDialog>
      )}
    </>
  );
}
