import { useMutation } from "@tanstack/react-query";
import { Clock, Play } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { formatDuration } from "../lib/format.ts";
import { offeredForm } from "../lib/offered-form.ts";
import { errorMessage, useTRPC } from "../lib/trpc.ts";
import { parseJsonText, schemaIssues } from "../tasks/schema-validator.ts";
import { TaskForm } from "../tasks/TaskForm.tsx";
import { BUTTON } from "../ui/buttons.ts";
import { ErrorBox } from "../ui/ErrorBox.tsx";
import { JsonEditor } from "../ui/JsonEditor.tsx";
import { JsonTree } from "../ui/JsonTree.tsx";
import { hasFormFields } from "./try-input.ts";
import type { TFunctionDetail } from "./types.ts";
import { useInvalidateCatalog } from "./use-invalidate-catalog.ts";

const TAB = "rounded px-2 py-0.5 text-xs font-medium";
const TAB_ON = "bg-white shadow-xs dark:bg-zinc-700";
const TAB_OFF = "text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100";

/**
 * Calls the function once through the server with an input drawn as a form from its input
 * schema (or typed as JSON), and shows the output and how long it took, or the classified
 * error.
 */
export function TryIt({ fn }: { fn: TFunctionDetail }) {
  const trpc = useTRPC();
  const invalidateCatalog = useInvalidateCatalog();
  const formId = useId();
  const formSchema = useMemo(() => offeredForm(fn.inputSchema).schema, [fn.inputSchema]);
  const formable = hasFormFields(formSchema);
  const [mode, setMode] = useState<"form" | "json">(formable ? "form" : "json");
  const [data, setData] = useState<unknown>({});
  const [text, setText] = useState("{}");
  const parsed = useMemo(() => parseJsonText(text), [text]);
  const issues = useMemo(
    () => (parsed.ok ? schemaIssues(fn.inputSchema, parsed.value) : []),
    [parsed, fn.inputSchema],
  );
  const invoke = useMutation(
    trpc.catalog.tryFunction.mutationOptions({
      onSuccess: async (result) => {
        // a sample may have changed an inferred schema
        if (result.ok && result.sampled) {
          await invalidateCatalog();
        }
      },
    }),
  );
  const result = invoke.data;
  const disabled = fn.status === "missing" || invoke.isPending;
  const run = (input: unknown) => invoke.mutate({ id: fn.id, input });

  return (
    <section aria-labelledby={`${formId}-title`} className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id={`${formId}-title`} className="font-medium">
          Try it
        </h2>
        <div className="flex gap-0.5 rounded-md bg-zinc-100 p-0.5 dark:bg-zinc-800">
          <button
            type="button"
            className={`${TAB} ${mode === "form" ? TAB_ON : TAB_OFF}`}
            disabled={!formable}
            aria-pressed={mode === "form"}
            onClick={() => setMode("form")}
          >
            Form
          </button>
          <button
            type="button"
            className={`${TAB} ${mode === "json" ? TAB_ON : TAB_OFF}`}
            aria-pressed={mode === "json"}
            onClick={() => {
              setText(JSON.stringify(data ?? {}, null, 2));
              setMode("json");
            }}
          >
            JSON
          </button>
        </div>
      </div>
      {mode === "form" ? (
        <TaskForm
          id={formId}
          schema={formSchema}
          data={data}
          onChange={setData}
          onSubmit={run}
          disabled={disabled}
        />
      ) : (
        <JsonEditor
          label="Input"
          text={text}
          onChange={setText}
          syntaxError={parsed.ok ? undefined : parsed.message}
          issues={issues}
        />
      )}
      <div className="flex items-center gap-3">
        {mode === "form" ? (
          <button type="submit" form={formId} className={BUTTON.primary} disabled={disabled}>
            <Play className="size-3.5" aria-hidden />
            {invoke.isPending ? "Running…" : "Run"}
          </button>
        ) : (
          <button
            type="button"
            className={BUTTON.primary}
            disabled={disabled || !parsed.ok}
            onClick={() => parsed.ok && run(parsed.value)}
          >
            <Play className="size-3.5" aria-hidden />
            {invoke.isPending ? "Running…" : "Run"}
          </button>
        )}
        {fn.status === "missing" && (
          <span className="text-xs text-amber-700 dark:text-amber-400">
            Missing at its provider: refresh its connection to try it.
          </span>
        )}
        {result && (
          <span
            className="inline-flex items-center gap-1 text-xs text-zinc-500 tabular-nums"
            title="How long the call took"
          >
            <Clock className="size-3.5" aria-hidden />
            took {formatDuration(result.durationMs)}
          </span>
        )}
      </div>
      {invoke.error && (
        <p role="alert" className="text-red-700 text-sm dark:text-red-400">
          {errorMessage(invoke.error)}
        </p>
      )}
      {result?.ok === true && (
        <div className="space-y-1">
          <JsonTree value={result.output} label="Call output" />
          {result.sampled && (
            <p className="text-xs text-zinc-500">
              Kept as a sample: the schema this function does not declare is inferred from it.
            </p>
          )}
        </div>
      )}
      {result?.ok === false && (
        <ErrorBox
          label="Call error"
          error={{
            code: result.error.classification,
            message: result.error.message,
            retryable: result.error.retryable,
            details: result.error.details,
          }}
        />
      )}
    </section>
  );
}
