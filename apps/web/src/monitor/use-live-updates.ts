import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useEffect, useRef } from "react";
import { useTRPC } from "../lib/trpc.ts";
import { staleTargets, type TLiveTarget } from "./live-invalidation.ts";

// Events come in bursts (a step ends, the next is scheduled); one refetch covers a burst.
const COALESCE_MS = 80;

/**
 * Keeps the run dashboard, the task inbox and the navigation counts live: one
 * subscription to every run's events marks the lists they change as stale.
 */
export const useLiveUpdates = (): void => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useRef(new Set<TLiveTarget>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(() => {
    timer.current = undefined;
    const keys = {
      runs: [trpc.runs.list.pathKey()],
      overview: [trpc.system.overview.pathKey(), trpc.runs.counts.pathKey()],
      tasks: [trpc.tasks.pathKey()],
    };
    for (const target of pending.current) {
      for (const queryKey of keys[target]) void queryClient.invalidateQueries({ queryKey });
    }
    pending.current.clear();
  }, [queryClient, trpc]);

  useEffect(() => () => clearTimeout(timer.current), []);

  useSubscription(
    trpc.runs.feed.subscriptionOptions(undefined, {
      onData: (events) => {
        for (const event of events) {
          for (const target of staleTargets(event.type)) pending.current.add(target);
        }
        if (pending.current.size > 0 && timer.current === undefined) {
          timer.current = setTimeout(flush, COALESCE_MS);
        }
      },
    }),
  );
};
