import type { TStepError } from "@baton/model";
import type { TOutcome } from "./advance.ts";

/** Where steps run: a run of a version, and the scope of a graph in it ("" for its own). */
export type TAt = { runId: string; versionId: string; scope: string };

/** A step run's current attempt: a transition of it checks the step still holds it. */
export type TStepRef = { id: string; nodeId: string; attempt: number };

export type TRunEnd = "succeeded" | "failed" | "cancelled";

/**
 * What the run rules decide, for the applier (`apply/apply-effects.ts`) to write in the
 * caller's transaction. An effect says what to store, never what follows from it: that
 * is decided again from the facts the applier reports once it has stored it.
 */
export type TEffect =
  /** a step's result; `branch` is the one a choice picked */
  | {
      kind: "succeed-step";
      at: TAt;
      step: TStepRef;
      output: unknown;
      input?: unknown;
      branch?: string;
    }
  /** a step fails for good */
  | { kind: "fail-step"; at: TAt; step: TStepRef; error: TStepError; input?: unknown }
  /** an attempt failed; the next one runs after `delayMs` */
  | {
      kind: "retry-step";
      at: TAt;
      step: TStepRef;
      error: TStepError;
      input?: unknown;
      delayMs: number;
    }
  /** nodes that are now ready get step runs and jobs; `inputs` sets one's input ahead (edited by hand) */
  | { kind: "schedule"; at: TAt; nodeIds: string[]; inputs?: Record<string, unknown> }
  /** nodes no branch leads to any more */
  | { kind: "skip"; at: TAt; nodeIds: string[] }
  /** a graph starts: its start node is done at once, `input` its output */
  | { kind: "start-graph"; at: TAt; startNodeId: string; input: unknown }
  /** a run: `parentStepRunId` when a subscenario step of another run waits for it */
  | {
      kind: "create-run";
      /** chosen by the caller when it needs to know it; else a new one */
      runId?: string;
      versionId: string;
      input: unknown;
      trigger: string;
      startedById?: string | undefined;
      parentStepRunId?: string | undefined;
      /** a test run (README, "Test runs"); a run a test run's step starts is one too */
      test?: boolean | undefined;
    }
  | {
      kind: "end-run";
      runId: string;
      status: TRunEnd;
      output?: unknown;
      error?: unknown;
      actorId?: string | undefined;
    }
  /** an item of a map ended; `withoutEnd` when its paths all ended before its end node */
  | { kind: "end-item"; at: TAt; mapNodeId: string; withoutEnd: boolean }
  /** an item of a map failed with no error edge to take */
  | { kind: "fail-item"; at: TAt; mapNodeId: string; error: TStepError }
  /** the next `count` items of a map step start */
  | { kind: "start-items"; at: TAt; mapStep: TStepRef; count: number }
  /** more items of a map step start later, in a transaction of their own */
  | { kind: "start-items-later"; at: TAt; mapStep: TStepRef }
  /** every item of a map step is done: its output is theirs, in item order */
  | { kind: "gather-items"; at: TAt; mapStep: TStepRef; total: number }
  /** a map step parks on its list */
  | { kind: "park-map"; at: TAt; step: TStepRef; items: unknown[] }
  /** a manual step parks and opens its task */
  | { kind: "open-task"; at: TAt; step: TStepRef; input: unknown; dueAt: Date | null }
  /** a wait parks until its time */
  | { kind: "wait-until"; at: TAt; step: TStepRef; until: Date }
  /** a subscenario step parks, to start a run of `versionId` */
  | { kind: "park-for-child"; at: TAt; step: TStepRef; versionId: string; input: unknown }
  /** a run's status follows its open tasks: `waiting` while one is open */
  | { kind: "sync-waiting"; runId: string };

/**
 * What the applier reports once it has stored an effect, for the run rules to decide what
 * follows (`flow/decide.ts`).
 */
export type TFact =
  /** a step finished; `outcome` says which of its edges it takes */
  | {
      kind: "step-done";
      at: TAt;
      step: TStepRef;
      outcome: TOutcome;
      output?: unknown;
      error?: TStepError;
    }
  | { kind: "run-created"; runId: string; versionId: string; input: unknown }
  | {
      kind: "run-ended";
      runId: string;
      status: TRunEnd;
      output?: unknown;
      error?: unknown;
      actorId?: string | undefined;
    }
  /** a map step parked on its list of `total` items */
  | { kind: "map-parked"; at: TAt; mapStep: TStepRef; total: number }
  /** a subscenario step parked */
  | { kind: "child-due"; at: TAt; step: TStepRef; versionId: string; input: unknown }
  /** items of a map step were counted started: `items` begin now, by index */
  | {
      kind: "items-taken";
      at: TAt;
      mapStep: TStepRef;
      items: { index: number; value: unknown }[];
      started: number;
      done: number;
      total: number;
    }
  /** an item was counted done: the map step's counts after it */
  | {
      kind: "item-counted";
      at: TAt;
      mapStep: TStepRef;
      done: number;
      started: number;
      total: number;
    }
  /** a map's items' outputs, in item order */
  | { kind: "items-gathered"; at: TAt; mapStep: TStepRef; outputs: unknown[] }
  /** the other items of a waiting map step were cancelled after item `index` failed */
  | { kind: "item-failed"; at: TAt; mapStep: TStepRef; index: number; error: TStepError };
