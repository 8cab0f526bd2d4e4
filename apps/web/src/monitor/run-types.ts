import type { AppRouter } from "@baton/server";
import type { inferRouterOutputs } from "@trpc/server";

type TOutputs = inferRouterOutputs<AppRouter>;

/** A run as `runs.get` sends it: the version's definition and every step run, superseded ones too. */
export type TRunDetail = TOutputs["runs"]["get"];
export type TStepRun = TRunDetail["stepRuns"][number];
export type TStepAttempt = TStepRun["attempts"][number];
export type TRunSummary = TOutputs["runs"]["list"]["items"][number];
export type TRunStatus = TRunDetail["status"];

/** One run event as the monitor keeps it (the subscriptions send ids as strings, dates as ISO text). */
export type TRunEvent = {
  id: string;
  runId: string;
  stepRunId: string | null;
  type: string;
  data: unknown;
  createdAt: string;
};
