import type { TDatabase } from "@baton/db";
import pg from "pg";
import { EVENTS_CHANNEL } from "../sql.ts";

export type TRunEvent = {
  id: string;
  runId: string;
  stepRunId: string | null;
  type: string;
  data: unknown;
  actorId: string | null;
  createdAt: Date;
};

export type TEventListener = (event: TRunEvent) => void;

export type TEventFeed = {
  /** Every event of one run, or of all runs when runId is null, from now on. */
  subscribe(runId: string | null, listener: TEventListener): () => void;
  close(): Promise<void>;
};

type TNotice = { runId: string; from: bigint; to: bigint };

const parseNotice = (payload: string): TNotice | undefined => {
  const [runId, from, to] = payload.split(":");
  if (!runId || !from || !to) return undefined;
  return { runId, from: BigInt(from), to: BigInt(to) };
};

/**
 * Live run events from every process sharing the database. Transactions that write
 * events NOTIFY at commit with the ids they wrote; one LISTEN per process reads exactly
 * those rows and hands them to subscribers. Reading by id range never misses an event
 * committed out of id order, which polling `id > last` would.
 */
export const createEventFeed = async (db: TDatabase): Promise<TEventFeed> => {
  const listeners = new Map<string | null, Set<TEventListener>>();
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

  const drain = async () => {
    while (pending.length) {
      const batch = pending;
      pending = [];
      const wanted = batch.filter((n) => listeners.has(n.runId) || listeners.has(null));
      if (!wanted.length) continue;
      const events = await db.prisma.runEvent.findMany({
        where: { OR: wanted.map((n) => ({ runId: n.runId, id: { gte: n.from, lte: n.to } })) },
        orderBy: { id: "asc" },
      });
      for (const e of events) dispatch({ ...e, id: e.id.toString() });
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
    pending.push(notice);
    kick();
  };

  let unlisten: () => Promise<void>;
  if (db.pglite) {
    unlisten = await db.pglite.listen(EVENTS_CHANNEL, onNotice);
  } else {
    const client = new pg.Client({ connectionString: db.databaseUrl });
    await client.connect();
    client.on("notification", (message) => message.payload && onNotice(message.payload));
    client.on("error", () => {});
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    unlisten = () => client.end();
  }

  return {
    subscribe(runId, listener) {
      const set = listeners.get(runId) ?? new Set();
      listeners.set(runId, set);
      set.add(listener);
      return () => {
        set.delete(listener);
        if (!set.size) listeners.delete(runId);
      };
    },
    close: async () => {
      listeners.clear();
      await reading;
      await unlisten();
    },
  };
};
