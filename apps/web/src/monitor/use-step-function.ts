import { skipToken, useQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.ts";

/** The catalog entry of the function a step calls, for checking an edited input against. */
export const useStepFunction = (runId: string, nodeId: string | undefined) => {
  const trpc = useTRPC();
  return useQuery(trpc.runs.stepFunction.queryOptions(nodeId ? { id: runId, nodeId } : skipToken));
};
