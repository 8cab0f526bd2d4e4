import { ChevronRight, Eye } from "lucide-react";
import { Link } from "react-router";
import { useCan } from "../../auth/use-session.ts";
import { RunButton } from "../run/RunButton.tsx";
import { TestRunButton } from "../testing/TestRunButton.tsx";
import { useDesigner } from "../use-designer.ts";
import { useDesignerContext } from "../use-designer-context.ts";
import { AboutScenario } from "./AboutScenario.tsx";
import type { TDraftSaver } from "./draft-saver.ts";
import { ImportExport } from "./ImportExport.tsx";
import { PublishButton } from "./PublishButton.tsx";
import { SaveStatus } from "./SaveStatus.tsx";
import { VersionHistory } from "./VersionHistory.tsx";

/** The scenario's name and the lifecycle actions: save state, import/export, versions, publish. */
export function DesignerHeader({
  scenarioId,
  saver,
  onRefused,
}: {
  scenarioId: string;
  saver: TDraftSaver;
  onRefused: () => void;
}) {
  const { store, readOnly } = useDesignerContext();
  const operates = useCan("operate");
  const name = useDesigner((s) => s.meta.name);
  const slug = useDesigner((s) => s.meta.slug);
  return (
    <header className="@container/header flex h-12 shrink-0 items-center gap-3 whitespace-nowrap border-zinc-200 border-b bg-white px-4 dark:border-zinc-800 dark:bg-zinc-900">
      <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1.5">
        <Link
          to="/scenarios"
          className="text-[13px] text-zinc-500 hover:text-zinc-900 dark:hover:text-zinc-100"
        >
          Scenarios
        </Link>
        <ChevronRight className="size-3.5 text-zinc-400" aria-hidden />
        <h1 className="sr-only">{name}</h1>
        <input
          value={name}
          onChange={(e) => store.getState().setMeta({ name: e.target.value })}
          readOnly={readOnly}
          aria-label="Scenario name"
          size={Math.max(8, name.length)}
          className="min-w-0 rounded-md border border-transparent bg-transparent px-1.5 py-0.5 font-semibold text-[15px] tracking-tight outline-none hover:border-zinc-200 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:hover:border-zinc-700"
        />
        <span className="font-mono text-xs text-zinc-400 @max-4xl/header:hidden">{slug}</span>
      </nav>
      {readOnly ? (
        <span className="inline-flex items-center gap-1 rounded-md bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
          <Eye className="size-3.5" aria-hidden />
          View only: editing needs the designer role
        </span>
      ) : (
        <SaveStatus saver={saver} />
      )}
      <div className="flex-1" />
      <AboutScenario />
      {!readOnly && <ImportExport />}
      <VersionHistory scenarioId={scenarioId} />
      {!readOnly && <TestRunButton />}
      {operates && <RunButton scenarioId={scenarioId} slug={slug} />}
      {!readOnly && <PublishButton scenarioId={scenarioId} saver={saver} onRefused={onRefused} />}
    </header>
  );
}
