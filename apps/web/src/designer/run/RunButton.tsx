import { scenarioInputSchema } from "@baton/model";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Play } from "lucide-react";
import { type FormEvent, useState } from "react";
import { errorMessage, useTRPC } from "../../lib/trpc.ts";
import { Button } from "../ui/Button.tsx";
import { Popover } from "../ui/Popover.tsx";
import type { TFormValue } from "./form-value.ts";
import { InputForm } from "./InputForm.tsx";
import { RunStatus } from "./RunStatus.tsx";

/** Starts a run of the latest published version with a form built from its input schema. */
export function RunButton({ scenarioId, slug }: { scenarioId: string; slug: string }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<TFormValue>({});
  const versions = useQuery(trpc.scenarios.versions.queryOptions({ id: scenarioId }));
  const latest = versions.data?.[0]?.version;
  const version = useQuery({
    ...trpc.scenarios.getVersion.queryOptions({ id: scenarioId, version: latest ?? 1 }),
    enabled: open && latest !== undefined,
  });
  const start = useMutation(trpc.runs.start.mutationOptions());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (latest !== undefined) start.mutate({ scenario: slug, version: latest, input: value });
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      label="Start a run"
      width="w-[26rem]"
      trigger={
        <Button
          icon={Play}
          onClick={() => setOpen(!open)}
          aria-expanded={open}
          disabled={latest === undefined}
          title={latest === undefined ? "Publish a version to run it" : undefined}
        >
          Run
        </Button>
      }
    >
      <form onSubmit={submit} className="space-y-3">
        <div>
          <h2 className="font-semibold text-[13px]">Start a run of version {latest}</h2>
          <p className="mt-0.5 text-xs text-zinc-500">
            Runs the latest published version; unpublished edits are not included.
          </p>
        </div>
        <div className="max-h-[50vh] overflow-y-auto pr-1">
          {version.data ? (
            <InputForm
              schema={scenarioInputSchema(version.data.definition)}
              value={value}
              onChange={setValue}
            />
          ) : (
            <p className="text-xs text-zinc-500">Loading the input form…</p>
          )}
        </div>
        {start.error && (
          <p
            role="alert"
            className="whitespace-pre-line rounded-md border border-red-200 bg-red-50 px-2.5 py-2 text-red-800 text-xs dark:border-red-900 dark:bg-red-950/50 dark:text-red-300"
          >
            {errorMessage(start.error)}
          </p>
        )}
        {start.data && <RunStatus runId={start.data.runId} />}
        <div className="flex justify-end">
          <Button
            type="submit"
            variant="primary"
            icon={Play}
            disabled={start.isPending || !version.data}
          >
            {start.isPending ? "Starting…" : "Start run"}
          </Button>
        </div>
      </form>
    </Popover>
  );
}
