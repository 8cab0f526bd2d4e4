import type { TNode } from "@baton/model";
import { describe, expect, it } from "vitest";
import { databases, end, fn, next, start } from "../test/harness.ts";
import { harnessWithOwnWorkers } from "../test/own-workers.ts";

const wait = (timing: { duration: number } | { until: { ref: string } }): TNode =>
  ({ id: "hold", kind: "wait", label: "Hold", position: { x: 0, y: 0 }, ...timing }) as TNode;

/** start → hold (the wait) → after → end, whose output says when the wait ended */
const waitingScenario = (timing: Parameters<typeof wait>[0]) => ({
  nodes: [
    start(),
    wait(timing),
    fn("after", "Noop", {}),
    end({ waitedUntil: { ref: "steps.hold.output.waitedUntil" } }),
  ],
  edges: [next("start", "hold"), next("hold", "after"), next("after", "end")],
});

describe.each(databases)("wait steps on $kind", ({ kind }) => {
  const own = harnessWithOwnWorkers(kind);
  const { startWorker } = own;
  const step = (runId: string, nodeId: string) =>
    own.h.db.prisma.stepRun.findFirstOrThrow({ where: { runId, nodeId } });
  const parked = (runId: string) =>
    own.h.waitFor(async () =>
      (await step(runId, "hold")).status === "waiting" ? true : undefined,
    );

  it("waits for its duration without a worker, then continues", async () => {
    await startWorker();
    const versionId = await own.h.publish(waitingScenario({ duration: 1_500 }));
    const { runId } = await own.h.engine.startRun({ versionId, input: {} });
    await parked(runId);
    expect((await step(runId, "after").catch(() => undefined))?.status).toBeUndefined();
    const run = await own.h.waitForRun(runId, 15_000);
    expect(run.status).toBe("succeeded");
    const [hold, after] = [await step(runId, "hold"), await step(runId, "after")];
    const until = Date.parse((run.output as { waitedUntil: string }).waitedUntil);
    expect(until - hold.startedAt!.getTime()).toBeGreaterThanOrEqual(1_500);
    expect(until - hold.startedAt!.getTime()).toBeLessThan(3_000);
    expect(after.startedAt!.getTime()).toBeGreaterThanOrEqual(until);
    expect(hold).toMatchObject({ status: "succeeded", attempt: 1 });
  });

  it("waits until the time its input names, and not at all for one already past", async () => {
    await startWorker();
    const versionId = await own.h.publish(waitingScenario({ until: { ref: "input.at" } }));
    const at = new Date(Date.now() + 1_500).toISOString();
    const later = await own.h.engine.startRun({ versionId, input: { at } });
    await parked(later.runId);
    expect(await own.h.waitForRun(later.runId, 15_000)).toMatchObject({
      status: "succeeded",
      output: { waitedUntil: at },
    });
    expect((await step(later.runId, "after")).startedAt!.getTime()).toBeGreaterThanOrEqual(
      Date.parse(at),
    );

    const past = new Date(Date.now() - 60_000).toISOString();
    const started = Date.now();
    const now = await own.h.engine.startRun({ versionId, input: { at: past } });
    expect(await own.h.waitForRun(now.runId, 15_000)).toMatchObject({
      status: "succeeded",
      output: { waitedUntil: past },
    });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("keeps a wait while no worker runs, and continues it on a worker started later", async () => {
    const first = await startWorker();
    const versionId = await own.h.publish(waitingScenario({ until: { ref: "input.at" } }));
    const at = new Date(Date.now() + 1_000).toISOString();
    const { runId } = await own.h.engine.startRun({ versionId, input: { at } });
    await parked(runId);
    await first.stop();
    await new Promise((r) => setTimeout(r, 1_500));
    // due, but nobody is there to continue it
    expect((await step(runId, "hold")).status).toBe("waiting");
    await startWorker();
    expect((await own.h.waitForRun(runId, 15_000)).status).toBe("succeeded");
  });
});
