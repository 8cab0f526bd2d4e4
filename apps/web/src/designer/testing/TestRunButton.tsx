import { scenarioInputSchema } from "@baton/model";
import { useMutation } from "@tanstack/react-query";
import { FlaskConical } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { errorMessage, useTRPC } from "../../lib/trpc.ts";
import type { TFormValue } from "../run/form-value.ts";
import { InputForm } from "../run/InputForm.tsx";
import { composeScenario } from "../store/compose-scenario.ts";
import { Button } from "../ui/Button.tsx";
import { Popover } from "../ui/Popover.tsx";
import { useDesignerContext } from "../use-designer-context.ts";
import { useDraftTest } from "./draft-test-context.ts";
import { TestRunStatus } from "./TestRunStatus.tsx";

/**
 * Runs the draft as it is, without publishing: saves it, then starts a test run with an
 * input from the start step's fields. Pinned steps are not called.
 */
export function TestRunButton() {
  const trpc = useTRPC();
  const draft = useDraftTest();
  const { store } = useDesignerContext();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<TFormValue>({});
  const [saveError, setSaveError] = useState<string>();
  const start = useMutation(trpc.testRuns.start.mutationOptions());
  if (!draft) return null;
  const schema = open ? scenarioInputSchema(composeScenario(store.getState())) : undefined;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaveError(undefined);
    let draftUpdatedAt: string;
    try {
      draftUpdatedAt = await draft.flush();
    } catch (error) {
      setSaveError(errorMessage(error));
      return;
    }
    start.mutate({ scenarioId: draft.scenarioId, draftUpdatedAt, input: value });
  };
  const failure = saveError ?? (start.error ? errorMessage(start.error) : undefined);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      label="Test run"
      width="w-[26rem]"
      trigger={
        <Button icon={FlaskConical} onClick={() => setOpen(!open)} aria-expanded={open}>
          Test run
        </Button>
      }
    >
      <form onSubmit={submit} className="space-y-3">
        <div>
          <h2 className="font-semibold text-[13px]">Test run of the draft</h2>
          <p className="mt-0.5 text-xs text-zinc-500">
            Runs the draft as it is now, without publishing it. Pinned steps give their pinned
            output instead of being called. Test runs stay out of the runs list.
          </p>
        </div>
        <div className="max-h-[50vh] overflow-y-auto pr-1">
          {schema && <InputForm schema={schema} value={value} onChange={setValue} />}
        </div>
        {failure && (
          <p
            role="alert"
            className="whitespace-pre-line rounded-md border border-red-200 bg-red-50 px-2.5 py-2 text-red-800 text-xs dark:border-red-900 dark:bg-red-950/50 dark:text-red-300"
          >
            {failure}
          </p>
        )}
        {start.data && <TestRunStatus key={start.data.runId} runId={start.data.runId} />}
        <div className="flex items-center justify-between">
          <Link
            to={`/runs?kind=test&scenario=${draft.scenarioId}`}
            className="text-xs text-indigo-600 hover:underline dark:text-indigo-400"
          >
            All test runs
          </Link>
          <Button type="submit" variant="primary" icon={FlaskConical} disabled={start.isPending}>
            {start.isPending ? "Starting…" : "Start test run"}
          </Button>
        </div>
      </form>
    </Popover>
  );
}
