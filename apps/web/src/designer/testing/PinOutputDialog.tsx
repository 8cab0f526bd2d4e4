import type { TCatalogFunction } from "@baton/model";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pin, PinOff } from "lucide-react";
import { useState } from "react";
import { formatDateTime } from "../../lib/format.ts";
import { errorMessage, useTRPC } from "../../lib/trpc.ts";
import { BUTTON } from "../../ui/buttons.ts";
import { Dialog } from "../../ui/Dialog.tsx";
import { DialogAction } from "../../ui/DialogAction.tsx";
import { JsonEditor } from "../../ui/JsonEditor.tsx";
import type { TDraftTest } from "./draft-test-context.ts";
import { StepSampleSelect } from "./StepSampleSelect.tsx";
import { useJsonValue } from "./use-json-value.ts";
import { usePins } from "./use-pins.ts";

/**
 * A function step's pinned output: test runs of the draft take it instead of calling the
 * step; published runs never do. Typed, or an earlier run's output, checked against the
 * function's output schema.
 */
export function PinOutputDialog({
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
  const queryClient = useQueryClient();
  const pin = usePins().data?.get(step.id);
  const [editing, setEditing] = useState(pin === undefined);
  const [fromRun, setFromRun] = useState<string>();
  const output = useJsonValue(fn.outputSchema);
  const refresh = () =>
    queryClient.invalidateQueries({
      queryKey: trpc.testRuns.pins.queryKey({ scenarioId: draft.scenarioId }),
    });
  const save = useMutation(
    trpc.testRuns.pin.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setEditing(false);
      },
    }),
  );
  const unpin = useMutation(
    trpc.testRuns.unpin.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onClose();
      },
    }),
  );
  const target = { scenarioId: draft.scenarioId, nodeId: step.id };
  const submit = () => {
    if (!output.parsed.ok) return;
    // an earlier run's output, unedited, is pinned by reference so the pin says where it came from
    save.mutate(
      fromRun ? { ...target, stepRunId: fromRun } : { ...target, output: output.parsed.value },
    );
  };
  const failure = save.error ?? unpin.error;
  const showing = pin && !editing;
  return (
    <Dialog
      title={`Pinned output of “${step.label}”`}
      onClose={onClose}
      cancelLabel="Close"
      wide
      actions={
        showing ? (
          <>
            <button
              type="button"
              className={`${BUTTON.secondary} text-red-700 dark:text-red-400`}
              disabled={unpin.isPending}
              onClick={() => unpin.mutate(target)}
            >
              <PinOff className="size-4" aria-hidden />
              Unpin
            </button>
            <button
              type="button"
              className={BUTTON.primary}
              onClick={() => {
                output.load(pin.output);
                setFromRun(undefined);
                setEditing(true);
              }}
            >
              Change
            </button>
          </>
        ) : (
          <DialogAction
            label="Pin this output"
            pendingLabel="Pinning…"
            icon={<Pin className="size-4" aria-hidden />}
            pending={save.isPending}
            disabled={!output.valid}
            onClick={submit}
          />
        )
      }
    >
      <p className="text-[13px] text-zinc-600 dark:text-zinc-300">
        Test runs of the draft use the pinned output instead of calling {fn.name}, so you can test
        what follows without calling it. Published runs always call it.
      </p>
      {showing ? (
        <>
          <figure>
            <figcaption className="mb-1 font-medium text-xs">Pinned value</figcaption>
            <pre className="max-h-72 overflow-auto whitespace-pre-wrap break-all rounded-md bg-zinc-50 p-3 font-mono text-xs leading-5 dark:bg-zinc-950">
              {JSON.stringify(pin.output, null, 2)}
            </pre>
          </figure>
          <p className="text-xs text-zinc-500">
            Pinned by {pin.pinnedBy?.name ?? "someone"} on {formatDateTime(pin.pinnedAt)}
            {pin.sourceStepRunId ? ", from an earlier run" : ""}.
          </p>
        </>
      ) : (
        <>
          <StepSampleSelect
            scenarioId={draft.scenarioId}
            nodeId={step.id}
            take="output"
            onPick={(picked) => {
              setFromRun(picked?.stepRunId);
              if (picked) output.load(picked.value);
            }}
          />
          <JsonEditor
            label="Output to pin"
            text={output.text}
            onChange={(text) => {
              setFromRun(undefined);
              output.setText(text);
            }}
            syntaxError={output.syntaxError}
            issues={output.issues}
            rows={10}
            schemaName="output"
          />
        </>
      )}
      {failure && (
        <p role="alert" className="whitespace-pre-line text-red-700 text-xs dark:text-red-400">
          {errorMessage(failure)}
        </p>
      )}
    </Dialog>
  );
}
