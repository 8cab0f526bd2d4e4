import { createStore } from "zustand/vanilla";

export type TSaveStatus =
  | { state: "saved"; at: number }
  | { state: "pending" }
  | { state: "saving" }
  | { state: "invalid"; message: string }
  | { state: "conflict"; message: string }
  | { state: "error"; message: string };

export type TDraftSaverOptions<TDraft> = {
  /** The draftUpdatedAt the editor loaded. */
  updatedAt: string;
  read(): TDraft;
  /** Why the draft cannot be saved yet, if it cannot. */
  validate(draft: TDraft): string | undefined;
  save(draft: TDraft, updatedAt: string): Promise<{ draftUpdatedAt: string }>;
  isConflict(error: unknown): boolean;
  delayMs?: number;
  retryMs?: number;
};

/**
 * Saves a draft a moment after the last edit, one request at a time, carrying the
 * draftUpdatedAt of the last save so the server can refuse to overwrite someone else's.
 * A conflict stops autosaving: only a reload may resolve it.
 */
export const createDraftSaver = <TDraft>(options: TDraftSaverOptions<TDraft>) => {
  const delayMs = options.delayMs ?? 800;
  const retryMs = options.retryMs ?? 5_000;
  const status = createStore<{ status: TSaveStatus }>()(() => ({
    status: { state: "saved", at: Date.now() },
  }));
  let updatedAt = options.updatedAt;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  // Called on every edit (each frame of a drag): only a change of state notifies anyone.
  const setStatus = (next: TSaveStatus) => {
    const current = status.getState().status;
    if (next.state === current.state && (next.state === "pending" || next.state === "saving"))
      return;
    status.setState({ status: next });
  };
  const stopped = () => status.getState().status.state === "conflict";

  const later = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
  };

  const saveOnce = async () => {
    dirty = false;
    const draft = options.read();
    const problem = options.validate(draft);
    if (problem !== undefined) {
      dirty = true;
      setStatus({ state: "invalid", message: problem });
      return;
    }
    setStatus({ state: "saving" });
    try {
      updatedAt = (await options.save(draft, updatedAt)).draftUpdatedAt;
      setStatus(dirty ? { state: "pending" } : { state: "saved", at: Date.now() });
    } catch (error) {
      dirty = true;
      if (options.isConflict(error)) {
        setStatus({ state: "conflict", message: (error as Error).message });
        return;
      }
      setStatus({ state: "error", message: (error as Error).message });
      later(retryMs);
    }
  };

  const run = async (): Promise<void> => {
    if (inFlight) await inFlight;
    if (!dirty || stopped()) return;
    inFlight = saveOnce();
    try {
      await inFlight;
    } finally {
      inFlight = undefined;
    }
    if (dirty && status.getState().status.state === "pending") later(delayMs);
  };

  return {
    status,
    updatedAt: () => updatedAt,
    /** An edit happened: save soon. */
    schedule: () => {
      if (stopped()) return;
      dirty = true;
      setStatus({ state: "pending" });
      later(delayMs);
    },
    /** Saves what is unsaved now; resolves with the draftUpdatedAt the server has. */
    flush: async (): Promise<string> => {
      clearTimeout(timer);
      await run();
      const current = status.getState().status;
      if (
        current.state === "invalid" ||
        current.state === "conflict" ||
        current.state === "error"
      ) {
        throw new Error(current.message);
      }
      return updatedAt;
    },
    dispose: () => clearTimeout(timer),
  };
};

export type TDraftSaver = ReturnType<typeof createDraftSaver>;
