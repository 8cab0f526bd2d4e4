import type { JsonValue } from "../types.ts";

/** Messages from the pool to a worker. Module URLs carry `?v=<mtime>` so an edited file reloads. */
export type WorkerRequest =
  | {
      type: "invoke";
      id: number;
      url: string;
      input: JsonValue;
      idempotencyKey: string;
      deadline: number;
    }
  | { type: "describe"; id: number; url: string }
  | { type: "ping"; id: number };

export type WorkerFailureReason = "load_failed" | "not_found" | "no_handler" | "threw" | "not_json";

export type WorkerFailure = {
  reason: WorkerFailureReason;
  name: string;
  message: string;
};

/** `json` is the JSON text of the handler's result, or of a `ModuleDescription`. */
export type WorkerResponse =
  | { type: "ready" }
  | { type: "result"; id: number; ok: true; json: string }
  | { type: "result"; id: number; ok: false; error: WorkerFailure };

/** A module's exports as found, not yet checked. */
export type ModuleDescription = {
  hasHandler: boolean;
  description?: unknown;
  tags?: unknown;
  input?: unknown;
  output?: unknown;
  timeoutMs?: unknown;
  memoryMb?: unknown;
};

/** Passed as `workerData`: modules to import before the worker reports ready. */
export type WorkerData = { preload: string[] };
