import { listNodes, type TMapNode, type TNode } from "@baton/model";
import { ChevronRight, RotateCcw } from "lucide-react";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { formatDuration } from "../lib/format.ts";
import { readStepError } from "../lib/step-error.ts";
import { ErrorBox } from "../ui/ErrorBox.tsx";
import { PanelSection } from "../ui/PanelSection.tsx";
import {
  bodyNodeIds,
  itemCountOf,
  itemsDone,
  itemTone,
  mapItems,
  previewValue,
  type TMapItem,
} from "./map-items.ts";
import type { TRunEvent, TStepRun } from "./run-types.ts";
import { StepData } from "./StepData.tsx";
import { StepStateBadge } from "./StepStateBadge.tsx";
import { TONE_CLASSES } from "./tone-classes.ts";
import { useStepDetail } from "./use-step-detail.ts";

const RestartStepDialog = lazy(() =>
  import("./RestartStepDialog.tsx").then((m) => ({ default: m.RestartStepDialog })),
);

const ROW =
  "flex w-full items-center gap-2 px-2.5 py-1.5 text-left text-xs hover:bg-zinc-50 dark:hover:bg-zinc-800/50";
const PICKED = "bg-indigo-50 dark:bg-indigo-500/10";

/**
 * The items of a map step, each with its body steps: what ran in that item, its data,
 * and restarting the item from one of its steps. Mounted only while a map step is shown.
 */
