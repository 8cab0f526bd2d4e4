import type { ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";

/** Resolves once the server child answers /healthz; kills it after 120 s without an answer. */
export const waitForServer = async (child: ChildProcess, port: number): Promise<ChildProcess> => {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await sleep(250);
  }
  child.kill();
  throw new Error("the server did not answer /healthz within 120 s");
};
