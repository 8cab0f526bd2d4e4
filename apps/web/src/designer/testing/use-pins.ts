import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc.ts";
import { useDraftTest } from "./draft-test-context.ts";

/** The draft's pinned outputs, by step id; one query shared by the canvas and the panel. */
export const usePins = () => {
  const trpc = useTRPC();
  const draft = useDraftTest();
  return useQuery({
    ...trpc.testRuns.pins.queryOptions({ scenarioId: draft?.scenarioId ?? "" }),
    enabled: draft !== undefined,
    select: (pins) => new Map(pins.map((pin) => [pin.nodeId, pin])),
  });
};
