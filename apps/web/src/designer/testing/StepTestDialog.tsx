import type { TCatalogFunction } from "@baton/model";
import { useMutation } from "@tanstack/react-query";
import { FlaskConical } from "lucide-react";
import { useState } from "react";
import { errorMessage, useTRPC } from "../../lib/trpc.ts";
import { Dialog } from "../../ui/Dialog.tsx";
import { DialogAction } from "../../ui/DialogAction.tsx";
import { JsonEditor } from "../../ui/JsonEditor.tsx";
import type { TDraftTest } from "./draft-test-context.ts";
import { StepSampleSelect } from "./StepSampleSelect.tsx";
import { TestRunStatus } from "./TestRunStatus.tsx";
import { useJsonValue } from "./use-json-value.ts";

/**
 * Runs one function step alone, as a test run: its input typed or taken from an earlier
 * run of the step, checked against the function's input schema, and its output shown here.
 */
export function StepTestDialog({
  draft,
  step,
  fn,
  onClose,
}: {
  draft: TDraftTest;
  step: { id: string; label: string };
  fn: TCatalogFunction;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const input = useJsonValue(fn.inputSchema);
  const [saveError, setSaveError] = useState<string>();
  const start = useMutation(trpc.testRuns.start.mutationOptions());
  const run = async () => {
    if (!input.parsed.ok) return;
    setSaveError(undefined);
    try {
      const draftUpdatedAt = await draft.flush();
      start.mutate({
        scenarioId: draft.scenarioId,
        draftUpdatedAt,
        nodeId: step.id,
        input: input.parsed.value,
      });
    } catch (error) {
      setSaveError(errorMessage(error));
    }
  };
  const failure = saveError ?? (start.error ? errorMessage(start.error) : undefined);
  return (
    <Dialog
      title={`Test “${step.label}” alone`}
      onClose={onClose}
      cancelLabel="Close"
      wide
      actions={
        <DialogAction
          label="Test this step"
          pendingLabel="Starting…"
          icon={<FlaskConical className="size-4" aria-hidden />}
          pending={start.isPending}
          disabled={!input.valid}
          onClick={() => void run()}
        />
      }
    >
      <p className="text-[13px] text-zinc-600 dark:text-zinc-300">
        Calls {fn.name} once with this input, as a test run of the draft: nothing before or after
        the step runs.
      </p>
      <StepSampleSelect
        scenarioId={draft.scenarioId}
        nodeId={step.id}
        take="input"
        onPick={(picked) => picked && input.load(picked.value)}
      />
      <JsonEditor
        label="Step input"
        text={input.text}
        onChange={input.setText}
        syntaxError={input.syntaxError}
        issues={input.issues}
        rows={8}
      />
      {failure && (
        <p role="alert" className="whitespace-pre-line text-red-700 text-xs dark:text-red-400">
          {failure}
        </p>
      )}
      {start.data && <TestRunStatus key={start.data.runId} runId={start.data.runId} />}
    </Dialog>
  );
}
