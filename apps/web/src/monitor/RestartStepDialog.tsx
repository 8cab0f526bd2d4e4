import type { TNode } from "@baton/model";
import { useMutation } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { useMemo, useState } from "react";
import { errorMessage, useTRPC } from "../lib/trpc.ts";
import { parseJsonText, schemaIssues } from "../tasks/schema-validator.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { DialogAction } from "../ui/DialogAction.tsx";
import { JsonEditor } from "../ui/JsonEditor.tsx";
import type { TStepRun } from "./run-types.ts";
import { useStepDetail } from "./use-step-detail.ts";
import { useStepFunction } from "./use-step-function.ts";

/**
 * Restarts the run from one step: that step and everything after it run again, what came
 * before is kept. A function step can get a hand-edited input, checked against the
 * function's input schema here and again on the server.
 */
export function RestartStepDialog({
  runId,
  node,
  stepRun,
  scope,
  onClose,
}: {
  runId: string;
  node: TNode;
  stepRun: TStepRun | undefined;
  /** the map item to redo, for a step inside a map body */
  scope?: string | undefined;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const fn = useStepFunction(runId, node.kind === "function" ? node.id : undefined);
  const [editing, setEditing] = useState(false);
  const detail = useStepDetail(stepRun);
  // the step's last input is where editing starts, once it has loaded
  const [edited, setText] = useState<string | undefined>(undefined);
  const text = edited ?? JSON.stringify(detail.data?.input ?? {}, null, 2);
  const restart = useMutation(trpc.runs.restart.mutationOptions({ onSuccess: onClose }));
  const parsed = useMemo(() => parseJsonText(text), [text]);
  const issues = useMemo(
    () => (parsed.ok && fn.data ? schemaIssues(fn.data.inputSchema, parsed.value) : []),
    [parsed, fn.data],
  );
  const canEdit = node.kind === "function" && Boolean(fn.data) && !detail.isPending;
  const valid = !editing || (parsed.ok && issues.length === 0);
  const submit = () =>
    restart.mutate({
      id: runId,
      fromNodeId: node.id,
      ...(scope ? { scope } : {}),
      ...(editing && parsed.ok ? { input: parsed.value } : {}),
    });
  return (
    <Dialog
      title={scope ? `Restart item ${scope} from “${node.label}”` : `Restart from “${node.label}”`}
      onClose={onClose}
      wide={editing}
      actions={
        <DialogAction
          label="Restart"
          icon={<RotateCcw className="size-4" aria-hidden />}
          pending={restart.isPending}
          pendingLabel="Restarting…"
          disabled={!valid}
          onClick={submit}
        />
      }
    >
      {scope ? (
        <p className="text-zinc-600 dark:text-zinc-300">
          In item {scope} only, <strong className="font-medium">{node.label}</strong> and every step
          after it run again; the map waits for that item and keeps the other items' results.
        </p>
      ) : (
        <p className="text-zinc-600 dark:text-zinc-300">
          <strong className="font-medium">{node.label}</strong> and every step after it run again.
          Results of the steps before it are kept; the replaced runs stay in the history.
        </p>
      )}
      {canEdit && (
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={editing}
            onChange={(e) => setEditing(e.target.checked)}
            className="size-4 rounded border-zinc-300 accent-indigo-600"
          />
          Edit the step's input
          <span className="text-xs text-zinc-500">
            (checked against {fn.data?.name}'s input schema)
          </span>
        </label>
      )}
      {!canEdit && node.kind === "function" && fn.isPending && (
        <p className="text-xs text-zinc-500">Loading the function's input schema…</p>
      )}
      {editing && (
        <JsonEditor
          label="Input"
          text={text}
          onChange={setText}
          syntaxError={parsed.ok ? undefined : parsed.message}
          issues={issues}
        />
      )}
      {restart.error && (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-red-800 text-xs dark:bg-red-950/50 dark:text-red-300"
        >
          {errorMessage(restart.error)}
        </p>
      )}
    </Dialog>
  );
}
