import { parentPort, workerData } from "node:worker_threads";
import { describeExports, type FunctionModule, moduleExports } from "./module-exports.ts";
import type {
  WorkerData,
  WorkerFailure,
  WorkerFailureReason,
  WorkerRequest,
  WorkerResponse,
} from "./protocol.ts";

type Handler = (
  input: unknown,
  context: { idempotencyKey: string; signal: AbortSignal; deadline: number },
) => unknown;

const port = parentPort;
if (!port) throw new Error("worker-main runs only inside a worker thread");

/** Thrown inside this module only, so a handler's own errors are never mistaken for ours. */
class CallFailed {
  constructor(readonly failure: WorkerFailure) {}
}

const failure = (reason: WorkerFailureReason, error: unknown): CallFailed =>
  new CallFailed({
    reason,
    name: error instanceof Error ? error.name : "Error",
    message: error instanceof Error ? error.message : String(error),
  });

// `import()` of a loaded module still round-trips through tsx's resolve hook on the
// loader thread (~0.4 ms), so keep modules in hand.
const modules = new Map<string, FunctionModule>();

async function load(url: string): Promise<FunctionModule> {
  const cached = modules.get(url);
  if (cached) return cached;
  try {
    const mod = moduleExports((await import(url)) as FunctionModule);
    modules.set(url, mod);
    return mod;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw failure(code === "ERR_MODULE_NOT_FOUND" ? "not_found" : "load_failed", error);
  }
}

async function describe(url: string): Promise<string> {
  const description = describeExports(await load(url));
  try {
    return JSON.stringify(description);
  } catch (error) {
    throw failure("not_json", error);
  }
}

async function invoke(request: Extract<WorkerRequest, { type: "invoke" }>): Promise<string> {
  const mod = await load(request.url);
  const handler = mod.handler;
  if (typeof handler !== "function") {
    throw failure("no_handler", new Error("the module exports no `handler` function"));
  }
  // The pool terminates this worker at the deadline anyway; the signal lets a
  // cooperative handler stop its own work first.
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new Error("deadline reached")),
    request.deadline - Date.now(),
  );
  let result: unknown;
  try {
    result = await (handler as Handler)(request.input, {
      idempotencyKey: request.idempotencyKey,
      signal: controller.signal,
      deadline: request.deadline,
    });
  } catch (error) {
    throw failure("threw", error);
  } finally {
    clearTimeout(timer);
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(result);
  } catch (error) {
    throw failure("not_json", error);
  }
  if (json === undefined) {
    throw failure("not_json", new Error(`the handler returned ${typeof result}, not JSON`));
  }
  return json;
}

port.on("message", async (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    const json =
      request.type === "invoke"
        ? await invoke(request)
        : request.type === "describe"
          ? await describe(request.url)
          : "null";
    response = { type: "result", id: request.id, ok: true, json };
  } catch (error) {
    response = {
      type: "result",
      id: request.id,
      ok: false,
      error: (error instanceof CallFailed ? error : failure("threw", error)).failure,
    };
  }
  port.postMessage(response);
});

const { preload } = workerData as WorkerData;
// Warm the module cache so a first call does not pay for compiling TypeScript; a module
// that fails here fails again, and is reported, when it is called.
await Promise.allSettled(preload.map((url) => import(url)));
port.postMessage({ type: "ready" } satisfies WorkerResponse);
