import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, Rocket } from "lucide-react";
import { useState } from "react";
import { errorMessage, useTRPC } from "../../lib/trpc.ts";
import { useChecks } from "../check/use-checks.ts";
import { Button } from "../ui/Button.tsx";
import { Popover } from "../ui/Popover.tsx";
import { useDesignerContext } from "../use-designer-context.ts";
import type { TDraftSaver } from "./draft-saver.ts";
import { refusalDiagnostics } from "./refusal-diagnostics.ts";

/**
 * Saves what is unsaved, then asks the server to publish: it checks again against the
 * catalog it holds and refuses with the reasons when anything is wrong.
 */
export function PublishButton({
  scenarioId,
  saver,
  onRefused,
}: {
  scenarioId: string;
  saver: TDraftSaver;
  onRefused: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { checks } = useDesignerContext();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const errors = useChecks((s) => s.index.errors);
  const publish = useMutation(
    trpc.scenarios.publish.mutationOptions({
      onSuccess: () => {
        setNote("");
        checks.getState().setRefused([]);
        void queryClient.invalidateQueries({
          queryKey: trpc.scenarios.versions.queryKey({ id: scenarioId }),
        });
        void queryClient.invalidateQueries({ queryKey: trpc.scenarios.list.queryKey() });
      },
      // the server's diagnostics join the live check's in the problems panel
      onError: (error) => {
        checks.getState().setRefused(refusalDiagnostics(error));
        onRefused();
      },
    }),
  );
  const [saveError, setSaveError] = useState<string>();
  const submit = async () => {
    setSaveError(undefined);
    let draftUpdatedAt: string;
    try {
      draftUpdatedAt = await saver.flush();
    } catch (error) {
      setSaveError(errorMessage(error));
      return;
    }
    publish.mutate({ id: scenarioId, draftUpdatedAt, note });
  };
  // every opening offers the next version, not the last one's outcome
  const openChange = (next: boolean) => {
    setOpen(next);
    if (next) publish.reset();
  };
  return (
    <Popover
      open={open}
      onOpenChange={openChange}
      label="Publish"
      trigger={
        <Button
          variant="primary"
          icon={Rocket}
          onClick={() => openChange(!open)}
          aria-expanded={open}
        >
          Publish
        </Button>
      }
    >
      {publish.isSuccess ? (
        <div className="flex items-start gap-2 text-[13px]" role="status">
          <CircleCheck className="mt-0.5 size-4 text-emerald-500" aria-hidden />
          <div>
            <p className="font-medium">Published version {publish.data.version}</p>
            <p className="mt-0.5 text-xs text-zinc-500">
              It is immutable; keep editing the draft and publish again for the next version.
            </p>
          </div>
        </div>
      ) : (
        <div className="space-y-2.5">
          <div>
            <h2 className="font-semibold text-[13px]">Publish a new version</h2>
            <p className="mt-0.5 text-xs text-zinc-500">
              The server checks the draft against the catalog; a published version never changes.
            </p>
          </div>
          <label className="block text-xs">
            <span className="font-medium text-zinc-700 dark:text-zinc-300">Note</span>
            <textarea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              rows={2}
              placeholder="What changed in this version"
              className="mt-1 w-full resize-none rounded-md border border-zinc-300 bg-white px-2 py-1 text-[13px] outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950"
            />
          </label>
          {errors > 0 && !publish.error && (
            <p className="text-amber-700 text-xs dark:text-amber-400">
              The live check shows {errors} error{errors === 1 ? "" : "s"}; the server will refuse
              until they are fixed.
            </p>
          )}
          {(publish.error || saveError) && (
            <div
              role="alert"
              className="max-h-48 overflow-y-auto whitespace-pre-line rounded-md border border-red-200 bg-red-50 px-2.5 py-2 text-red-800 text-xs dark:border-red-900 dark:bg-red-950/50 dark:text-red-300"
            >
              {saveError ?? errorMessage(publish.error)}
            </div>
          )}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              variant="primary"
              icon={Rocket}
              onClick={() => void submit()}
              disabled={publish.isPending}
            >
              {publish.isPending ? "Publishing…" : "Publish version"}
            </Button>
          </div>
        </div>
      )}
    </Popover>
  );
}
