import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, History, RotateCcw } from "lucide-react";
import { useState } from "react";
import { formatDateTime } from "../../lib/format.ts";
import { errorMessage, useTRPC } from "../../lib/trpc.ts";
import { Button } from "../ui/Button.tsx";
import { Popover } from "../ui/Popover.tsx";
import { useDesignerContext } from "../use-designer-context.ts";
import { downloadJson } from "./download-json.ts";

/** Published versions, newest first: export one, or bring it back into the draft. */
export function VersionHistory({ scenarioId }: { scenarioId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { store } = useDesignerContext();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string>();
  const versions = useQuery({ ...trpc.scenarios.versions.queryOptions({ id: scenarioId }) });
  const count = versions.data?.length ?? 0;

  const exportVersion = async (version: number) => {
    try {
      const file = await queryClient.fetchQuery(
        trpc.scenarios.export.queryOptions({ id: scenarioId, version }),
      );
      downloadJson(file.fileName, file.scenario);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const restore = async (version: number) => {
    try {
      const found = await queryClient.fetchQuery(
        trpc.scenarios.getVersion.queryOptions({ id: scenarioId, version }),
      );
      const { version: _version, ...definition } = found.definition;
      store.getState().replaceScenario(definition);
      setOpen(false);
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      label="Version history"
      width="w-96"
      trigger={
        <Button variant="ghost" icon={History} onClick={() => setOpen(!open)} aria-expanded={open}>
          Versions{count > 0 ? ` · ${count}` : ""}
        </Button>
      }
    >
      <h2 className="font-semibold text-[13px]">Version history</h2>
      {versions.error ? (
        <p className="mt-2 text-red-600 text-xs">{errorMessage(versions.error)}</p>
      ) : count === 0 ? (
        <p className="mt-1 text-xs text-zinc-500">
          Nothing published yet. Publish to create version 1.
        </p>
      ) : (
        <ol
          className="mt-2 max-h-72 divide-y divide-zinc-100 overflow-y-auto dark:divide-zinc-800"
          aria-label="Versions"
        >
          {versions.data?.map((v) => (
            <li key={v.id} className="flex items-center gap-2 py-1.5">
              <span className="w-8 font-mono font-semibold text-xs">v{v.version}</span>
              <div className="min-w-0 flex-1">
                <div className="truncate text-xs">
                  {v.note || <span className="text-zinc-400">no note</span>}
                </div>
                <div className="text-[11px] text-zinc-500">
                  {formatDateTime(v.publishedAt)} · {v.runs} run{v.runs === 1 ? "" : "s"}
                </div>
              </div>
              <button
                type="button"
                onClick={() => void exportVersion(v.version)}
                aria-label={`Export version ${v.version}`}
                title="Export JSON"
                className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
              >
                <Download className="size-3.5" />
              </button>
              <button
                type="button"
                onClick={() => void restore(v.version)}
                aria-label={`Restore version ${v.version} into the draft`}
                title="Restore into the draft (undoable)"
                className="rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
              >
                <RotateCcw className="size-3.5" />
              </button>
            </li>
          ))}
        </ol>
      )}
      {problem && (
        <p className="mt-2 text-red-600 text-xs" role="alert">
          {problem}
        </p>
      )}
    </Popover>
  );
}
