import { Worker } from "node:worker_threads";
import { ProviderError } from "../errors.ts";
import { abortError } from "../shared/deadline.ts";
import type { WorkerData, WorkerRequest, WorkerResponse } from "./protocol.ts";

type Request = WorkerRequest extends infer R
  ? R extends WorkerRequest
    ? Omit<R, "id">
    : never
  : never;
export type CallResult = Extract<WorkerResponse, { type: "result" }>;

export type WorkerPoolOptions = {
  /** Most workers running at once; calls beyond that wait for a free one. */
  size: number;
  /** V8 old-generation heap limit of each worker. */
  memoryMb: number;
  /** Module URLs a new worker imports before it takes calls. */
  preload: () => string[];
  bootTimeoutMs: number;
};

export type WorkerPool = {
  /** Runs one request on a free worker. A crash, OOM, exit or abort rejects with a `ProviderError`. */
  run(request: Request, signal: AbortSignal): Promise<CallResult>;
  stats(): { workers: number; busy: number; waiting: number };
  close(): Promise<void>;
};

type Call = {
  request: Request;
  signal: AbortSignal;
  resolve: (result: CallResult) => void;
  reject: (error: ProviderError) => void;
  detach: () => void;
  slot?: Slot;
};

type Slot = { worker: Worker; ready: boolean; call?: Call & { id: number } };

const bootstrap = new URL("./worker-bootstrap.mjs", import.meta.url);

function crashError(error: Error, memoryMb: number): ProviderError {
  if ((error as { code?: unknown }).code === "ERR_WORKER_OUT_OF_MEMORY") {
    return new ProviderError(
      "function_error",
      `The function ran out of memory (limit ${memoryMb} MB).`,
      { reason: "out_of_memory" },
      { cause: error },
    );
  }
  return new ProviderError(
    "function_error",
    `The function crashed: ${error.message}`,
    { reason: "crashed", errorType: error.name },
    { cause: error },
  );
}

export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const slots = new Set<Slot>();
  const waiting: Call[] = [];
  let nextId = 1;
  let closed = false;

  const isIdle = (slot: Slot) => slot.ready && !slot.call;

  function spawn(): void {
    const worker = new Worker(bootstrap, {
      // The host's loader flags (Vitest, tsx) must not leak in; the bootstrap registers tsx itself.
      execArgv: [],
      workerData: { preload: options.preload() } satisfies WorkerData,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    });
    const slot: Slot = { worker, ready: false };
    slots.add(slot);
    const bootTimer = setTimeout(() => {
      fail(
        slot,
        new ProviderError(
          "unavailable",
          `A local function worker did not start within ${options.bootTimeoutMs} ms.`,
          { reason: "boot_timeout" },
        ),
      );
    }, options.bootTimeoutMs);
    bootTimer.unref();

    worker.on("message", (message: WorkerResponse) => {
      if (message.type === "ready") {
        clearTimeout(bootTimer);
        slot.ready = true;
        pump();
        return;
      }
      const call = slot.call;
      if (!call || call.id !== message.id) return;
      slot.call = undefined;
      call.detach();
      call.resolve(message);
      pump();
    });
    worker.on("error", (error) => {
      clearTimeout(bootTimer);
      fail(slot, crashError(error, options.memoryMb));
    });
    worker.on("exit", (code) => {
      clearTimeout(bootTimer);
      fail(
        slot,
        new ProviderError("function_error", `The function's worker exited with code ${code}.`, {
          reason: "exited",
        }),
      );
    });
  }

  /** Removes a worker for good and fails whatever depended on it. */
  function fail(slot: Slot, error: ProviderError): void {
    if (!slots.delete(slot)) return;
    void slot.worker.terminate();
    const call = slot.call;
    slot.call = undefined;
    if (call) {
      call.detach();
      call.reject(error);
    } else if (!slot.ready) {
      // A worker that cannot start would leave queued calls waiting until their deadlines.
      for (const queued of waiting.splice(0)) {
        queued.detach();
        queued.reject(error);
      }
    }
    pump();
  }

  function dispatch(slot: Slot, call: Call): void {
    const id = nextId++;
    slot.call = { ...call, id };
    call.slot = slot;
    slot.worker.ref();
    slot.worker.postMessage({ ...call.request, id } as WorkerRequest);
  }

  function pump(): void {
    for (const slot of slots) {
      if (waiting.length === 0) break;
      if (isIdle(slot)) dispatch(slot, waiting.shift() as Call);
    }
    const booting = [...slots].filter((slot) => !slot.ready).length;
    for (let n = waiting.length - booting; n > 0 && slots.size < options.size; n--) spawn();
    // Idle workers must not keep the host process alive.
    for (const slot of slots) if (isIdle(slot)) slot.worker.unref();
  }

  return {
    run(request, signal) {
      return new Promise<CallResult>((resolve, reject) => {
        if (closed) {
          reject(new ProviderError("unavailable", "The local function pool is closed."));
          return;
        }
        if (signal.aborted) {
          reject(abortError(signal));
          return;
        }
        const onAbort = () => {
          if (call.slot) {
            fail(call.slot, abortError(signal));
            return;
          }
          const index = waiting.indexOf(call);
          if (index >= 0) waiting.splice(index, 1);
          reject(abortError(signal));
        };
        const call: Call = {
          request,
          signal,
          resolve,
          reject,
          detach: () => signal.removeEventListener("abort", onAbort),
        };
        signal.addEventListener("abort", onAbort, { once: true });
        waiting.push(call);
        pump();
      });
    },
    stats: () => ({
      workers: slots.size,
      busy: [...slots].filter((slot) => slot.call).length,
      waiting: waiting.length,
    }),
    async close() {
      closed = true;
      const error = new ProviderError("unavailable", "The local function pool is closed.");
      for (const call of waiting.splice(0)) {
        call.detach();
        call.reject(error);
      }
      const workers = [...slots];
      for (const slot of workers) fail(slot, error);
      await Promise.all(workers.map((slot) => slot.worker.terminate()));
    },
  };
}
