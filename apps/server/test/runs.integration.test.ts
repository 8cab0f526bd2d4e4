import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase } from "@baton/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { largeOrderInput, signupInput } from "../../../examples/inputs.ts";
import { startServer, type TRunningServer } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { signedInAs, type TClient } from "./auth-client.ts";

const HOOK_TOKEN = "webhook-token-for-the-runs-tests";

const databases = [{ kind: "embedded" }, { kind: "postgres" }];

describe.each(databases)("runs on the $kind database", ({ kind }) => {
  let server: TRunningServer;
  let dataDir: string;
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let client: TClient;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "baton-runs-"));
    database = kind === "postgres" ? await createTestDatabase() : undefined;
    server = await startServer(
      loadConfig({
        PORT: "0",
        BATON_DATA_DIR: dataDir,
        BATON_HOOK_TOKEN: HOOK_TOKEN,
        ...(database ? { DATABASE_URL: database.url } : {}),
      }),
    );
    // operates runs and decides the order scenario's task, which is for approvers
    client = (await signedInAs(server, ["operator", "approver"])).client;
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const waitForRun = async (id: string, statuses = ["succeeded", "failed", "cancelled"]) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const run = await client.runs.get.query({ id });
      if (statuses.includes(run.status)) return run;
      if (Date.now() > deadline) throw new Error(`run ${id} is still ${run.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  describe("the example scenarios on a first start", () => {
    it("are published", () => {
      expect(server.examples).toEqual({ published: ["order", "user-sign-up"], problems: [] });
    });

    it("run the sign-up flow through the API", async () => {
      const { runId } = await client.runs.start.mutate({
        scenario: "user-sign-up",
        input: signupInput(),
      });
      const run = await waitForRun(runId);
      expect(run.status, JSON.stringify(run.error)).toBe("succeeded");
      expect(run.stepRuns.map((s) => s.status).every((s) => s === "succeeded")).toBe(true);
      const page = await client.runs.list.query({ limit: 10 });
      expect(page.items.find((r) => r.id === runId)).toMatchObject({
        stepsDone: run.stepRuns.length,
      });
    });

    it("count a map step once in a run's progress, not each of its items", async () => {
      const designer = (await signedInAs(server, ["designer", "operator"])).client;
      const at = { x: 0, y: 0 };
      const imported = await designer.scenarios.import.mutate({
        json: JSON.stringify({
          format: "baton.scenario/v1",
          slug: `map-progress-${kind}`,
          name: "Map progress",
          nodes: [
            { id: "start", kind: "start", label: "Start", position: at },
            {
              id: "each",
              kind: "map",
              label: "Each",
              position: at,
              items: { literal: [1, 2, 3, 4] },
              body: {
                nodes: [
                  { id: "item", kind: "start", label: "Item", position: at },
                  { id: "itemEnd", kind: "end", label: "Item done", position: at },
                ],
                edges: [{ id: "i", kind: "next", source: "item", target: "itemEnd" }],
              },
            },
            { id: "end", kind: "end", label: "End", position: at },
          ],
          edges: [
            { id: "a", kind: "next", source: "start", target: "each" },
            { id: "b", kind: "next", source: "each", target: "end" },
          ],
        }),
      });
      const version = await designer.scenarios.publish.mutate({
        id: imported.id,
        draftUpdatedAt: imported.draftUpdatedAt,
      });
      const { runId } = await designer.runs.start.mutate({ versionId: version.id, input: {} });
      expect((await waitForRun(runId)).status).toBe("succeeded");
      const page = await client.runs.list.query({ limit: 10 });
      expect(page.items.find((r) => r.id === runId)).toMatchObject({ stepsDone: 3, stepsTotal: 3 });
    });

    it("wait for a person on a large order, then finish when the task is approved", async () => {
      const { runId } = await client.runs.start.mutate({
        scenario: "order",
        input: largeOrderInput(),
      });
      const events: string[] = [];
      const sub = client.runs.events.subscribe(
        { runId },
        { onData: (batch) => events.push(...batch.data.map((e) => e.type)) },
      );
      const deadline = Date.now() + 30_000;
      let taskId: string | undefined;
      while (!taskId && Date.now() < deadline) {
        const open = await client.tasks.list.query({ status: "open" });
        taskId = open.items.find((t) => t.run.id === runId)?.id;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(taskId).toBeDefined();
      const task = await client.tasks.get.query({ id: taskId! });
      expect(task).toMatchObject({
        title: "Approve a large order",
        input: { amountCents: 58_000 },
      });
      await expect(
        client.tasks.approve.mutate({ id: taskId!, data: { note: "x".repeat(501) } }),
      ).rejects.toThrow(/note/);
      await client.tasks.approve.mutate({ id: taskId!, data: { note: "Thanks for your order" } });
      const run = await waitForRun(runId);
      expect(run.status, JSON.stringify(run.error)).toBe("succeeded");
      await new Promise((r) => setTimeout(r, 300));
      sub.unsubscribe();
      expect(events).toEqual(
        expect.arrayContaining(["run.started", "task.opened", "task.approved", "run.succeeded"]),
      );
    });

    it("refuses to start a run whose input breaks the schema", async () => {
      await expect(
        client.runs.start.mutate({ scenario: "user-sign-up", input: { name: "No email" } }),
      ).rejects.toThrow(/email/);
    });
  });

  describe("webhooks", () => {
    const hook = (slug: string, body: unknown, query = "", token = HOOK_TOKEN) =>
      fetch(`${server.url}/hooks/${slug}${query}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });

    it("start a run and answer with its id at once", async () => {
      const response = await hook("user-sign-up", signupInput());
      expect(response.status).toBe(202);
      const { runId } = (await response.json()) as { runId: string };
      const run = await waitForRun(runId);
      expect(run.status, JSON.stringify(run.error)).toBe("succeeded");
    });

    it("wait for the run's output when asked to", async () => {
      const response = await hook(
        "user-sign-up",
        signupInput(`wait.${kind}@example.com`),
        "?wait=30",
      );
      const body = await response.json();
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(body).toMatchObject({
        status: "succeeded",
        output: expect.any(Object),
      });
    });

    it("answer with the error of a run that failed", async () => {
      const response = await hook("user-sign-up", signupInput("taken@example.com"), "?wait=30");
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({
        status: "failed",
        error: { nodeId: "createUser" },
      });
    });

    it("refuse bad input, unknown scenarios and other methods with a clear message", async () => {
      const bad = await hook("user-sign-up", { name: "" });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toMatch(/input schema/);
      const notJson = await hook("user-sign-up", "{nope");
      expect(notJson.status).toBe(400);
      expect(((await notJson.json()) as { error: string }).error).toMatch(/not JSON/);
      expect((await hook("no-such-scenario", {})).status).toBe(404);
      expect((await fetch(`${server.url}/hooks/user-sign-up`)).status).toBe(405);
      expect((await hook("user-sign-up", signupInput(), "?wait=-1")).status).toBe(400);
      const tooLong = await hook("user-sign-up", signupInput(), "?wait=301");
      expect(tooLong.status).toBe(400);
      expect(await tooLong.json()).toEqual({
        error: "wait must be a number of seconds between 0 and 300.",
      });
    });

    it("answer 409 for a scenario that has no published version", async () => {
      const designer = await signedInAs(server, ["designer"]);
      await designer.client.scenarios.create.mutate({ name: "Unpublished", slug: "unpublished" });
      const response = await hook("unpublished", {});
      expect(response.status).toBe(409);
      expect(((await response.json()) as { error: string }).error).toMatch(/no published version/);
    });

    it("answer 202 with the status so far when the run outlasts the wait", async () => {
      // a large order waits for a person, far longer than the one second asked for
      const started = Date.now();
      const response = await hook("order", largeOrderInput(), "?wait=1");
      expect(response.status).toBe(202);
      const body = (await response.json()) as { runId: string; status: string };
      expect(body).toEqual({
        runId: expect.any(String),
        status: expect.stringMatching(/^(running|waiting)$/),
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      await client.runs.cancel.mutate({ id: body.runId });
    });

    it("refuse callers without the webhook token", async () => {
      const wrong = await hook("user-sign-up", signupInput(), "", "not-the-token");
      expect(wrong.status).toBe(401);
      expect(((await wrong.json()) as { error: string }).error).toMatch(/Authorization: Bearer/);
      const none = await fetch(`${server.url}/hooks/user-sign-up`, {
        method: "POST",
        body: JSON.stringify(signupInput()),
      });
      expect(none.status).toBe(401);
    });

    it("are recorded in the audit trail with their trigger", async () => {
      const response = await hook("user-sign-up", signupInput());
      const { runId } = (await response.json()) as { runId: string };
      const entry = await server.services.db.prisma.auditEntry.findFirst({
        where: { action: "run.start", target: runId },
      });
      expect(entry).toMatchObject({ actorId: null, data: { trigger: "webhook" } });
    });
  });
});
