import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type TDatabase } from "@baton/db";
import { createTestDatabase } from "@baton/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRunMonitor } from "../src/runs/load-run-monitor.ts";

const databases = [{ kind: "embedded" }, { kind: "postgres" }];

/** The nested Prisma read `runs.monitor` used before, as JSON sends it: the reference. */
const prismaMonitor = async (db: TDatabase, id: string) => {
  const run = await db.prisma.run.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      input: true,
      output: true,
      error: true,
      trigger: true,
      test: true,
      generation: true,
      stepsTotal: true,
      createdAt: true,
      startedAt: true,
      endedAt: true,
      updatedAt: true,
      startedBy: { select: { id: true, name: true } },
      scenarioVersion: {
        select: {
          id: true,
          version: true,
          test: true,
          note: true,
          pinned: true,
          definition: true,
          scenario: { select: { id: true, name: true, slug: true } },
        },
      },
      stepRuns: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          nodeId: true,
          scope: true,
          generation: true,
          status: true,
          attempt: true,
          error: true,
          createdAt: true,
          scheduledAt: true,
          startedAt: true,
          endedAt: true,
          updatedAt: true,
          attempts: {
            orderBy: { attempt: "asc" },
            select: { attempt: true, status: true, error: true, startedAt: true, endedAt: true },
          },
          task: {
            select: { id: true, title: true, status: true, createdAt: true, decidedAt: true },
          },
        },
      },
    },
  });
  if (!run) return run;
  // the monitor names the pinned steps; their values are the step runs' outputs
  const pinned = Object.keys(run.scenarioVersion.pinned as object).sort();
  return JSON.parse(
    JSON.stringify({ ...run, scenarioVersion: { ...run.scenarioVersion, pinned } }),
  );
};

describe.each(databases)("loadRunMonitor on the $kind database", ({ kind }) => {
  let db: TDatabase;
  let dataDir: string;
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let runId: string;
  let quietRunId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "baton-monitor-"));
    database = kind === "postgres" ? await createTestDatabase() : undefined;
    db = await openDatabase({ dataDir, databaseUrl: database?.url });
    const { prisma } = db;
    const user = await prisma.user.create({
      data: { email: `ops-${randomUUID()}@example.com`, name: "Ops" },
    });
    const scenario = await prisma.scenario.create({
      data: { slug: `s-${randomUUID()}`, name: "Orders", draft: {} },
    });
    const version = await prisma.scenarioVersion.create({
      data: {
        scenarioId: scenario.id,
        version: 1,
        definition: { nodes: [{ id: "a", function: "f" }], edges: [], ünïcode: "“quoted”" },
        test: true,
        note: "The draft",
        pinned: { b: { total: 1 }, a: null },
      },
    });
    const run = await prisma.run.create({
      data: {
        scenarioVersionId: version.id,
        test: true,
        status: "waiting",
        input: { amount: 12.5, tags: ["x"] },
        error: { message: 'it\'s "broken"' },
        startedById: user.id,
        stepsTotal: 3,
        startedAt: new Date("2026-12-04T10:00:00.007Z"),
      },
    });
    runId = run.id;
    const at = (ms: number) => new Date(Date.UTC(2026, 11, 4, 10, 0, 0, ms));
    // same creation time for two steps, so the order by id is exercised
    const steps = await Promise.all(
      [
        { nodeId: "a", createdAt: at(10), status: "succeeded" as const, endedAt: at(20) },
        { nodeId: "b", createdAt: at(30), status: "waiting" as const },
        { nodeId: "c", createdAt: at(30), status: "failed" as const, scope: "2/1" },
      ].map((data) => prisma.stepRun.create({ data: { runId: run.id, attempt: 1, ...data } })),
    );
    await prisma.stepAttempt.createMany({
      data: [2, 1].map((attempt) => ({
        stepRunId: steps[0]!.id,
        attempt,
        status: attempt === 1 ? ("failed" as const) : ("succeeded" as const),
        idempotencyKey: `k${attempt}`,
        error: attempt === 1 ? { message: "timeout" } : undefined,
        startedAt: at(attempt),
      })),
    });
    await prisma.manualTask.create({
      data: {
        runId: run.id,
        stepRunId: steps[1]!.id,
        nodeId: "b",
        title: "Approve",
        formSchema: {},
      },
    });
    quietRunId = (await prisma.run.create({ data: { scenarioVersionId: version.id, input: {} } }))
      .id;
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("answers what the nested Prisma read answered, attempts, tasks and order included", async () => {
    const loaded = await loadRunMonitor(db, runId);
    expect(loaded).toEqual(await prismaMonitor(db, runId));
    expect(loaded?.stepRuns.map((s) => s.nodeId)).toHaveLength(3);
    expect(loaded?.stepRuns[0]?.attempts.map((a) => a.attempt)).toEqual([1, 2]);
  });

  it("gives a run without steps or starter empty lists and nulls", async () => {
    const loaded = await loadRunMonitor(db, quietRunId);
    expect(loaded).toEqual(await prismaMonitor(db, quietRunId));
    expect(loaded).toMatchObject({ stepRuns: [], startedBy: null, output: null });
  });

  it("gives undefined for an unknown run", async () => {
    expect(await loadRunMonitor(db, randomUUID())).toBeUndefined();
  });
});
