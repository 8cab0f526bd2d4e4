import { listNodes, type TNode } from "@baton/model";
import { lazy, memo, Suspense, useCallback, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useCan } from "../auth/use-session.ts";
import { useThrottled } from "../lib/use-throttled.ts";
import { ErrorNotice, LoadingRows } from "../ui/States.tsx";
import type { TNameStep } from "./event-summary.ts";
import { MapItemsSection } from "./MapItemsSection.tsx";
import { mapProgress, topLevelMaps } from "./map-items.ts";
import { bodyNodeState, nodeStates, runProgress, type TNodeState } from "./node-states.ts";
import { withPinnedNotes } from "./pinned-notes.ts";
import { RunActions } from "./RunActions.tsx";
import { RunGraph } from "./RunGraph.tsx";
import { RunHeader } from "./RunHeader.tsx";
import { RunSummaryPanel } from "./RunSummaryPanel.tsx";
import { RunTabs, type TRunTab } from "./RunTabs.tsx";
import { RunTimeline } from "./RunTimeline.tsx";
import { scenarioOfVersion } from "./run-scenario.ts";
import type { TRunDetail, TRunEvent, TStepRun } from "./run-types.ts";
import { StepPanel } from "./StepPanel.tsx";
import { TestRunActions } from "./TestRunActions.tsx";
import { useNow } from "./use-now.ts";
import { useRunMonitor } from "./use-run-monitor.ts";

// Opened by hand only; it brings Ajv, which the view itself does not need.
const RestartStepDialog = lazy(() =>
  import("./RestartStepDialog.tsx").then((m) => ({ default: m.RestartStepDialog })),
);

// While events stream, a picked step's panel redraws a few times a second, not per batch.
const PANEL_MS = 250;

/** A picked step's panel, redrawn only when its (throttled) inputs change. */
const PickedStepPanel = memo(function PickedStepPanel({
  run,
  node,
  state,
  stepRun,
  events,
  now,
  active,
  canRestart,
  onPick,
  onRestart,
  onClose,
  nameStep,
}: {
  run: TRunDetail;
  node: TNode;
  state: TNodeState;
  stepRun: TStepRun | undefined;
  events: readonly TRunEvent[];
  now: number;
  active: boolean;
  canRestart: boolean;
  onPick: (step: TStepRun) => void;
  onRestart: () => void;
  onClose: () => void;
  nameStep: TNameStep;
}) {
  return (
    <StepPanel
      node={node}
      state={state}
      stepRun={stepRun}
      events={events}
      now={now}
      canRestart={canRestart}
      onPick={onPick}
      onRestart={onRestart}
      onClose={onClose}
      nameStep={nameStep}
      pinned={run.scenarioVersion.pinned.includes(node.id)}
      items={
        node.kind === "map" && (
          <MapItemsSection
            runId={run.id}
            node={node}
            mapStepRun={stepRun}
            stepRuns={run.stepRuns}
            events={events}
            now={now}
            canRestart={!active}
          />
        )
      }
    />
  );
});

/** One run, live: graph or timeline, the picked step's details, and rework. */
export function RunMonitor({ runId }: { runId: string }) {
  const [params, setParams] = useSearchParams();
  const selectedNodeId = params.get("step") ?? undefined;
  const [pickedStepRunId, setPickedStepRunId] = useState<string | undefined>(undefined);
  const [tab, setTab] = useState<TRunTab>("graph");
  const [restarting, setRestarting] = useState(false);
  const monitor = useRunMonitor(runId);
  const operates = useCan("operate");
  const designs = useCan("design");
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
  const pinned = run?.scenarioVersion.pinned;
  const notes = useMemo(
    () => withPinnedNotes(itemsProgress, pinned ?? []),
    [itemsProgress, pinned],
  );
  // map bodies included: the timeline has a row for each item's body steps
  const places = useMemo(() => (scenario ? listNodes(scenario) : []), [scenario]);
  const names = useMemo(
    () => new Map(places.map((p) => [p.node.id, { label: p.node.label, kind: p.node.kind }])),
    [places],
  );
  const nameStep = useCallback((nodeId: string) => names.get(nodeId), [names]);

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
  const selectNode = useCallback((nodeId: string | undefined) => select(nodeId), [select]);
  const pickStep = useCallback((step: TStepRun) => select(step.nodeId, step.id), [select]);
  const closePanel = useCallback(() => select(undefined), [select]);
  const openRestart = useCallback(() => setRestarting(true), []);
  // only a picked step's panel is throttled; with none picked nothing extra re-renders
  const live = useMemo(
    () => (selectedNodeId && run ? { run, states, events: monitor.events } : undefined),
    [selectedNodeId, run, states, monitor.events],
  );
  const panel = useThrottled(live, PANEL_MS) ?? live;

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

  const selectedPlace = selectedNodeId
    ? places.find((p) => p.node.id === selectedNodeId)
    : undefined;
  const selectedNode = selectedPlace?.node;
  // a step inside a map's body (picked in the timeline) shows the item picked there
  const inBody = selectedPlace?.map !== undefined;
  const selectedState = !selectedNode
    ? undefined
    : inBody
      ? bodyNodeState(panel?.run ?? run, selectedNode.id, now, pickedStepRunId)
      : (panel?.states ?? states).get(selectedNode.id);
  const shownStepRun =
    selectedState?.history.find((h: TStepRun) => h.id === pickedStepRunId) ??
    selectedState?.current;
  const progress = runProgress(run, states);
  const failedSteps = [...states.values()].filter((s) => s.state === "failed").length;
  // a body step restarts per item, from the map's item list
  const canRestartFrom = Boolean(
    operates && selectedNode && !inBody && selectedNode.kind !== "start" && !active,
  );

  return (
    <div className="flex h-full flex-col">
      <RunHeader
        run={run}
        progress={progress}
        live={monitor.live}
        now={now}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            {operates && (
              <RunActions
                runId={run.id}
                status={run.status}
                failedSteps={failedSteps}
                selectedLabel={canRestartFrom ? selectedNode?.label : undefined}
                onRestartFromStep={() => setRestarting(true)}
              />
            )}
            {run.test && designs && (
              <TestRunActions
                runId={run.id}
                scenarioId={run.scenarioVersion.scenario.id}
                active={active}
                cancels={!operates}
              />
            )}
          </div>
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
                onSelect={selectNode}
                progress={notes}
              />
            ) : (
              <div className="h-full bg-white dark:bg-zinc-900">
                <RunTimeline
                  stepRuns={run.stepRuns}
                  nameStep={nameStep}
                  now={now}
                  selectedStepRunId={shownStepRun?.id}
                  onSelect={pickStep}
                />
              </div>
            )}
          </div>
        </div>
        {/* contained: the panel's events growing never lays out or paints the graph beside it */}
        <div className="w-[22rem] shrink-0 xl:w-[27rem] overflow-y-auto border-zinc-200 [contain:strict] border-l bg-white dark:border-zinc-800 dark:bg-zinc-900">
          {selectedNode && selectedState ? (
            <PickedStepPanel
              run={panel?.run ?? run}
              node={selectedNode}
              state={selectedState}
              stepRun={shownStepRun}
              events={panel?.events ?? monitor.events}
              now={now}
              active={active}
              canRestart={canRestartFrom}
              onPick={pickStep}
              onRestart={openRestart}
              onClose={closePanel}
              nameStep={nameStep}
            />
          ) : (
            <RunSummaryPanel run={run} events={monitor.events} nameStep={nameStep} />
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
