import { useMemo, useState } from "react";
import { Canvas } from "./canvas/Canvas.tsx";
import { ProblemsPanel } from "./check/ProblemsPanel.tsx";
import { useLiveCheck } from "./check/use-live-check.ts";
import "./designer.css";
import { DesignerHeader } from "./lifecycle/DesignerHeader.tsx";
import { useAutosave } from "./lifecycle/use-autosave.ts";
import { Palette } from "./palette/Palette.tsx";
import { DraftTestContext } from "./testing/draft-test-context.ts";
import { DesignerToolbar } from "./toolbar/DesignerToolbar.tsx";
import { Inspector } from "./ui/Inspector.tsx";
import { useDesignerContext } from "./use-designer-context.ts";

/** The designer's frame: header, palette, toolbar and canvas, problems, and the side panel. */
export function Designer({
  scenarioId,
  draftUpdatedAt,
}: {
  scenarioId: string;
  draftUpdatedAt: string;
}) {
  useLiveCheck();
  const { readOnly } = useDesignerContext();
  const saver = useAutosave(scenarioId, draftUpdatedAt, !readOnly);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const draftTest = useMemo(
    () => ({ scenarioId, flush: () => saver.flush() }),
    [scenarioId, saver],
  );
  return (
    <DraftTestContext value={draftTest}>
      <div className="baton-designer flex h-full flex-col">
        <DesignerHeader
          scenarioId={scenarioId}
          saver={saver}
          onRefused={() => setProblemsOpen(true)}
        />
        <div className="flex min-h-0 flex-1">
          {!readOnly && <Palette />}
          <div className="flex min-w-0 flex-1 flex-col">
            <DesignerToolbar
              problemsOpen={problemsOpen}
              onToggleProblems={() => setProblemsOpen((v) => !v)}
            />
            <div className="min-h-0 flex-1 bg-zinc-50 dark:bg-zinc-950">
              <Canvas />
            </div>
            {problemsOpen && <ProblemsPanel onClose={() => setProblemsOpen(false)} />}
          </div>
          <Inspector />
        </div>
      </div>
    </DraftTestContext>
  );
}