export function MapItemsSection({
  runId,
  node,
  mapStepRun,
  stepRuns,
  events,
  now,
  canRestart,
}: {
  runId: string;
  node: TMapNode;
  mapStepRun: TStepRun | undefined;
  stepRuns: readonly TStepRun[];
  events: readonly TRunEvent[];
  now: number;
  canRestart: boolean;
}) {
  // the map step's input is its list
  const detail = useStepDetail(mapStepRun);
  const list = Array.isArray(detail.data?.input) ? (detail.data.input as unknown[]) : undefined;
  const mapScope = mapStepRun?.scope ?? "";
  const count = list?.length ?? itemCountOf(events, node.id, mapScope);
  const bodyIds = useMemo(() => bodyNodeIds(node), [node]);
  const bodyNodes = useMemo(
    () => new Map(listNodes(node.body).map((p) => [p.node.id, p.node])),
    [node],
  );
  const items = useMemo(
    () => mapItems(stepRuns, bodyIds, mapScope, count, now),
    [stepRuns, bodyIds, mapScope, count, now],
  );
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const failedIndex = items.find((i) => i.state === "failed")?.index;
  // a failed item opens by itself, and stays open while it reruns
  useEffect(() => {
    if (picked === undefined && failedIndex !== undefined) setPicked(failedIndex);
  }, [picked, failedIndex]);
  const shownIndex = picked ?? failedIndex;
  const shown = shownIndex === undefined ? undefined : items[shownIndex];
  if (!items.length) return null;
  return (
    <>
      <PanelSection
        title="Items"
        aside={
          <span className="text-[11px] text-zinc-500 tabular-nums">
            {itemsDone(items)} / {items.length} done
          </span>
        }
      >
        <ol
          aria-label="Items"
          className="max-h-64 divide-y divide-zinc-100 overflow-y-auto rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
        >
          {items.map((item) => (
            <li key={item.scope}>
              <button
                type="button"
                onClick={() => setPicked(item.index)}
                aria-current={item.index === shownIndex || undefined}
                aria-label={`Item ${item.index}: ${item.state}`}
                className={`${ROW} ${item.index === shownIndex ? PICKED : ""}`}
              >
                <span className="w-12 shrink-0 font-medium tabular-nums">Item {item.index}</span>
                <span className="min-w-0 flex-1 truncate font-mono text-zinc-600 dark:text-zinc-300">
                  {previewValue(list?.[item.index])}
                </span>
                <ItemStateBadge state={item.state} />
                <span className="w-12 shrink-0 text-right text-zinc-500 tabular-nums">
                  {item.durationMs === undefined ? "" : formatDuration(item.durationMs)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </PanelSection>
      {shown && (
        <ItemSteps
          key={shown.scope}
          runId={runId}
          item={shown}
          bodyNodes={bodyNodes}
          canRestart={canRestart}
        />
      )}
    </>
  );
}

function ItemStateBadge({ state }: { state: TMapItem["state"] }) {
  const tone = TONE_CLASSES[itemTone(state)];
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-md px-1.5 py-0.5 font-medium text-xs ring-1 ring-inset ${tone.badge}`}
    >
      <span
        className={`size-1.5 rounded-full ${tone.dot} ${state === "running" ? "animate-pulse" : ""}`}
        aria-hidden
      />
      {state}
    </span>
  );
}

const keyOf = (step: TStepRun) => `${step.scope}|${step.nodeId}`;

/** The body steps one item ran; one of them opened with its data. */
function ItemSteps({
  runId,
  item,
  bodyNodes,
  canRestart,
}: {
  runId: string;
  item: TMapItem;
  bodyNodes: ReadonlyMap<string, TNode>;
  canRestart: boolean;
}) {
  const steps = [...item.steps, ...item.nested];
  const [openKey, setOpenKey] = useState<string | undefined>(() => {
    const first = steps.find((s) => s.status === "failed") ?? steps.at(-1);
    return first && keyOf(first);
  });
  // by node and scope, so a step stays open when a restart replaces its step run
  const open = steps.find((s) => keyOf(s) === openKey);
  return (
    <PanelSection title={`Item ${item.index} · steps`}>
      {!steps.length ? (
        <p className="rounded-md border border-zinc-300 border-dashed px-3 py-3 text-center text-xs text-zinc-500 dark:border-zinc-700">
          This item has not started yet.
        </p>
      ) : (
        <ol
          aria-label={`Steps of item ${item.index}`}
          className="divide-y divide-zinc-100 overflow-hidden rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
        >
          {steps.map((step) => {
            const bodyNode = bodyNodes.get(step.nodeId);
            const isOpen = open?.id === step.id;
            const message = readStepError(step.error)?.message;
            return (
              <li key={step.id}>
                <button
                  type="button"
                  onClick={() => setOpenKey(isOpen ? undefined : keyOf(step))}
                  aria-expanded={isOpen}
                  className={`${ROW} ${isOpen ? PICKED : ""}`}
                >
                  <ChevronRight
                    className={`size-3.5 shrink-0 text-zinc-400 transition-transform ${isOpen ? "rotate-90" : ""}`}
                    aria-hidden
                  />
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">
                      {bodyNode?.label ?? step.nodeId}
                      {step.scope !== item.scope && (
                        <span className="ml-1.5 font-mono font-normal text-zinc-500">
                          item {step.scope}
                        </span>
                      )}
                    </span>
                    {message && (
                      <span className="block truncate text-red-700 dark:text-red-300">
                        {message}
                      </span>
                    )}
                  </span>
                  {step.attempt > 1 && (
                    <span className="shrink-0 text-zinc-500 tabular-nums">
                      {step.attempt} attempts
                    </span>
                  )}
                  <StepStateBadge state={step.status} kind={bodyNode?.kind} />
                </button>
                {isOpen && bodyNode && (
                  <BodyStep runId={runId} node={bodyNode} stepRun={step} canRestart={canRestart} />
                )}
              </li>
            );
          })}
        </ol>
      )}
    </PanelSection>
  );
}

/** One body step of an item, opened: its error, input and output, and the item's restart. */
function BodyStep({
  runId,
  node,
  stepRun,
  canRestart,
}: {
  runId: string;
  node: TNode;
  stepRun: TStepRun;
  canRestart: boolean;
}) {
  const [restarting, setRestarting] = useState(false);
  const label = `${node.label} in item ${stepRun.scope}`;
  return (
    <section
      aria-label={label}
      className="space-y-3 border-zinc-100 border-t bg-zinc-50/60 px-2.5 py-2.5 dark:border-zinc-800 dark:bg-zinc-950/40"
    >
      {canRestart && node.kind !== "start" && (
        <button
          type="button"
          onClick={() => setRestarting(true)}
          className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2 py-1 font-medium text-xs shadow-xs hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
        >
          <RotateCcw className="size-3.5" aria-hidden />
          Restart this item from {node.label}
        </button>
      )}
      <ErrorBox error={stepRun.error} label="Item step error" />
      <StepData stepRun={stepRun} label="Item step" />
      {restarting && (
        <Suspense fallback={null}>
          <RestartStepDialog
            runId={runId}
            node={node}
            stepRun={stepRun}
            scope={stepRun.scope}
            onClose={() => setRestarting(false)}
          />
        </Suspense>
      )}
    </section>
  );
}
