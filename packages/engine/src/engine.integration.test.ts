import type { TNode, TRunEvent } from "@baton/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  branch,
  databases,
  end,
  errorEdge,
  fn,
  manual,
  next,
  openHarness,
  start,
  type THarness,
} from "../test/harness.ts";

describe.each(databases)("engine on $kind", ({ kind }) => {
  let h: THarness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  let people = 0;
  /** A person with these roles, as the server passes them to the engine. */
  const person = async (roles: ("approver" | "viewer")[]) => {
    const email = `person${++people}@example.com`;
    const user = await h.db.prisma.user.create({ data: { email, name: email, roles } });
    return { id: user.id, email, roles };
  };

  const steps = (runId: string) =>
    h.db.prisma.stepRun.findMany({ where: { runId }, orderBy: { createdAt: "asc" } });

  it("runs a chain, mapping each step's input from what came before", async () => {
    const versionId = await h.publish({
      nodes: [
        start({ type: "object", properties: { x: { type: "number" } }, required: ["x"] }),
        fn("add1", "Add", { a: { ref: "input.x" }, b: { literal: 1 } }),
        fn("add2", "Add", { a: { ref: "steps.add1.output.sum" }, b: { ref: "input.x" } }),
        end({ total: { ref: "steps.add2.output.sum" } }),
      ],
      edges: [next("start", "add1"), next("add1", "add2"), next("add2", "end")],
    });
    const { runId } = await h.engine.startRun({ versionId, input: { x: 10 } });
    const run = await h.waitForRun(runId);
    expect(run).toMatchObject({ status: "succeeded", output: { total: 21 } });
    const add2 = (await steps(runId)).find((s) => s.nodeId === "add2")!;
    expect(add2).toMatchObject({ status: "succeeded", input: { a: 11, b: 10 }, attempt: 1 });
  });

  it("rejects an input that breaks the scenario's input schema, naming the field", async () => {
    const versionId = await h.publish({
      nodes: [
        start({ type: "object", properties: { x: { type: "number" } }, required: ["x"] }),
        end(),
      ],
      edges: [next("start", "end")],
    });
    await expect(h.engine.startRun({ versionId, input: { x: "ten" } })).rejects.toMatchObject({
      code: "BAD_INPUT",
      message: expect.stringMatching(/x/),
    });
    expect(await h.db.prisma.run.count({ where: { scenarioVersionId: versionId } })).toBe(0);
  });

  it("runs parallel branches and joins them once both are done", async () => {
    const versionId = await h.publish({
      nodes: [
        start(),
        fn("slow", "Sleep", { ms: { literal: 300 } }),
        fn("fast", "Add", { a: { literal: 1 }, b: { literal: 2 } }),
        fn("join", "Add", {
          a: { ref: "steps.slow.output.slept" },
          b: { ref: "steps.fast.output.sum" },
        }),
        end({ sum: { ref: "steps.join.output.sum" } }),
      ],
      edges: [
        next("start", "slow"),
        next("start", "fast"),
        next("slow", "join"),
        next("fast", "join"),
        next("join", "end"),
      ],
    });
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    expect(await h.waitForRun(runId)).toMatchObject({ status: "succeeded", output: { sum: 303 } });
    expect((await steps(runId)).filter((s) => s.nodeId === "join")).toHaveLength(1);
  });

  it("follows the branch a choice picks and skips the other", async () => {
    const versionId = await h.publish({
      nodes: [
        start(),
        {
          id: "size",
          kind: "choice",
          label: "Size",
          position: { x: 0, y: 0 },
          rules: [{ branch: "big", condition: { ref: "input.n", op: "gt", value: 100 } }],
          default: "small",
        },
        fn("big", "Add", { a: { ref: "input.n" }, b: { literal: 1000 } }),
        fn("small", "Add", { a: { ref: "input.n" }, b: { literal: 1 } }),
        end(),
      ],
      edges: [
        next("start", "size"),
        branch("size", "big", "big"),
        branch("size", "small", "small"),
        next("big", "end"),
        next("small", "end"),
      ],
    });
    const { runId } = await h.engine.startRun({ versionId, input: { n: 500 } });
    expect(await h.waitForRun(runId)).toMatchObject({ status: "succeeded" });
    const byNode = Object.fromEntries((await steps(runId)).map((s) => [s.nodeId, s.status]));
    expect(byNode).toMatchObject({
      size: "succeeded",
      big: "succeeded",
      small: "skipped",
      end: "succeeded",
    });
  });

  it("fails the run when a step fails and no error edge is wired, keeping the error", async () => {
    const versionId = await h.publish({
      nodes: [start(), fn("boom", "Fail", { why: { literal: "testing" } }), end()],
      edges: [next("start", "boom"), next("boom", "end")],
    });
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    const run = await h.waitForRun(runId);
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({
      nodeId: "boom",
      code: "function_error",
      message: expect.stringMatching(/testing/),
    });
    const boom = (await steps(runId)).find((s) => s.nodeId === "boom")!;
    expect(boom).toMatchObject({ status: "failed", attempt: 1 });
  });

  it("takes the error edge when one is wired", async () => {
    const versionId = await h.publish({
      nodes: [
        start(),
        fn("boom", "Fail", {}),
        fn("recover", "Noop", { message: { ref: "steps.boom.error.message" } }),
        end({ recovered: { ref: "steps.recover.output.message" } }),
      ],
      edges: [
        next("start", "boom"),
        next("boom", "end"),
        errorEdge("boom", "recover"),
        next("recover", "end"),
      ],
    });
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    const run = await h.waitForRun(runId);
    expect(run).toMatchObject({
      status: "succeeded",
      output: { recovered: expect.stringMatching(/Fail was asked/) },
    });
  });

  it("retries a timed-out call with backoff and a new idempotency key per attempt", async () => {
    const versionId = await h.publish({
      nodes: [
        start(),
        fn(
          "flaky",
          "SlowFirst",
          { okFrom: { literal: 3 } },
          {
            timeoutMs: 1_500,
            // one attempt to spare: a timed-out call's worker is replaced, and on a loaded
            // machine the new one may not boot within the deadline
            retry: { maxAttempts: 4, initialIntervalMs: 50, backoffRate: 2, jitter: false },
          },
        ),
        end({ attempt: { ref: "steps.flaky.output.attempt" } }),
      ],
      edges: [next("start", "flaky"), next("flaky", "end")],
    });
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    const run = await h.waitForRun(runId);
    expect(run.status).toBe("succeeded");
    const last = (run.output as { attempt: number }).attempt;
    expect(last).toBeGreaterThanOrEqual(3);
    const flaky = (await steps(runId)).find((s) => s.nodeId === "flaky")!;
    const attempts = await h.db.prisma.stepAttempt.findMany({
      where: { stepRunId: flaky.id },
      orderBy: { attempt: "asc" },
    });
    expect(attempts.map((a) => a.status)).toEqual([...Array(last - 1).fill("failed"), "succeeded"]);
    expect(attempts[0]!.error).toMatchObject({ code: "timeout", details: { retryable: true } });
    expect(new Set(attempts.map((a) => a.idempotencyKey)).size).toBe(last);
    expect(attempts.at(-1)!.idempotencyKey).toBe(`${runId}:flaky:0:${last}`);
    // backoff: each attempt starts after the previous one failed plus its delay
    for (let i = 1; i < attempts.length; i++) {
      expect(attempts[i]!.startedAt.getTime()).toBeGreaterThanOrEqual(
        attempts[i - 1]!.endedAt!.getTime(),
      );
    }
  });

  it("fails a step whose output breaks the function's schema, naming the field", async () => {
    const versionId = await h.publish({
      nodes: [start(), fn("bad", "BadOutput", {}), end()],
      edges: [next("start", "bad"), next("bad", "end")],
    });
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    const run = await h.waitForRun(runId);
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({
      code: "bad_output",
      message: expect.stringMatching(/email/),
    });
  });

  it("waits for a person: the run parks, bad form data is refused, approval continues it", async () => {
    const versionId = await h.publish({
      nodes: [
        start(),
        {
          id: "approve",
          kind: "manual",
          label: "Approve",
          title: "Approve the order",
          position: { x: 0, y: 0 },
          assignees: { roles: ["approver"], users: [] },
          form: {
            type: "object",
            properties: { note: { type: "string", minLength: 3 } },
            required: ["note"],
          },
          input: { amount: { ref: "input.amount" } },
        },
        end({
          note: { ref: "steps.approve.output.data.note" },
          by: { ref: "steps.approve.output.decidedBy" },
        }),
      ],
      edges: [next("start", "approve"), next("approve", "end")],
    });
    const { runId } = await h.engine.startRun({ versionId, input: { amount: 99 } });
    const task = await h.waitFor(() =>
      h.db.prisma.manualTask.findFirst({ where: { runId } }).then((t) => t ?? undefined),
    );
    expect(task).toMatchObject({
      status: "open",
      title: "Approve the order",
      input: { amount: 99 },
    });
    // the task and the run's status change commit together
    expect((await h.db.prisma.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe(
      "waiting",
    );
    const approver = await person(["approver"]);
    await expect(h.engine.approveTask(task.id, { note: "x" }, approver)).rejects.toMatchObject({
      code: "BAD_INPUT",
    });
    await expect(
      h.engine.approveTask(task.id, { note: "looks good" }, await person(["viewer"])),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: /the approver role/ });
    await h.engine.approveTask(task.id, { note: "looks good" }, approver);
    expect(await h.waitForRun(runId)).toMatchObject({
      status: "succeeded",
      output: { note: "looks good", by: approver.email },
    });
    expect(
      await h.db.prisma.manualTask.findUniqueOrThrow({ where: { id: task.id } }),
    ).toMatchObject({ status: "approved", decidedById: approver.id });
    await expect(h.engine.approveTask(task.id, { note: "again" }, approver)).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("records a rejection, with its reason, as the step's decision", async () => {
    const versionId = await h.publish({
      nodes: [
        start(),
        manual("ok"),
        end({
          decision: { ref: "steps.ok.output.decision" },
          why: { ref: "steps.ok.output.comment" },
        }),
      ],
      edges: [next("start", "ok"), next("ok", "end")],
    });
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    const task = await h.waitFor(() =>
      h.db.prisma.manualTask.findFirst({ where: { runId } }).then((t) => t ?? undefined),
    );
    const approver = await person(["approver"]);
    await expect(h.engine.rejectTask(task.id, "  ", approver)).rejects.toMatchObject({
      code: "BAD_INPUT",
    });
    await h.engine.rejectTask(task.id, "budget exceeded", approver);
    const run = await h.waitForRun(runId);
    expect(run.error).toBeNull();
    expect(run).toMatchObject({
      status: "succeeded",
      output: { decision: "rejected", why: "budget exceeded" },
    });
    expect(
      await h.db.prisma.manualTask.findUniqueOrThrow({ where: { id: task.id } }),
    ).toMatchObject({
      status: "rejected",
      reason: "budget exceeded",
    });
  });

  it("expires a task nobody decided by its due time and takes the step's error path", async () => {
    const versionId = await h.publish({
      nodes: [
        start(),
        manual("ok", { due: 300 }),
        fn("escalate", "Noop", { why: { ref: "steps.ok.error.message" } }),
        end({ why: { ref: "steps.escalate.output.why" } }),
      ],
      edges: [
        next("start", "ok"),
        next("ok", "end"),
        errorEdge("ok", "escalate"),
        next("escalate", "end"),
      ],
    });
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    const run = await h.waitForRun(runId);
    expect(run).toMatchObject({
      status: "succeeded",
      output: { why: expect.stringMatching(/due time/) },
    });
    expect((await h.db.prisma.manualTask.findFirstOrThrow({ where: { runId } })).status).toBe(
      "expired",
    );
  });

  it("cancels a run and aborts its running step", async () => {
    const versionId = await h.publish({
      nodes: [
        start(),
        fn("long", "Sleep", { ms: { literal: 30_000 } }, { timeoutMs: 60_000 }),
        end(),
      ],
      edges: [next("start", "long"), next("long", "end")],
    });
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    await h.waitFor(async () =>
      (await steps(runId)).find((s) => s.nodeId === "long" && s.status === "running")
        ? true
        : undefined,
    );
    const started = Date.now();
    await h.engine.cancelRun(runId);
    const run = await h.waitForRun(runId);
    expect(run.status).toBe("cancelled");
    expect((await steps(runId)).find((s) => s.nodeId === "long")!.status).toBe("cancelled");
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(h.engine.cancelRun(runId)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("restarts a failed run from the failing step with an edited input, keeping history", async () => {
    const versionId = await h.publish({
      nodes: [
        start(),
        fn("first", "Add", { a: { literal: 1 }, b: { literal: 1 } }),
        fn("second", "Add", { a: { ref: "steps.first.output.sum" }, b: { ref: "input.b" } }),
        end({ sum: { ref: "steps.second.output.sum" } }),
      ],
      edges: [next("start", "first"), next("first", "second"), next("second", "end")],
    });
    const { runId } = await h.engine.startRun({ versionId, input: { b: "not a number" } });
    expect((await h.waitForRun(runId)).status).toBe("failed");
    const firstBefore = (await steps(runId)).find((s) => s.nodeId === "first")!;

    await expect(
      h.engine.reworkRun(runId, { fromNodeIds: ["second"], input: { a: 2, b: "still bad" } }),
    ).rejects.toMatchObject({ code: "BAD_INPUT" });
    await h.engine.reworkRun(runId, { fromNodeIds: ["second"], input: { a: 2, b: 40 } });
    expect(await h.waitForRun(runId)).toMatchObject({ status: "succeeded", output: { sum: 42 } });

    const all = await steps(runId);
    expect(
      all
        .filter((s) => s.nodeId === "second")
        .map((s) => s.status)
        .sort(),
    ).toEqual(["succeeded", "superseded"]);
    expect(all.find((s) => s.nodeId === "first" && s.status === "succeeded")!.id).toBe(
      firstBefore.id,
    );
  });

  it("restarts a whole succeeded run, and retries only the failed steps of another", async () => {
    const versionId = await h.publish({
      nodes: [
        start(),
        fn("a", "Add", { a: { ref: "input.x" }, b: { literal: 1 } }),
        end({ y: { ref: "steps.a.output.sum" } }),
      ],
      edges: [next("start", "a"), next("a", "end")],
    });
    const { runId } = await h.engine.startRun({ versionId, input: { x: 1 } });
    expect(await h.waitForRun(runId)).toMatchObject({ status: "succeeded", output: { y: 2 } });
    await h.engine.reworkRun(runId, { input: { x: 5 } });
    expect(await h.waitForRun(runId)).toMatchObject({ status: "succeeded", output: { y: 6 } });
    expect((await steps(runId)).filter((s) => s.status === "superseded").length).toBe(3);
    await expect(h.engine.retryFailed(runId)).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("runs a subscenario as a step: its output is the step's output, its failure the step's", async () => {
    const slug = `double-${kind}`;
    await h.publish({
      slug,
      nodes: [
        start({ type: "object", properties: { x: { type: "number" } }, required: ["x"] }),
        fn("twice", "Add", { a: { ref: "input.x" }, b: { ref: "input.x" } }),
        end({ doubled: { ref: "steps.twice.output.sum" } }),
      ],
      edges: [next("start", "twice"), next("twice", "end")],
    });
    const versionId = await h.publish({
      nodes: [
        start(),
        {
          id: "sub",
          kind: "subscenario",
          label: "Double",
          position: { x: 0, y: 0 },
          scenario: { slug, version: 1 },
          input: { x: { ref: "input.n" } },
        },
        end({ result: { ref: "steps.sub.output.doubled" } }),
      ],
      edges: [next("start", "sub"), next("sub", "end")],
    });
    const ok = await h.engine.startRun({ versionId, input: { n: 21 } });
    expect(await h.waitForRun(ok.runId)).toMatchObject({
      status: "succeeded",
      output: { result: 42 },
    });
    const child = await h.db.prisma.run.findFirstOrThrow({
      where: { parentStepRunId: { in: (await steps(ok.runId)).map((s) => s.id) } },
    });
    expect(child).toMatchObject({ status: "succeeded", trigger: "subscenario" });

    const bad = await h.engine.startRun({ versionId, input: { n: "not a number" } });
    const failed = await h.waitForRun(bad.runId);
    expect(failed).toMatchObject({
      status: "failed",
      error: { nodeId: "sub", code: "rejected_input" },
    });
  });

  it("cancels the subscenario runs of a cancelled run", async () => {
    const slug = `slow-${kind}`;
    await h.publish({
      slug,
      nodes: [
        start(),
        fn("long", "Sleep", { ms: { literal: 30_000 } }, { timeoutMs: 60_000 }),
        end(),
      ],
      edges: [next("start", "long"), next("long", "end")],
    });
    const versionId = await h.publish({
      nodes: [
        start(),
        {
          id: "sub",
          kind: "subscenario",
          label: "Slow",
          position: { x: 0, y: 0 },
          scenario: { slug, version: 1 },
        },
        end(),
      ],
      edges: [next("start", "sub"), next("sub", "end")],
    });
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    const child = await h.waitFor(async () => {
      const ids = (await steps(runId)).map((s) => s.id);
      return (
        (await h.db.prisma.run.findFirst({ where: { parentStepRunId: { in: ids } } })) ?? undefined
      );
    });
    await h.engine.cancelRun(runId);
    expect((await h.waitForRun(child.id)).status).toBe("cancelled");
  });

  it("cancels the subscenario runs of a run that fails, aborting their calls", async () => {
    const slug = `slow-child-${kind}`;
    await h.publish({
      slug,
      nodes: [
        start(),
        fn("long", "Sleep", { ms: { literal: 30_000 } }, { timeoutMs: 60_000 }),
        end(),
      ],
      edges: [next("start", "long"), next("long", "end")],
    });
    const sub = (id: string): TNode => ({
      id,
      kind: "subscenario",
      label: id,
      position: { x: 0, y: 0 },
      scenario: { slug, version: 1 },
    });
    // two children fill the local function pool (two workers) with 30 s calls; a second
    // later, once they run, "boom" fails on its input without a call, and the run with it
    const versionId = await h.publish({
      nodes: [
        start(),
        sub("sub1"),
        sub("sub2"),
        {
          id: "hold",
          kind: "wait",
          label: "Hold",
          position: { x: 0, y: 0 },
          until: { ref: "input.at" },
        },
        fn("boom", "Add", { a: { literal: "not a number" }, b: { literal: 1 } }),
        end(),
      ],
      edges: [
        next("start", "sub1"),
        next("start", "sub2"),
        next("start", "hold"),
        next("hold", "boom"),
        next("sub1", "end"),
        next("sub2", "end"),
        next("boom", "end"),
      ],
    });
    const at = new Date(Date.now() + 1_000).toISOString();
    const { runId } = await h.engine.startRun({ versionId, input: { at } });
    expect(await h.waitForRun(runId)).toMatchObject({
      status: "failed",
      error: { nodeId: "boom", code: "rejected_input" },
    });
    const children = await h.db.prisma.run.findMany({
      where: { parentStepRunId: { in: (await steps(runId)).map((s) => s.id) } },
      include: { stepRuns: { where: { nodeId: "long" }, include: { attempts: true } } },
    });
    expect(children.map((c) => c.status)).toEqual(["cancelled", "cancelled"]);
    expect(children.flatMap((c) => c.stepRuns.map((s) => s.status))).toEqual([
      "cancelled",
      "cancelled",
    ]);
    expect(children.flatMap((c) => c.stepRuns.flatMap((s) => s.attempts))).toMatchObject([
      { status: "cancelled" },
      { status: "cancelled" },
    ]);
    // the pool has room again only if both children's calls were aborted
    const quick = await h.publish({
      nodes: [start(), fn("a", "Noop", {}), end()],
      edges: [next("start", "a"), next("a", "end")],
    });
    const ended = Date.now();
    const after = await h.engine.startRun({ versionId: quick, input: {} });
    expect((await h.waitForRun(after.runId)).status).toBe("succeeded");
    expect(Date.now() - ended).toBeLessThan(5_000);
  });

  it("streams a run's events to subscribers", async () => {
    const versionId = await h.publish({
      nodes: [start(), fn("a", "Noop", {}), end()],
      edges: [next("start", "a"), next("a", "end")],
    });
    const seen: string[] = [];
    const unsubscribe = h.engine.events.subscribe(null, (e) => seen.push(e.type));
    const { runId } = await h.engine.startRun({ versionId, input: {} });
    await h.waitForRun(runId);
    await h.waitFor(async () => (seen.includes("run.succeeded") ? true : undefined), 5_000);
    unsubscribe();
    expect(seen).toEqual(
      expect.arrayContaining([
        "run.started",
        "step.scheduled",
        "step.started",
        "step.succeeded",
        "run.succeeded",
      ]),
    );
  });

  it("streams events too large for a notification, read back in order with the others", async () => {
    const versionId = await h.publish({
      nodes: [start(), fn("a", "Noop", {}), end({ text: { ref: "input.text" } })],
      edges: [next("start", "a"), next("a", "end")],
    });
    const text = "x".repeat(20_000);
    const seen: TRunEvent[] = [];
    const unsubscribe = h.engine.events.subscribe(null, (e) => seen.push(e));
    const { runId } = await h.engine.startRun({ versionId, input: { text } });
    await h.waitForRun(runId);
    const mine = () => seen.filter((e) => e.runId === runId);
    const ended = await h.waitFor(
      async () => mine().find((e) => e.type === "run.succeeded"),
      5_000,
    );
    unsubscribe();
    expect((ended.data as { output: { text: string } }).output.text).toBe(text);
    const stored = await h.db.prisma.runEvent.findMany({
      where: { runId },
      orderBy: { id: "asc" },
    });
    expect(mine().map((e) => e.id)).toEqual(stored.map((e) => e.id.toString()));
    expect(mine().map((e) => e.createdAt.getTime())).toEqual(
      stored.map((e) => e.createdAt.getTime()),
    );
  });
});
