import { useMutation } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useTRPC } from "../lib/trpc.ts";
import { BUTTON } from "./buttons.ts";
import { ConfirmDialog } from "./ConfirmDialog.tsx";

/** Deletes an ended test run, with what it started; real runs are never deleted. */
export function DeleteTestRunButton({
  runId,
  scenarioId,
  ended,
}: {
  runId: string;
  scenarioId: string;
  ended: boolean;
}) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const remove = useMutation(
    trpc.testRuns.delete.mutationOptions({
      onSuccess: () => navigate(`/runs?kind=test&scenario=${scenarioId}`),
    }),
  );
  return (
    <>
      <button
        type="button"
        className={`${BUTTON.secondary} text-red-700 dark:text-red-400`}
        disabled={!ended}
        title={ended ? undefined : "Cancel the test run first"}
        onClick={() => setAsking(true)}
      >
        <Trash2 className="size-4" aria-hidden />
        Delete test run
      </button>
      {asking && (
        <ConfirmDialog
          title="Delete this test run?"
          confirmLabel="Delete"
          tone="danger"
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => remove.mutate({ id: runId })}
          onClose={() => setAsking(false)}
        >
          The test run, its steps and events are deleted for good. Real runs are never deleted.
        </ConfirmDialog>
      )}
    </>
  );
}
