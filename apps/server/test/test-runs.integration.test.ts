import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase } from "@baton/db/testing";
import type { TScenario } from "@baton/model";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TRunningServer } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import type { AppRouter } from "../src/index.ts";
import { signedInAs, type TClient } from "./auth-client.ts";

const HOOK_TOKEN = "webhook-token-for-the-test-runs-tests";
const KEPT = 4;

// Counts its calls in calls.log beside it, so a test sees whether a step really ran.
const COUNT = `
import { appendFileSync } from "node:fs";
export const description = "Adds one, and counts its calls";
export const input = {
  type: "object",
  properties: { n: { type: "integer" } },
  required: ["n"],
  additionalProperties: false,
};
export const output = input;
export async function handler({ n }) {
  appendFileSync(new URL("./calls.log", import.meta.url), "call\\n");
  return { n: n + 1 };
}
`;

const DOUBLE = `
export const description = "Doubles a number";
export const input = {
  type: "object",
  properties: { n: { type: "integer" } },
  required: ["n"],
  additionalProperties: false,
};
export const output = input;
export async function handler({ n }) {
  return { n: n * 2 };
}
`;

const at = { x: 0, y: 0 };
const N_SCHEMA = {
  type: "object",
  properties: { n: { type: "integer" } },
  required: ["n"],
  additionalProperties: false,
};

/** start → count (n + 1) → double (n × 2) → end { result } */
const counting = (slug: string): TScenario => ({
  format: "baton.scenario/v1",
  slug,
  name: "Counting",
  nodes: [
    { id: "start", kind: "start", label: "Start", position: at, inputSchema: N_SCHEMA },
    {
      id: "count",
      kind: "function",
      label: "Count",
      position: at,
      function: "examples/Count",
      input: { n: { ref: "input.n" } },
      retry: { maxAttempts: 1 },
    },
    { id: "double", kind: "function", label: "Double", position: at, function: "examples/Double" },
    {
      id: "end",
      kind: "end",
      label: "End",
      position: at,
      output: { result: { ref: "steps.double.output.n" } },
    },
  ],
  edges: [
    { id: "e1", kind: "next", source: "start", target: "count" },
    { id: "e2", kind: "next", source: "count", target: "double" },
    { id: "e3", kind: "next", source: "double", target: "end" },
  ],
});

const databases = [{ kind: "embedded" }, { kind: "postgres" }];

