import type { TRunEvent as TStoredRunEvent } from "@baton/model";
import type { AppRouter } from "@baton/server";
import type { inferRouterOutputs } from "@trpc/server";

type TOutputs = inferRouterOutputs<AppRouter>;

/**
 * A run as `runs.monitor` sends it: the version's definition and every step run,
 * superseded ones too, with states and timings but without step inputs and outputs.
 */
export type TRunDetail = TOutputs["runs"]["monitor"];
export type TStepRun = TRunDetail["stepRuns"][number];
export type TStepAttempt = TStepRun["attempts"][number];
/** One step run in full, inputs and outputs included (`runs.stepRun`). */
export type TStepDetail = TOutputs["runs"]["stepRun"];
export type TRunSummary = TOutputs["runs"]["list"]["items"][number];
export type TRunStatus = TRunDetail["status"];

/** One run event as the monitor keeps it: the union of `@baton/model`, its date as ISO text. */
export type TRunEvent = TStoredRunEvent<string>;
