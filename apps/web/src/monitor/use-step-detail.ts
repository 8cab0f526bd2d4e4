import { skipToken, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "../lib/trpc.ts";
import type { TStepRun } from "./run-types.ts";

/**
 * A step run's input and output. The live run says when the step last changed; a copy
 * older than that is fetched again.
 */
export const useStepDetail = (stepRun: TStepRun | undefined) => {
  const trpc = useTRPC();
  const detail = useQuery(trpc.runs.stepRun.queryOptions(stepRun ? { id: stepRun.id } : skipToken));
  const changedAt = stepRun ? Date.parse(stepRun.updatedAt) : 0;
  const fetchedAt = detail.data ? Date.parse(detail.data.updatedAt) : Number.POSITIVE_INFINITY;
  const { refetch } = detail;
  useEffect(() => {
    if (fetchedAt < changedAt) void refetch();
  }, [fetchedAt, changedAt, refetch]);
  return detail;
};
