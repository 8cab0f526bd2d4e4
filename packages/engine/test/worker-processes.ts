import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TEngineLimitsOption } from "../src/index.ts";

const script = fileURLToPath(new URL("./worker-process.ts", import.meta.url));

/** Starts an engine worker in its own process; resolves once it takes work. */
export const spawnWorker = (
  databaseUrl: string,
  concurrency = 16,
  limits?: TEngineLimitsOption,
): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        CONCURRENCY: String(concurrency),
        ...(limits ? { LIMITS: JSON.stringify(limits) } : {}),
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve(child);
    });
    child.once("exit", (code) =>
      reject(new Error(`worker exited with ${code} before it was ready`)),
    );
  });

export const stopWorker = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
