import type { TCatalogFunction } from "@baton/model";
import { useMutation } from "@tanstack/react-query";
import { FlaskConical } from "lucide-react";
import { useState } from "react";
import { errorMessage, useTRPC } from "../../lib/trpc.ts";
import { JsonEditor } from "../../monitor/JsonEditor.tsx";
import { PanelSection } from "../panel/PanelSection.tsx";
import { Button } from "../ui/Button.tsx";
import type { TDraftTest } from "./draft-test-context.ts";
import { StepSampleSelect } from "./StepSampleSelect.tsx";
import { TestRunStatus } from "./TestRunStatus.tsx";
import { useJsonValue } from "./use-json-value.ts";

/**
 * Runs this one function step alone, as a test run: its input typed or taken from an
 * earlier run of the step, checked against the function's input schema, and its output
 * shown here.
 */
export function StepTestSection({
  draft,
  nodeId,
  fn,
}: {
  draft: TDraftTest;
  nodeId: string;
  fn: TCatalogFunction;
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
        nodeId,
        input: input.parsed.value,
      });
    } catch (error) {
      setSaveError(errorMessage(error));
    }
  };
  const failure = saveError ?? (start.error ? errorMessage(start.error) : undefined);
  return (
    <PanelSection title="Test alone" defaultOpen={false}>
      <StepSampleSelect
        scenarioId={draft.scenarioId}
        nodeId={nodeId}
        take="input"
        onPick={(picked) => picked && input.load(picked.value)}
      />
      <JsonEditor
        label="Step input"
        text={input.text}
        onChange={input.setText}
        syntaxError={input.syntaxError}
        issues={input.issues}
        rows={6}
      />
      {failure && (
        <p role="alert" className="whitespace-pre-line text-red-700 text-xs dark:text-red-400">
          {failure}
        </p>
      )}
      {start.data && <TestRunStatus key={start.data.runId} runId={start.data.runId} />}
      <Button
        icon={FlaskConical}
        onClick={() => void run()}
        disabled={!input.valid || start.isPending}
      >
        {start.isPending ? "Starting…" : "Test this step"}
      </Button>
    </PanelSection>
  );
}
