import type { TDatabase } from "@baton/db";
import type { TRunEvent } from "@baton/model";
import pg from "pg";
import { readEventRanges } from "../store/events.ts";
import { CANCEL_CHANNEL, EVENTS_CHANNEL, type TSql } from "../store/sql.ts";

export type TEventListener = (event: TRunEvent) => void;

export type TEventFeed = {
  /** Every event of one run, or of all runs when runId is null, from now on. */
  subscribe(runId: string | null, listener: TEventListener): () => void;
  /** Runs cancelled in any process, without reading their events. */
  onCancel(listener: (runId: string) => void): () => void;
  close(): Promise<void>;
};

/** A run's events as notified: inline when they fit the payload, else ids to read. */
type TNotice = { events: TRunEvent[] } | { runId: string; from: bigint; to: bigint };

type TInlineEvent = TRunEvent<string>;

const parseNotice = (payload: string): TNotice | undefined => {
  if (payload.startsWith("[")) {
    const events = JSON.parse(payload) as TInlineEvent[];
    // a timestamp without zone, read as local time the way the driver reads the column
    return { events: events.map((e) => ({ ...e, createdAt: new Date(e.createdAt) })) };
  }
  const [runId, from, to] = payload.split(":");
  if (!runId || !from || !to) return undefined;
  return { runId, from: BigInt(from), to: BigInt(to) };
};

/**
 * LISTENs on a dedicated connection and reconnects (with backoff) when the server goes
 * away, so the feed survives a database restart. Events written while it was away are
 * not replayed here: the run view loads stored events when it (re)subscribes.
 */
const listenPostgres = async (
  url: string,
  channels: string[],
  onNotice: (channel: string, payload: string) => void,
) => {
  let client: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const open = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on(
      "notification",
      (message) => message.payload && onNotice(message.channel, message.payload),
    );
    next.on("error", () => {});
    try {
      await next.connect();
      await next.query(channels.map((channel) => `LISTEN ${channel}`).join("; "));
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    next.on("end", () => !closed && reconnect(100));
    client = next;
  };
  const reconnect = (delayMs: number) => {
    client = undefined;
    timer = setTimeout(() => open().catch(() => reconnect(Math.min(delayMs * 2, 5_000))), delayMs);
  };
  await open();
  return async () => {
    closed = true;
    clearTimeout(timer);
    await client?.end().catch(() => {});
  };
};

/**
 * Live run events from every process sharing the database. Transactions that write
 * events NOTIFY at commit with the events (or, when too large for a notification, the
 * ids they wrote, which one LISTEN per process then reads) and hands them to subscribers.
 * Taking what each commit wrote never misses an event committed out of id order, which
 * polling `id > last` would.
 */
export const createEventFeed = async (
  db: TDatabase,
  sql: TSql,
  options: { events: boolean },
): Promise<TEventFeed> => {
  const listeners = new Map<string | null, Set<TEventListener>>();
  const cancelListeners = new Set<(runId: string) => void>();
  let pending: TNotice[] = [];
  let reading: Promise<void> | undefined;

  const dispatch = (event: TRunEvent) => {
    for (const key of [event.runId, null]) {
      for (const listener of listeners.get(key) ?? []) {
        try {
          listener(event);
        } catch {
          // a broken subscriber must not starve the others
        }
      }
    }
  };

  const wanted = (runId: string) => listeners.has(runId) || listeners.has(null);

  /** Hands out notices in the order they came; consecutive range notices share one read. */
  const drain = async () => {
    while (pending.length) {
      const batch = pending;
      pending = [];
      let ranges: Extract<TNotice, { runId: string }>[] = [];
      for (const notice of [...batch, undefined]) {
        if (notice && "runId" in notice) {
          if (wanted(notice.runId)) ranges.push(notice);
          continue;
        }
        if (ranges.length) {
          // the store wrote them, by the run-event union (checked in every engine test)
          for (const e of await readEventRanges(sql, ranges)) dispatch(e as TRunEvent);
        }
        ranges = [];
        if (notice) for (const e of notice.events) if (wanted(e.runId)) dispatch(e);
      }
    }
  };

  const kick = () => {
    reading ??= drain()
      .catch(() => {
        // the database is away; the events stay stored and the run view reloads them
      })
      .finally(() => {
        reading = undefined;
        if (pending.length) kick();
      });
  };

  const onNotice = (payload: string) => {
    const notice = parseNotice(payload);
    if (!notice) return;
    if ("events" in notice && !reading && !pending.length) {
      // nothing to wait for: no read is ahead of these events
      for (const e of notice.events) if (wanted(e.runId)) dispatch(e);
      return;
    }
    pending.push(notice);
    kick();
  };

  const onCancelNotice = (runId: string) => {
    for (const listener of cancelListeners) listener(runId);
  };

  // a process that hears no events spares the database a delivery of each one to it
  const channels = options.events ? [CANCEL_CHANNEL, EVENTS_CHANNEL] : [CANCEL_CHANNEL];
  const onChannel = (channel: string, payload: string) =>
    channel === CANCEL_CHANNEL ? onCancelNotice(payload) : onNotice(payload);
  const { pglite } = db;
  const unlisten = pglite
    ? await Promise.all(
        channels.map((channel) => pglite.listen(channel, (payload) => onChannel(channel, payload))),
      ).then((stops) => async () => {
        for (const stop of stops) await stop();
      })
    : await listenPostgres(db.databaseUrl!, channels, onChannel);

  return {
    subscribe(runId, listener) {
      if (!options.events) {
        throw new Error("This engine was created with `events: false`: it hears cancels only.");
      }
      const set = listeners.get(runId) ?? new Set();
      listeners.set(runId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (!set.size) listeners.delete(runId);
      };
    },
    onCancel(listener) {
      cancelListeners.add(listener);
      return () => cancelListeners.delete(listener);
    },
    close: async () => {
      listeners.clear();
      cancelListeners.clear();
      await reading;
      await unlisten();
    },
  };
};
