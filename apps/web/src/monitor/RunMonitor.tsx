import { lazy, Suspense, useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useCan } from "../auth/use-session.ts";
import { ErrorNotice, LoadingRows } from "../ui/States.tsx";
import { MapItemsSection } from "./MapItemsSection.tsx";
import { mapProgress, topLevelMaps } from "./map-items.ts";
import { nodeStates, runProgress } from "./node-states.ts";
import { RunActions } from "./RunActions.tsx";
import { RunGraph } from "./RunGraph.tsx";
import { RunHeader } from "./RunHeader.tsx";
import { RunSummaryPanel } from "./RunSummaryPanel.tsx";
import { RunTabs, type TRunTab } from "./RunTabs.tsx";
import { RunTimeline } from "./RunTimeline.tsx";
import { scenarioOfVersion } from "./run-scenario.ts";
import type { TStepRun } from "./run-types.ts";
import { StepPanel } from "./StepPanel.tsx";
import { useNow } from "./use-now.ts";
import { useRunMonitor } from "./use-run-monitor.ts";

// Opened by hand only; it brings Ajv, which the view itself does not need.
const RestartStepDialog = lazy(() =>
  import("./RestartStepDialog.tsx").then((m) => ({ default: m.RestartStepDialog })),
);

/** One run, live: graph or timeline, the picked step's details, and rework. */
export function RunMonitor({ runId }: { runId: string }) {
  const [params, setParams] = useSearchParams();
  const selectedNodeId = params.get("step") ?? undefined;
  const [pickedStepRunId, setPickedStepRunId] = useState<string | undefined>(undefined);
  const [tab, setTab] = useState<TRunTab>("graph");
  const [restarting, setRestarting] = useState(false);
  const monitor = useRunMonitor(runId);
  const operates = useCan("operate");
  const { run } = monitor;
  const active =
    run?.status === "pending" || run?.status === "running" || run?.status === "waiting";
  const now = useNow(active);
  const scenario = run ? scenarioOfVersion(run.scenarioVersion) : undefined;
  const nodeIds = useMemo(() => scenario?.nodes.map((n) => n.id) ?? [], [scenario]);
  const states = useMemo(
    () => (run ? nodeStates(run, nodeIds, now) : new Map()),
    [run, nodeIds, now],
  );
  // runs without maps do no work for them
  const maps = useMemo(() => topLevelMaps(scenario?.nodes ?? []), [scenario]);
  const itemsProgress = useMemo(
    () => (run && maps.length ? mapProgress(maps, run.stepRuns, monitor.events) : undefined),
    [run, maps, monitor.events],
  );
  const labels = useMemo(() => new Map(scenario?.nodes.map((n) => [n.id, n.label])), [scenario]);
  const labelOf = useCallback((nodeId: string) => labels.get(nodeId) ?? nodeId, [labels]);

  const select = useCallback(
    (nodeId: string | undefined, stepRunId?: string) => {
      setPickedStepRunId(stepRunId);
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          if (nodeId) next.set("step", nodeId);
          else next.delete("step");
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  if (monitor.error) {
    return (
      <div className="p-6">
        <ErrorNotice error={monitor.error} retry={monitor.retry} />
      </div>
    );
  }
  if (!run) {
    return (
      <div className="p-6">
        <LoadingRows rows={8} />
      </div>
    );
  }
  if (!scenario) {
    return (
      <div className="p-6">
        <ErrorNotice error={new Error("This run's scenario version could not be read.")} />
      </div>
    );
  }

  const selectedNode = selectedNodeId
    ? scenario.nodes.find((n) => n.id === selectedNodeId)
    : undefined;
  const selectedState = selectedNode ? states.get(selectedNode.id) : undefined;
  const shownStepRun =
    selectedState?.history.find((h: TStepRun) => h.id === pickedStepRunId) ??
    selectedState?.current;
  const progress = runProgress(run, states);
  const failedSteps = [...states.values()].filter((s) => s.state === "failed").length;
  const canRestartFrom = Boolean(
    operates && selectedNode && selectedNode.kind !== "start" && !active,
  );

  return (
    <div className="flex h-full flex-col">
      <RunHeader
        run={run}
        progress={progress}
        live={monitor.live}
        now={now}
        actions={
          operates && (
            <RunActions
              runId={run.id}
              status={run.status}
              failedSteps={failedSteps}
              selectedLabel={canRestartFrom ? selectedNode?.label : undefined}
              onRestartFromStep={() => setRestarting(true)}
            />
          )
        }
      />
      <div className="flex min-h-0 flex-1">
        <div className="flex min-w-0 flex-1 flex-col">
          <RunTabs tab={tab} onChange={setTab} />
          <div className="min-h-0 flex-1 bg-zinc-50 dark:bg-zinc-950">
            {tab === "graph" ? (
              <RunGraph
                scenario={scenario}
                states={states}
                selectedNodeId={selectedNodeId}
                onSelect={(nodeId) => select(nodeId)}
                progress={itemsProgress}
              />
            ) : (
              <div className="h-full bg-white dark:bg-zinc-900">
                <RunTimeline
                  stepRuns={run.stepRuns}
                  labelOf={labelOf}
                  now={now}
                  selectedStepRunId={shownStepRun?.id}
                  onSelect={(step) => select(step.nodeId, step.id)}
                />
              </div>
            )}
          </div>
        </div>
        <div className="w-[27rem] shrink-0 overflow-y-auto border-zinc-200 border-l bg-white dark:border-zinc-800 dark:bg-zinc-900">
          {selectedNode && selectedState ? (
            <StepPanel
              node={selectedNode}
              state={selectedState}
              stepRun={shownStepRun}
              events={monitor.events}
              now={now}
              canRestart={canRestartFrom}
              onPick={(step) => select(step.nodeId, step.id)}
              onRestart={() => setRestarting(true)}
              onClose={() => select(undefined)}
              items={
                selectedNode.kind === "map" && (
                  <MapItemsSection
                    runId={run.id}
                    node={selectedNode}
                    mapStepRun={shownStepRun}
                    stepRuns={run.stepRuns}
                    events={monitor.events}
                    now={now}
                    canRestart={!active}
                  />
                )
              }
            />
          ) : (
            <RunSummaryPanel run={run} events={monitor.events} />
          )}
        </div>
      </div>
      {restarting && selectedNode && (
        <Suspense fallback={null}>
          <RestartStepDialog
            runId={run.id}
            node={selectedNode}
            stepRun={shownStepRun}
            onClose={() => setRestarting(false)}
          />
        </Suspense>
      )}
    </div>
  );
}
