import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { end, fn, next, openHarness, start, type THarness } from "../test/harness.ts";
import { spawnWorker, stopWorker } from "../test/worker-processes.ts";

const exited = (child: ChildProcess) =>
  new Promise<NodeJS.Signals | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode);
    else child.once("exit", (_code, signal) => resolve(signal));
  });

describe("a step that kills every process running it", () => {
  let h: THarness;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    // this process only starts runs; separate worker processes take the step and die of it
    h = await openHarness("postgres", { concurrency: 0 });
  });
  afterAll(async () => {
    await Promise.all(workers.map(stopWorker));
    await h?.close();
  });

  it("is failed once it has stopped its limit of processes, instead of being handed out again", async () => {
    const versionId = await h.publish({
      nodes: [start(), fn("kill", "KillProcess", {}, { timeoutMs: 1_000 }), end()],
      edges: [next("start", "kill"), next("kill", "end")],
    });
    const limits = { stepReclaims: 2 };
    const { runId } = await h.engine.startRun({ versionId, input: {} });

    // two processes take the step in turn (the second after the first one's lease ran out) and die
    for (let i = 0; i < 2; i++) {
      const worker = await spawnWorker(h.db.databaseUrl!, 4, limits);
      workers.push(worker);
      expect(await exited(worker)).toBe("SIGKILL");
    }
    // the third takes it back, sees it stopped two processes, and fails it without running it
    const survivor = await spawnWorker(h.db.databaseUrl!, 4, limits);
    workers.push(survivor);
    const run = await h.waitForRun(runId, 90_000);
    expect(run.status).toBe("failed");
    const step = await h.db.prisma.stepRun.findFirstOrThrow({ where: { runId, nodeId: "kill" } });
    expect(step).toMatchObject({ status: "failed", reclaims: 2 });
    expect(step.error).toMatchObject({
      code: "limit_exceeded",
      message: expect.stringContaining(
        '"kill" was running in a process that stopped (crashed, was killed or hung) 2 times',
      ),
    });
    expect(survivor.exitCode).toBeNull();
    expect(survivor.signalCode).toBeNull();
  }, 120_000);
});
