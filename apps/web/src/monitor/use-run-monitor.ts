import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useTRPC } from "../lib/trpc.ts";
import { useIdle } from "../lib/use-idle.ts";
import { applyEvents, needsRefetch, snapshotWatermark } from "./apply-events.ts";
import type { TRunDetail, TRunEvent } from "./run-types.ts";

// A refetch waits for a burst to settle, but never longer than this.
const REFETCH_DEBOUNCE_MS = 120;
const REFETCH_MAX_WAIT_MS = 1000;

/** An event as JSON brought it: the union's `unknown` values may have been left out. */
type TSentEvent = Omit<TRunEvent, "data" | "createdAt"> & {
  data: object;
  createdAt: string | Date;
};

const toRunEvent = (event: TSentEvent): TRunEvent =>
  ({ ...event, createdAt: String(event.createdAt) }) as TRunEvent;

export type TRunMonitor = {
  run: TRunDetail | undefined;
  events: TRunEvent[];
  error: unknown;
  live: "connecting" | "live" | "error";
  retry: () => void;
};

/**
 * A run kept live: the `runs.monitor` snapshot with the run's event stream applied on top.
 * Statuses, attempts, timings and errors come from the events at once; the snapshot is
 * fetched again only when a run or task event brings what events do not carry.
 */
export const useRunMonitor = (runId: string): TRunMonitor => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const snapshot = useQuery(trpc.runs.monitor.queryOptions({ id: runId }));
  const idle = useIdle(snapshot.data !== undefined);
  // History comes in one answer; the live stream then goes on from its last event.
  const log = useQuery(
    trpc.runs.eventLog.queryOptions(
      { runId },
      {
        // asked once the snapshot is drawn and the page idle, so drawing the run never
        // shares the network or the main thread with its history
        enabled: snapshot.data !== undefined && idle,
        staleTime: Number.POSITIVE_INFINITY,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    ),
  );
  const history = useMemo(() => log.data?.map(toRunEvent), [log.data]);
  const [live, setLive] = useState<TRunEvent[]>([]);
  const events = useMemo(() => (history ? [...history, ...live] : live), [history, live]);
  const buffer = useRef<TRunEvent[]>([]);
  const seen = useRef(new Set<string>());
  const frame = useRef<number | undefined>(undefined);
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refetchDeadline = useRef<number | undefined>(undefined);
  const watermark = useRef(Number.POSITIVE_INFINITY);

  useEffect(() => {
    if (snapshot.data) watermark.current = snapshotWatermark(snapshot.data);
  }, [snapshot.data]);

  const refetch = useCallback(() => {
    refetchTimer.current = undefined;
    refetchDeadline.current = undefined;
    void queryClient.invalidateQueries({ queryKey: trpc.runs.monitor.queryKey({ id: runId }) });
  }, [queryClient, trpc, runId]);

  const scheduleRefetch = useCallback(() => {
    const now = Date.now();
    refetchDeadline.current ??= now + REFETCH_MAX_WAIT_MS;
    clearTimeout(refetchTimer.current);
    const wait = Math.min(REFETCH_DEBOUNCE_MS, Math.max(0, refetchDeadline.current - now));
    refetchTimer.current = setTimeout(refetch, wait);
  }, [refetch]);

  // History arrives after the snapshot; what happened in between may need a newer one.
  useEffect(() => {
    if (history?.some((e) => Date.parse(e.createdAt) > watermark.current && needsRefetch(e))) {
      scheduleRefetch();
    }
  }, [history, scheduleRefetch]);

  // Events that arrived since the last frame are drawn in the next one, rendered right in it
  // (not in a task after it), so they show one frame after they came and a burst costs at
  // most one render per frame; a hidden tab draws nothing until it is shown again.
  const flush = useCallback(() => {
    frame.current = undefined;
    const batch = buffer.current;
    buffer.current = [];
    if (batch.length) flushSync(() => setLive((all) => [...all, ...batch]));
  }, []);

  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
      clearTimeout(refetchTimer.current);
    },
    [],
  );

  const subscription = useSubscription(
    trpc.runs.events.subscriptionOptions(
      { runId, lastEventId: history?.at(-1)?.id ?? null },
      {
        enabled: history !== undefined,
        onData: ({ data: batch }) => {
          for (const data of batch) {
            if (seen.current.has(data.id)) continue;
            seen.current.add(data.id);
            const event = toRunEvent(data);
            buffer.current.push(event);
            if (Date.parse(event.createdAt) > watermark.current && needsRefetch(event)) {
              scheduleRefetch();
            }
          }
          if (buffer.current.length) frame.current ??= requestAnimationFrame(flush);
        },
      },
    ),
  );

  // Only events new since the last render are applied, unless a new snapshot came in.
  const derived = useRef<{ snapshot: TRunDetail; applied: number; run: TRunDetail } | undefined>(
    undefined,
  );
  const run = useMemo(() => {
    if (!snapshot.data) return undefined;
    const before = derived.current;
    const fresh = !before || before.snapshot !== snapshot.data;
    const base = fresh ? snapshot.data : before.run;
    const next = applyEvents(base, events.slice(fresh ? 0 : before.applied));
    derived.current = { snapshot: snapshot.data, applied: events.length, run: next };
    return next;
  }, [snapshot.data, events]);

  return {
    run,
    events,
    error: snapshot.error ?? log.error,
    live:
      subscription.status === "error"
        ? "error"
        : subscription.status === "pending"
          ? "live"
          : "connecting",
    retry: () => void snapshot.refetch(),
  };
};
