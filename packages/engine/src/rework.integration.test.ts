import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  databases,
  end,
  fn,
  manual,
  next,
  openHarness,
  start,
  type THarness,
} from "../test/harness.ts";

const chain = (...ids: string[]) => ids.slice(1).map((id, i) => next(ids[i]!, id));

describe.each(databases)("rework on $kind", ({ kind }) => {
  let h: THarness;
  beforeAll(async () => {
    h = await openHarness(kind);
  });
  afterAll(async () => {
    await h?.close();
  });

  const steps = (runId: string) =>
    h.db.prisma.stepRun.findMany({ where: { runId }, orderBy: { createdAt: "asc" } });
  const runRow = (runId: string) => h.db.prisma.run.findUniqueOrThrow({ where: { id: runId } });

  describe("onto a newer version of the scenario", () => {
    let slug: string;
    let runId: string;
    let v1: string;
    beforeAll(async () => {
      slug = `order-${kind}`;
      // v1 fails at b; its run is reworked onto later versions
      v1 = await h.publish({
        slug,
        nodes: [
          start(),
          fn("a", "Add", { a: { ref: "input.x" }, b: { literal: 1 } }),
          fn("b", "Fail", { why: { literal: "v1 is broken" } }),
          end(),
        ],
        edges: chain("start", "a", "b", "end"),
      });
      ({ runId } = await h.engine.startRun({ versionId: v1, input: { x: 1 } }));
      expect((await h.waitForRun(runId)).status).toBe("failed");
    });

    it("refuses a version without a step whose result it would keep, and one without the step to restart, changing nothing", async () => {
      const withoutA = await h.publishNext(slug, {
        nodes: [start(), fn("b", "Add", { a: { literal: 1 }, b: { literal: 1 } }), end()],
        edges: chain("start", "b", "end"),
      });
      await expect(
        h.engine.reworkRun(runId, { fromNodeIds: ["b"], versionId: withoutA }),
      ).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
        message: expect.stringMatching(/no longer has the steps a .*restart the whole run/),
      });
      const withoutB = await h.publishNext(slug, {
        nodes: [start(), fn("a", "Add", { a: { literal: 1 }, b: { literal: 1 } }), end()],
        edges: chain("start", "a", "end"),
      });
      await expect(
        h.engine.reworkRun(runId, { fromNodeIds: ["b"], versionId: withoutB }),
      ).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/no node "b"/) });
      const other = await h.publish({
        nodes: [start(), fn("b", "Noop", {}), end()],
        edges: chain("start", "b", "end"),
      });
      await expect(
        h.engine.reworkRun(runId, { fromNodeIds: ["b"], versionId: other }),
      ).rejects.toMatchObject({ code: "BAD_INPUT", message: /version of its own scenario/ });

      expect(await runRow(runId)).toMatchObject({
        status: "failed",
        generation: 0,
        scenarioVersionId: v1,
      });
      expect((await steps(runId)).filter((s) => s.status === "superseded")).toEqual([]);
    });

    it("restarts from a step on the new definition, keeping the results before it", async () => {
      const before = (await steps(runId)).find((s) => s.nodeId === "a")!;
      const v2 = await h.publishNext(slug, {
        nodes: [
          start(),
          fn("a", "Add", { a: { ref: "input.x" }, b: { literal: 1 } }),
          fn("b", "Add", { a: { ref: "steps.a.output.sum" }, b: { literal: 100 } }),
          end({ sum: { ref: "steps.b.output.sum" } }),
        ],
        edges: chain("start", "a", "b", "end"),
      });
      await h.engine.reworkRun(runId, { fromNodeIds: ["b"], versionId: v2 });
      expect(await h.waitForRun(runId)).toMatchObject({
        status: "succeeded",
        output: { sum: 102 },
      });
      expect(await runRow(runId)).toMatchObject({ scenarioVersionId: v2, generation: 1 });
      const all = await steps(runId);
      expect(all.filter((s) => s.nodeId === "a")).toEqual([before]);
      expect(
        all
          .filter((s) => s.nodeId === "b")
          .map((s) => [s.generation, s.status])
          .sort(),
      ).toEqual([
        [0, "superseded"],
        [1, "succeeded"],
      ]);
    });

    it("restarts the whole run on a version that dropped a step", async () => {
      const v = await h.publishNext(slug, {
        nodes: [
          start(),
          fn("c", "Add", { a: { ref: "input.x" }, b: { literal: 10 } }),
          end({ sum: { ref: "steps.c.output.sum" } }),
        ],
        edges: chain("start", "c", "end"),
      });
      await h.engine.reworkRun(runId, { versionId: v });
      expect(await h.waitForRun(runId)).toMatchObject({ status: "succeeded", output: { sum: 11 } });
      const current = (await steps(runId)).filter((s) => s.status !== "superseded");
      expect(current.map((s) => s.nodeId).sort()).toEqual(["c", "end", "start"]);
    });
  });

  describe("of a run with an approval", () => {
    let people = 0;
    const approver = async () => {
      const email = `approver${++people}-${kind}@example.com`;
      const user = await h.db.prisma.user.create({
        data: { email, name: email, roles: ["approver"] },
      });
      return { id: user.id, email, roles: ["approver" as const] };
    };
    const tasks = (runId: string) =>
      h.db.prisma.manualTask.findMany({ where: { runId }, orderBy: { createdAt: "asc" } });
    const openTask = (runId: string) =>
      h.waitFor(() =>
        h.db.prisma.manualTask
          .findFirst({ where: { runId, status: "open" } })
          .then((t) => t ?? undefined),
      );

    /** start → prep → approve (a person) → after → end; a run of it, approved once */
    const approvedRun = async () => {
      const versionId = await h.publish({
        nodes: [
          start(),
          fn("prep", "Add", { a: { ref: "input.x" }, b: { literal: 1 } }),
          manual("approve", { input: { n: { ref: "steps.prep.output.sum" } } }),
          fn("after", "Add", { a: { ref: "steps.prep.output.sum" }, b: { literal: 1000 } }),
          end({
            total: { ref: "steps.after.output.sum" },
            by: { ref: "steps.approve.output.decidedBy" },
          }),
        ],
        edges: chain("start", "prep", "approve", "after", "end"),
      });
      const { runId } = await h.engine.startRun({ versionId, input: { x: 1 } });
      const first = await approver();
      await h.engine.approveTask((await openTask(runId)).id, {}, first);
      expect(await h.waitForRun(runId)).toMatchObject({
        status: "succeeded",
        output: { total: 1002, by: first.email },
      });
      return { runId, first };
    };

    it("reuses the decision when the restart is after the manual step", async () => {
      const { runId, first } = await approvedRun();
      const approval = (await steps(runId)).find((s) => s.nodeId === "approve")!;
      await h.engine.reworkRun(runId, { fromNodeIds: ["after"], input: { a: 2, b: 2000 } });
      expect(await h.waitForRun(runId)).toMatchObject({
        status: "succeeded",
        output: { total: 2002, by: first.email },
      });
      expect((await tasks(runId)).map((t) => t.status)).toEqual(["approved"]);
      expect((await steps(runId)).filter((s) => s.nodeId === "approve")).toEqual([approval]);
    });

    it("asks again when the restart is before the manual step, or from it", async () => {
      const { runId } = await approvedRun();
      await h.engine.reworkRun(runId, { fromNodeIds: ["prep"], input: { a: 5, b: 1 } });
      const again = await openTask(runId);
      expect(again.input).toEqual({ n: 6 });
      expect((await runRow(runId)).status).toBe("waiting");
      const second = await approver();
      await h.engine.approveTask(again.id, {}, second);
      expect(await h.waitForRun(runId)).toMatchObject({
        status: "succeeded",
        output: { total: 1006, by: second.email },
      });

      await h.engine.reworkRun(runId, { fromNodeIds: ["approve"] });
      const third = await approver();
      await h.engine.approveTask((await openTask(runId)).id, {}, third);
      expect(await h.waitForRun(runId)).toMatchObject({
        status: "succeeded",
        output: { total: 1006, by: third.email },
      });
      expect((await tasks(runId)).map((t) => t.status)).toEqual([
        "approved",
        "approved",
        "approved",
      ]);
    });

    it("cancels the open task of a step it supersedes, and asks anew", async () => {
      const { runId } = await approvedRun();
      await h.engine.reworkRun(runId, { fromNodeIds: ["approve"] });
      const open = await openTask(runId);
      await h.engine.reworkRun(runId, { fromNodeIds: ["prep"], input: { a: 7, b: 1 } });
      const fresh = await h.waitFor(() =>
        h.db.prisma.manualTask
          .findFirst({ where: { runId, status: "open", id: { not: open.id } } })
          .then((t) => t ?? undefined),
      );
      expect(fresh.input).toEqual({ n: 8 });
      expect(
        (await h.db.prisma.manualTask.findUniqueOrThrow({ where: { id: open.id } })).status,
      ).toBe("cancelled");
      await expect(h.engine.approveTask(open.id, {}, await approver())).rejects.toMatchObject({
        code: "CONFLICT",
      });
    });
  });
});
