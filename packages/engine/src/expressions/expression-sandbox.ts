import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { BatonError, type TEvaluateExpression, type TRunContext } from "@baton/model";
import type { TSandboxRequest, TSandboxResponse } from "./sandbox-protocol.ts";

export type TExpressionLimits = {
  /** longest one evaluation may run before its process is stopped */
  timeoutMs: number;
  /** V8 heap of each sandbox process; an evaluation that needs more is stopped */
  memoryMb: number;
  /** largest result, as JSON */
  maxResultBytes: number;
  /** sandbox processes, so evaluations running at once; more wait for a free one */
  processes: number;
};

export const DEFAULT_EXPRESSION_LIMITS: TExpressionLimits = {
  timeoutMs: 1_000,
  memoryMb: 64,
  maxResultBytes: 1024 * 1024,
  processes: 2,
};

/** An expression was stopped at a limit: a failure of the step, never retried. */
export class ExpressionLimitError extends BatonError {
  constructor(
    message: string,
    readonly limit: "time" | "memory",
  ) {
    super("BAD_INPUT", message, { limit });
  }
}

export type TExpressionSandbox = {
  /** Evaluates in another process, within the limits; a failure rejects with a BatonError. */
  evaluate: TEvaluateExpression;
  stats(): { processes: number; busy: number; waiting: number };
  close(): Promise<void>;
};

type TJob = {
  text: string;
  context: TRunContext;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
};

type TSlot = {
  child: ChildProcess;
  ready: boolean;
  /** the end of what it wrote to stderr, to tell an out-of-memory abort from other exits */
  stderr: string;
  job?: TJob & { id: number; timer: NodeJS.Timeout };
};

const bootstrap = fileURLToPath(new URL("./sandbox-bootstrap.mjs", import.meta.url));
const BOOT_TIMEOUT_MS = 30_000;
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Allocation failed/;

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
const duration = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

/**
 * Runs JSONata in separate processes with a time and a memory limit per evaluation, so an
 * expression written in a scenario (a recursion that never ends, a range of ten million)
 * can neither block nor exhaust the process that serves requests and runs steps. Worker
 * threads are not enough: a thread reaching its heap limit inside one large allocation
 * aborts the whole process. A process whose evaluation overruns is killed and replaced.
 */
export const createExpressionSandbox = (limits: TExpressionLimits): TExpressionSandbox => {
  const slots = new Set<TSlot>();
  const waiting: TJob[] = [];
  let nextId = 1;
  let closed = false;

  const idle = (slot: TSlot) => slot.ready && !slot.job;

  /** Removes a process for good; whatever it was evaluating fails with `error`. */
  const retire = (slot: TSlot, error: Error) => {
    if (!slots.delete(slot)) return;
    slot.child.kill("SIGKILL");
    const job = slot.job;
    slot.job = undefined;
    if (job) {
      clearTimeout(job.timer);
      job.reject(error);
    } else if (!slot.ready) {
      for (const queued of waiting.splice(0)) queued.reject(error);
    }
    pump();
  };

  const exitError = (slot: TSlot, code: number | null, signal: string | null) => {
    const job = slot.job;
    if (job && OUT_OF_MEMORY.test(slot.stderr)) {
      return new ExpressionLimitError(
        `The expression "${shorten(job.text)}" exceeded its memory limit of ${limits.memoryMb} MB and was stopped.`,
        "memory",
      );
    }
    return new BatonError(
      "INTERNAL",
      `The expression sandbox stopped (${signal ?? `exit code ${code}`}).`,
    );
  };

  const spawn = () => {
    const child = fork(bootstrap, [], {
      execArgv: [`--max-old-space-size=${limits.memoryMb}`],
      // nothing of the server's environment (database URL, keys) is the expression's business
      env: {
        PATH: process.env.PATH,
        TMPDIR: process.env.TMPDIR,
        BATON_SANDBOX_MAX_RESULT_BYTES: String(limits.maxResultBytes),
      },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    const slot: TSlot = { child, ready: false, stderr: "" };
    slots.add(slot);
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      slot.stderr = (slot.stderr + chunk).slice(-4096);
    });
    const bootTimer = setTimeout(
      () =>
        retire(
          slot,
          new BatonError(
            "INTERNAL",
            `The expression sandbox did not start within ${duration(BOOT_TIMEOUT_MS)}.`,
          ),
        ),
      BOOT_TIMEOUT_MS,
    );
    bootTimer.unref();
    child.on("message", (message: TSandboxResponse) => {
      if (message.type === "ready") {
        clearTimeout(bootTimer);
        slot.ready = true;
        pump();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== message.id) return;
      clearTimeout(job.timer);
      slot.job = undefined;
      if (message.type === "result") {
        job.resolve(message.json === undefined ? undefined : JSON.parse(message.json));
      } else {
        job.reject(new BatonError("BAD_INPUT", message.message));
      }
      pump();
    });
    child.on("error", (error) =>
      retire(slot, new BatonError("INTERNAL", `The expression sandbox failed: ${error.message}`)),
    );
    // stderr may still hold the abort's last words when "exit" fires; "close" comes after it
    child.on("close", (code, signal) => {
      clearTimeout(bootTimer);
      retire(slot, exitError(slot, code, signal));
    });
  };

  const dispatch = (slot: TSlot, job: TJob) => {
    const id = nextId++;
    const timer = setTimeout(
      () =>
        retire(
          slot,
          new ExpressionLimitError(
            `The expression "${shorten(job.text)}" exceeded ${duration(limits.timeoutMs)} and was stopped.`,
            "time",
          ),
        ),
      limits.timeoutMs,
    );
    slot.job = { ...job, id, timer };
    slot.child.ref();
    slot.child.channel?.ref();
    slot.child.send({ id, text: job.text, context: job.context } satisfies TSandboxRequest);
  };

  const pump = () => {
    if (closed) return;
    for (const slot of slots) {
      if (!waiting.length) break;
      if (idle(slot)) dispatch(slot, waiting.shift()!);
    }
    const booting = [...slots].filter((slot) => !slot.ready).length;
    for (let n = waiting.length - booting; n > 0 && slots.size < limits.processes; n--) spawn();
    // idle sandboxes must not keep the host process alive
    for (const slot of slots) {
      if (!idle(slot)) continue;
      slot.child.unref();
      slot.child.channel?.unref();
    }
  };

  return {
    evaluate: (text, context) =>
      new Promise((resolve, reject) => {
        if (closed) {
          reject(new BatonError("INTERNAL", "The expression sandbox is closed."));
          return;
        }
        waiting.push({ text, context, resolve, reject });
        pump();
      }),
    stats: () => ({
      processes: slots.size,
      busy: [...slots].filter((slot) => slot.job).length,
      waiting: waiting.length,
    }),
    close: async () => {
      closed = true;
      const error = new BatonError("INTERNAL", "The expression sandbox is closed.");
      for (const job of waiting.splice(0)) job.reject(error);
      for (const slot of [...slots]) retire(slot, error);
    },
  };
};
