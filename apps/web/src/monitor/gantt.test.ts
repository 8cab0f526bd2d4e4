import { describe, expect, it } from "vitest";
import { buildGantt, peakOverlap } from "./gantt.ts";
import { attempt, stepRun, T0, t } from "./test-fixtures.ts";

const at = (s: number) => T0 + s * 1000;

describe("buildGantt", () => {
  it("shows queueing, each attempt and the backoff between them", () => {
    const step = stepRun("charge", {
      scheduledAt: t(0),
      startedAt: t(1),
      endedAt: t(6),
      attempt: 2,
      attempts: [
        attempt(1, { status: "failed", startedAt: t(1), endedAt: t(2) }),
        attempt(2, { status: "succeeded", startedAt: t(4), endedAt: t(6) }),
      ],
    });
    const gantt = buildGantt([step], () => "Charge", at(10));
    expect(gantt.rows[0]!.segments).toEqual([
      { kind: "queued", from: at(0), to: at(1) },
      { kind: "attempt", from: at(1), to: at(2), status: "failed", attempt: 1 },
      { kind: "backoff", from: at(2), to: at(4) },
      { kind: "attempt", from: at(4), to: at(6), status: "succeeded", attempt: 2 },
    ]);
    expect(gantt).toMatchObject({ from: at(0), to: at(6) });
  });

  it("draws the time a person takes and runs open bars up to now", () => {
    const step = stepRun("approve", {
      status: "waiting",
      scheduledAt: t(0),
      startedAt: t(0),
      endedAt: null,
      attempts: [attempt(1, { status: "running", startedAt: t(0), endedAt: null })],
      task: { status: "open", createdAt: t(1), decidedAt: null } as never,
    });
    const [row] = buildGantt([step], () => "Approve", at(30)).rows;
    expect(row!.segments).toContainEqual({ kind: "person", from: at(1), to: at(30) });
    expect(row!.to).toBe(at(30));
  });

  it("orders rows by when they were scheduled and keeps superseded runs", () => {
    const gantt = buildGantt(
      [
        stepRun("b", {
          scheduledAt: t(5),
          attempts: [attempt(1, { startedAt: t(5), endedAt: t(6) })],
        }),
        stepRun("a", {
          status: "superseded",
          scheduledAt: t(1),
          attempts: [attempt(1, { startedAt: t(1), endedAt: t(2) })],
        }),
      ],
      (id) => id.toUpperCase(),
      at(10),
    );
    expect(gantt.rows.map((r) => [r.label, r.state])).toEqual([
      ["A", "superseded"],
      ["B", "succeeded"],
    ]);
  });

  it("gives a map's body steps a row per item, named by the item", () => {
    const rows = buildGantt(
      [
        stepRun("each", { id: "map", scheduledAt: t(0), attempts: [attempt(1)] }),
        stepRun("check", {
          id: "check-1",
          scope: "1",
          scheduledAt: t(2),
          attempts: [attempt(1, { startedAt: t(2), endedAt: t(3) })],
        }),
        stepRun("check", {
          id: "check-0",
          scope: "0",
          scheduledAt: t(1),
          attempts: [attempt(1, { startedAt: t(1), endedAt: t(2) })],
        }),
      ],
      (id) => (id === "check" ? "Check" : "Each"),
      at(20),
    ).rows;
    expect(rows.map((r) => [r.stepRunId, r.label, r.scope])).toEqual([
      ["map", "Each", ""],
      ["check-0", "Check · item 0", "0"],
      ["check-1", "Check · item 1", "1"],
    ]);
  });

  it("counts how many attempts ran at once", () => {
    const parallel = ["x", "y", "z"].map((id, i) =>
      stepRun(id, { attempts: [attempt(1, { startedAt: t(1 + i), endedAt: t(10) })] }),
    );
    expect(buildGantt(parallel, (id) => id, at(20)).peakParallel).toBe(3);
  });
});

describe("peakOverlap", () => {
  it("does not count a bar that ends as the next starts as overlapping", () => {
    expect(
      peakOverlap([
        { from: 0, to: 5 },
        { from: 5, to: 9 },
      ]),
    ).toBe(1);
    expect(peakOverlap([])).toBe(0);
  });
});
