import type { TCatalogFunction } from "@baton/model";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Pin, PinOff } from "lucide-react";
import { useState } from "react";
import { formatDateTime } from "../../lib/format.ts";
import { errorMessage, useTRPC } from "../../lib/trpc.ts";
import { JsonEditor } from "../../monitor/JsonEditor.tsx";
import { PanelSection } from "../panel/PanelSection.tsx";
import { Button } from "../ui/Button.tsx";
import type { TDraftTest } from "./draft-test-context.ts";
import { StepSampleSelect } from "./StepSampleSelect.tsx";
import { useJsonValue } from "./use-json-value.ts";
import { usePins } from "./use-pins.ts";

/**
 * A function step's pinned output: test runs of the draft take it instead of calling the
 * step; published runs never do. Typed, or an earlier run's output, checked against the
 * function's output schema.
 */
export function PinOutputSection({
  draft,
  nodeId,
  fn,
}: {
  draft: TDraftTest;
  nodeId: string;
  fn: TCatalogFunction;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pins = usePins();
  const pin = pins.data?.get(nodeId);
  const [editing, setEditing] = useState(false);
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
  const unpin = useMutation(trpc.testRuns.unpin.mutationOptions({ onSuccess: refresh }));
  const submit = () => {
    if (!output.parsed.ok) return;
    const target = { scenarioId: draft.scenarioId, nodeId };
    // an earlier run's output, unedited, is pinned by reference so the pin says where it came from
    save.mutate(
      fromRun ? { ...target, stepRunId: fromRun } : { ...target, output: output.parsed.value },
    );
  };
  const failure = save.error ?? unpin.error;
  return (
    <PanelSection
      title="Pinned output"
      defaultOpen={pin !== undefined}
      aside={
        pin && (
          <span className="inline-flex items-center gap-1 rounded bg-violet-100 px-1.5 py-0.5 font-medium text-[10px] text-violet-700 dark:bg-violet-950 dark:text-violet-300">
            <Pin className="size-3" aria-hidden /> Pinned
          </span>
        )
      }
    >
      {pin && !editing ? (
        <>
          <p className="text-[12px] text-zinc-600 dark:text-zinc-400">
            Test runs use this output instead of calling the step. Published runs always call it.
          </p>
          <figure>
            <figcaption className="sr-only">Pinned value</figcaption>
            <pre className="max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-50 p-2 font-mono text-[11px] leading-4 dark:bg-zinc-950">
              {JSON.stringify(pin.output, null, 2)}
            </pre>
          </figure>
          <p className="text-[11px] text-zinc-500">
            Pinned by {pin.pinnedBy?.name ?? "someone"} on {formatDateTime(pin.pinnedAt)}
            {pin.sourceStepRunId ? ", from an earlier run" : ""}.
          </p>
          <div className="flex gap-2">
            <Button
              onClick={() => {
                output.load(pin.output);
                setFromRun(undefined);
                setEditing(true);
              }}
            >
              Change
            </Button>
            <Button
              variant="danger"
              icon={PinOff}
              onClick={() => unpin.mutate({ scenarioId: draft.scenarioId, nodeId })}
              disabled={unpin.isPending}
            >
              Unpin
            </Button>
          </div>
        </>
      ) : editing ? (
        <>
          <StepSampleSelect
            scenarioId={draft.scenarioId}
            nodeId={nodeId}
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
            rows={6}
            schemaName="output"
          />
          <div className="flex gap-2">
            <Button
              variant="primary"
              icon={Pin}
              onClick={submit}
              disabled={!output.valid || save.isPending}
            >
              {save.isPending ? "Pinning…" : "Pin this output"}
            </Button>
            <Button variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </>
      ) : (
        <>
          <p className="text-[12px] text-zinc-600 dark:text-zinc-400">
            Pin an output to skip calling this step in test runs, while you test what follows.
          </p>
          <Button icon={Pin} onClick={() => setEditing(true)}>
            Pin output
          </Button>
        </>
      )}
      {failure && (
        <p role="alert" className="whitespace-pre-line text-red-700 text-xs dark:text-red-400">
          {errorMessage(failure)}
        </p>
      )}
    </PanelSection>
  );
}