describe.each(databases)("test runs on the $kind database", ({ kind }) => {
  let server: TRunningServer;
  let root: string;
  let callsLog: string;
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let admin: TClient;
  let designer: TClient;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "baton-test-runs-"));
    const functionsDir = path.join(root, "functions");
    const scenariosDir = path.join(root, "scenarios");
    await Promise.all([mkdir(functionsDir), mkdir(scenariosDir)]);
    await writeFile(path.join(functionsDir, "Count.mjs"), COUNT);
    await writeFile(path.join(functionsDir, "Double.mjs"), DOUBLE);
    callsLog = path.join(functionsDir, "calls.log");
    database = kind === "postgres" ? await createTestDatabase() : undefined;
    server = await startServer(
      loadConfig({
        PORT: "0",
        BATON_DATA_DIR: path.join(root, "data"),
        BATON_FUNCTIONS_DIR: functionsDir,
        BATON_SCENARIOS_DIR: scenariosDir,
        BATON_HOOK_TOKEN: HOOK_TOKEN,
        BATON_TEST_RUNS_KEPT: String(KEPT),
        ...(database ? { DATABASE_URL: database.url } : {}),
      }),
    );
    admin = (await signedInAs(server, ["admin"])).client;
    designer = (await signedInAs(server, ["designer"])).client;
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    await rm(root, { recursive: true, force: true });
  });

  const calls = async () =>
    (await readFile(callsLog, "utf8").catch(() => "")).split("\n").filter(Boolean).length;

  const waitForRun = async (id: string) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const run = await admin.runs.get.query({ id });
      if (["succeeded", "failed", "cancelled"].includes(run.status)) return run;
      if (Date.now() > deadline) throw new Error(`run ${id} is still ${run.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCClientError);
    return error as TRPCClientError<AppRouter>;
  };

  let slugs = 0;
  /** A new scenario whose draft is `draft(slug)`, as the designer would have saved it. */
  const scenarioWith = async (draft: (slug: string) => TScenario = counting) => {
    const slug = `counting-${kind}-${++slugs}`;
    const created = await designer.scenarios.import.mutate({ json: JSON.stringify(draft(slug)) });
    return { id: created.id, slug, draftUpdatedAt: created.draftUpdatedAt };
  };

  it("refuses a draft the check refuses, with its diagnostics, and starts nothing", async () => {
    const scenario = await scenarioWith((slug) => {
      const draft = counting(slug);
      return {
        ...draft,
        nodes: draft.nodes.map((n) =>
          n.id === "double" ? { ...n, function: "examples/Gone" } : n,
        ),
      };
    });
    const before = (await admin.runs.list.query({ test: true, scenarioId: scenario.id })).items;
    const error = await failure(
      designer.testRuns.start.mutate({
        scenarioId: scenario.id,
        draftUpdatedAt: scenario.draftUpdatedAt,
        input: { n: 1 },
      }),
    );
    expect(error.data?.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/"Counting" cannot be tested: the check found 1 error/);
    expect(error.data?.details).toMatchObject({
      diagnostics: expect.arrayContaining([
        expect.objectContaining({ nodeId: "double", code: "unknown-function" }),
      ]),
    });
    expect(before).toEqual([]);
    expect((await admin.runs.list.query({ test: true, scenarioId: scenario.id })).items).toEqual(
      [],
    );
  });

  it("refuses a draft that changed since the person saw it", async () => {
    const scenario = await scenarioWith();
    const error = await failure(
      designer.testRuns.start.mutate({
        scenarioId: scenario.id,
        draftUpdatedAt: new Date(Date.parse(String(scenario.draftUpdatedAt)) - 1000),
        input: { n: 1 },
      }),
    );
    expect(error.data?.code).toBe("CONFLICT");
    expect(error.message).toMatch(/reload and test what you see/);
  });

  it("runs the draft as a test run, kept out of real runs, counts, versions and audit", async () => {
    const scenario = await scenarioWith();
    const { runId } = await designer.testRuns.start.mutate({
      scenarioId: scenario.id,
      draftUpdatedAt: scenario.draftUpdatedAt,
      input: { n: 4 },
    });
    const run = await waitForRun(runId);
    expect(run).toMatchObject({ status: "succeeded", test: true, output: { result: 10 } });
    expect(run.scenarioVersion.scenario.id).toBe(scenario.id);

    const real = await admin.runs.list.query({ scenarioId: scenario.id, limit: 50 });
    expect(real.items).toEqual([]);
    expect(await admin.runs.counts.query({ scenarioId: scenario.id })).toEqual({});
    const tests = await admin.runs.list.query({ scenarioId: scenario.id, test: true });
    expect(tests.items.map((r) => [r.id, r.test])).toEqual([[runId, true]]);
    expect(await admin.runs.counts.query({ scenarioId: scenario.id, test: true })).toEqual({
      succeeded: 1,
    });
    const overview = await admin.system.overview.query();
    expect(overview.versions).toBe(0);
    expect(Object.values(overview.runs).reduce((a, b) => a + b, 0)).toBe(0);
    // no version was published by trying the draft
    expect(await admin.scenarios.versions.query({ id: scenario.id })).toEqual([]);
    const monitor = await admin.runs.monitor.query({ id: runId });
    expect(monitor).toMatchObject({
      test: true,
      trigger: "test",
      scenarioVersion: { test: true, note: "The draft", pinned: [] },
    });
    const audit = await admin.audit.list.query({ target: runId });
    expect(audit.items.map((e) => e.action)).toEqual(["run.test"]);
    expect(await designer.testRuns.list.query({ scenarioId: scenario.id })).toMatchObject([
      { id: runId, status: "succeeded", tested: "The draft" },
    ]);
  });

  it("skips calling a pinned step and uses its pinned output; real runs never do", async () => {
    const scenario = await scenarioWith();
    const refused = await failure(
      designer.testRuns.pin.mutate({
        scenarioId: scenario.id,
        nodeId: "count",
        output: { n: "five" },
      }),
    );
    expect(refused.data?.code).toBe("BAD_REQUEST");
    expect(refused.message).toMatch(/cannot be pinned: it does not fit Count's output/);
    await designer.testRuns.pin.mutate({
      scenarioId: scenario.id,
      nodeId: "count",
      output: { n: 20 },
    });
    expect(await designer.testRuns.pins.query({ scenarioId: scenario.id })).toMatchObject([
      { nodeId: "count", output: { n: 20 }, sourceStepRunId: null },
    ]);

    const before = await calls();
    const { runId } = await designer.testRuns.start.mutate({
      scenarioId: scenario.id,
      draftUpdatedAt: scenario.draftUpdatedAt,
      input: { n: 1 },
    });
    const run = await waitForRun(runId);
    expect(run).toMatchObject({ status: "succeeded", output: { result: 40 } });
    expect(await calls()).toBe(before);
    expect((await admin.runs.monitor.query({ id: runId })).scenarioVersion.pinned).toEqual([
      "count",
    ]);

    // publishing ignores pins: a real run calls the step
    const version = await designer.scenarios.publish.mutate({
      id: scenario.id,
      draftUpdatedAt: scenario.draftUpdatedAt,
    });
    const real = await admin.runs.start.mutate({ versionId: version.id, input: { n: 1 } });
    expect(await waitForRun(real.runId)).toMatchObject({
      status: "succeeded",
      test: false,
      output: { result: 4 },
    });
    expect(await calls()).toBe(before + 1);

    // a pin taken from a real run's step, then unpinned: the next test run calls it again
    const sample = (
      await designer.testRuns.stepSamples.query({ scenarioId: scenario.id, nodeId: "count" })
    ).find((s) => s.runId === real.runId)!;
    expect(sample).toMatchObject({ status: "succeeded", test: false, version: 1 });
    await designer.testRuns.pin.mutate({
      scenarioId: scenario.id,
      nodeId: "count",
      stepRunId: sample.id,
    });
    expect(await designer.testRuns.pins.query({ scenarioId: scenario.id })).toMatchObject([
      { nodeId: "count", output: { n: 2 }, sourceStepRunId: sample.id },
    ]);
    await designer.testRuns.unpin.mutate({ scenarioId: scenario.id, nodeId: "count" });
    const unpinned = await designer.testRuns.start.mutate({
      scenarioId: scenario.id,
      draftUpdatedAt: scenario.draftUpdatedAt,
      input: { n: 1 },
    });
    expect((await waitForRun(unpinned.runId)).status).toBe("succeeded");
    expect(await calls()).toBe(before + 2);
  });

  it("runs one step alone with the input it had in a previous run", async () => {
    const scenario = await scenarioWith();
    const first = await designer.testRuns.start.mutate({
      scenarioId: scenario.id,
      draftUpdatedAt: scenario.draftUpdatedAt,
      input: { n: 6 },
    });
    await waitForRun(first.runId);
    const [sample] = await designer.testRuns.stepSamples.query({
      scenarioId: scenario.id,
      nodeId: "double",
    });
    expect(sample).toMatchObject({ runId: first.runId, test: true, version: null });
    const { input } = await designer.runs.stepRun.query({ id: sample!.id });
    expect(input).toEqual({ n: 7 });

    const before = await calls();
    const { runId } = await designer.testRuns.start.mutate({
      scenarioId: scenario.id,
      draftUpdatedAt: scenario.draftUpdatedAt,
      nodeId: "double",
      input: input as { n: number },
    });
    const run = await waitForRun(runId);
    expect(run).toMatchObject({ status: "succeeded", test: true, output: { n: 14 } });
    expect(run.stepRuns.filter((s) => s.nodeId === "double")).toHaveLength(1);
    // only that step ran: the step before it was not called
    expect(await calls()).toBe(before);
    expect(await designer.testRuns.list.query({ scenarioId: scenario.id })).toMatchObject([
      { id: runId, tested: 'Step "Double"' },
      { id: first.runId, tested: "The draft" },
    ]);

    const bad = await failure(
      designer.testRuns.start.mutate({
        scenarioId: scenario.id,
        draftUpdatedAt: scenario.draftUpdatedAt,
        nodeId: "double",
        input: { n: "seven" },
      }),
    );
    expect(bad.data?.code).toBe("BAD_REQUEST");
    expect(bad.message).toMatch(/The input does not fit what "Double" takes: .*n/);
    const notAFunction = await failure(
      designer.testRuns.start.mutate({
        scenarioId: scenario.id,
        draftUpdatedAt: scenario.draftUpdatedAt,
        nodeId: "end",
        input: {},
      }),
    );
    expect(notAFunction.message).toMatch(/"End" is a end step; only a function step runs alone/);
  });

  it("never lets a webhook or a real run start a draft's snapshot", async () => {
    const scenario = await scenarioWith();
    const { runId } = await designer.testRuns.start.mutate({
      scenarioId: scenario.id,
      draftUpdatedAt: scenario.draftUpdatedAt,
      input: { n: 1 },
    });
    await waitForRun(runId);
    const hook = await fetch(`${server.url}/hooks/${scenario.slug}`, {
      method: "POST",
      headers: { authorization: `Bearer ${HOOK_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ n: 1 }),
    });
    expect(hook.status).toBe(409);
    expect(await hook.json()).toMatchObject({
      error: expect.stringMatching(/no published version/),
    });
    const snapshot = (await admin.runs.monitor.query({ id: runId })).scenarioVersion.id;
    const refused = await failure(
      admin.runs.start.mutate({ versionId: snapshot, input: { n: 1 } }),
    );
    expect(refused.message).toMatch(/snapshot of a draft a test run ran, not a published version/);
  });

  it("deletes ended test runs, keeps the newest ones, and never deletes a real run", async () => {
    const scenario = await scenarioWith();
    const started: string[] = [];
    for (let i = 0; i < KEPT + 2; i++) {
      const { runId } = await designer.testRuns.start.mutate({
        scenarioId: scenario.id,
        draftUpdatedAt: scenario.draftUpdatedAt,
        input: { n: i },
      });
      await waitForRun(runId);
      started.push(runId);
    }
    const kept = await designer.testRuns.list.query({ scenarioId: scenario.id });
    // each start deletes the ended ones beyond the newest KEPT
    expect(kept.map((r) => r.id)).toEqual(started.slice(-KEPT).reverse());
    await expect(admin.runs.get.query({ id: started[0]! })).rejects.toThrow(/No run/);

    await designer.testRuns.delete.mutate({ id: started.at(-1)! });
    expect((await designer.testRuns.list.query({ scenarioId: scenario.id })).length).toBe(KEPT - 1);

    const version = await designer.scenarios.publish.mutate({
      id: scenario.id,
      draftUpdatedAt: scenario.draftUpdatedAt,
    });
    const real = await admin.runs.start.mutate({ versionId: version.id, input: { n: 1 } });
    await waitForRun(real.runId);
    const refused = await failure(designer.testRuns.delete.mutate({ id: real.runId }));
    expect(refused.data?.code).toBe("NOT_FOUND");
    expect((await admin.runs.get.query({ id: real.runId })).status).toBe("succeeded");
  });

  it("cancels a test run still going before deleting it, and drops the jobs it left", async () => {
    const scenario = await scenarioWith((slug) => {
      const draft = counting(slug);
      return {
        ...draft,
        nodes: [
          ...draft.nodes,
          { id: "pause", kind: "wait", label: "Pause", position: at, duration: 1_500 },
        ],
        edges: [
          { id: "e0", kind: "next", source: "start", target: "pause" },
          { id: "e1", kind: "next", source: "pause", target: "count" },
          ...draft.edges.slice(1),
        ],
      };
    });
    const { runId } = await designer.testRuns.start.mutate({
      scenarioId: scenario.id,
      draftUpdatedAt: scenario.draftUpdatedAt,
      input: { n: 1 },
    });
    const deadline = Date.now() + 10_000;
    while ((await admin.runs.get.query({ id: runId })).stepRuns.every((s) => s.nodeId !== "pause"))
      if (Date.now() > deadline) throw new Error("the wait step never started");
    const refused = await failure(designer.testRuns.delete.mutate({ id: runId }));
    expect(refused.data?.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/cancel it first/);
    await designer.testRuns.cancel.mutate({ id: runId });
    expect((await waitForRun(runId)).status).toBe("cancelled");
    await designer.testRuns.delete.mutate({ id: runId });
    await expect(admin.runs.get.query({ id: runId })).rejects.toThrow(/No run/);

    // the wait's job comes back once its time has come, finds nothing, and is done
    const prisma = server.services.db.prisma;
    const jobState = async () =>
      (
        await prisma.$queryRawUnsafe<{ state: string }[]>(
          `SELECT state::text AS state FROM pgboss.job WHERE data->>'runId' = $1 AND data->>'nodeId' = 'pause'`,
          runId,
        )
      ).map((row) => row.state);
    const settled = Date.now() + 20_000;
    while (!(await jobState()).every((state) => state === "completed")) {
      expect(Date.now()).toBeLessThan(settled);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await jobState()).length).toBeGreaterThan(0);
  });

  it("makes the runs a test run's subscenario steps start test runs too", async () => {
    const child = await scenarioWith();
    await designer.scenarios.publish.mutate({
      id: child.id,
      draftUpdatedAt: child.draftUpdatedAt,
    });
    const parent = await scenarioWith((slug) => ({
      format: "baton.scenario/v1",
      slug,
      name: "Parent",
      nodes: [
        { id: "start", kind: "start", label: "Start", position: at, inputSchema: N_SCHEMA },
        {
          id: "call",
          kind: "subscenario",
          label: "Call",
          position: at,
          scenario: { slug: child.slug, version: 1 },
          input: { n: { ref: "input.n" } },
        },
        { id: "end", kind: "end", label: "End", position: at },
      ],
      edges: [
        { id: "e1", kind: "next", source: "start", target: "call" },
        { id: "e2", kind: "next", source: "call", target: "end" },
      ],
    }));
    const { runId } = await designer.testRuns.start.mutate({
      scenarioId: parent.id,
      draftUpdatedAt: parent.draftUpdatedAt,
      input: { n: 2 },
    });
    expect((await waitForRun(runId)).status).toBe("succeeded");
    const prisma = server.services.db.prisma;
    const children = await prisma.run.findMany({
      where: { scenarioVersion: { scenarioId: child.id } },
      select: { id: true, test: true },
    });
    expect(children).toEqual([{ id: expect.any(String), test: true }]);
    expect((await admin.runs.list.query({ scenarioId: child.id })).items).toEqual([]);
    expect(await designer.testRuns.list.query({ scenarioId: child.id })).toEqual([]);

    await designer.testRuns.delete.mutate({ id: runId });
    expect(await prisma.run.count({ where: { id: children[0]!.id } })).toBe(0);
    // the child's published version stays
    expect(await admin.scenarios.versions.query({ id: child.id })).toHaveLength(1);
  });
});
