import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { largeOrderInput } from "../../../examples/inputs.ts";
import { startServer, type TRunningServer } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import type { AppRouter } from "../src/index.ts";
import { addUser, FIRST_ADMIN_ROLES } from "../src/users/create-user.ts";
import { clientWithCookie, PASSWORD, signIn, type TClient } from "./auth-client.ts";

let server: TRunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "baton-first-admin-"));
  server = await startServer(loadConfig({ PORT: "0", BATON_DATA_DIR: dataDir }));
});

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const setUp = async (): Promise<TClient> => {
  const response = await fetch(`${server.url}/trpc/auth.setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "root@example.com", name: "Root", password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return clientWithCookie(server.url, response.headers.getSetCookie()[0]!.split(";")[0]!);
};

/** Starts the example order, large enough to wait for an approver, and returns its task. */
const orderWaitingForApproval = async (client: TClient) => {
  const { runId } = await client.runs.start.mutate({
    scenario: "order",
    input: largeOrderInput(),
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const open = await client.tasks.list.query({ status: "open" });
    const task = open.items.find((t) => t.run.id === runId);
    if (task) return { runId, task };
    if (Date.now() > deadline) throw new Error("the order never asked for an approval");
    await new Promise((r) => setTimeout(r, 100));
  }
};

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<AppRouter>;
};

describe("the first administrator", () => {
  let root: TClient;

  it("holds every role, so the demo order's approval is theirs to decide", async () => {
    root = await setUp();
    const { user } = await root.auth.state.query();
    expect(user?.roles).toEqual([...FIRST_ADMIN_ROLES]);

    const { runId, task } = await orderWaitingForApproval(root);
    expect(task).toMatchObject({ actionable: true, stepLabel: "Approve order" });
    expect(task.run.scenarioVersion.scenario.name).toBe("Order with approval");
    const detail = await root.tasks.get.query({ id: task.id });
    expect(detail).toMatchObject({
      actionable: true,
      roleToTake: null,
      stepLabel: "Approve order",
    });

    await root.tasks.approve.mutate({ id: task.id, data: { note: "Fine" } });
    expect((await root.tasks.get.query({ id: task.id })).status).toBe("approved");
    const deadline = Date.now() + 30_000;
    while ((await root.runs.get.query({ id: runId })).status !== "succeeded") {
      if (Date.now() > deadline) throw new Error("the approved order never ended");
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it("is the only one: later administrators hold the roles they are given", async () => {
    const { prisma } = server.services.db;
    const later = await addUser(
      prisma,
      {
        email: "later@example.com",
        name: "Later",
        roles: ["admin"],
        password: PASSWORD,
      },
      () => undefined,
    );
    expect(later.roles).toEqual(["admin"]);
  });

  it("lets an administrator without the approver role take it to decide, recorded", async () => {
    const cookie = await signIn(server.url, "later@example.com");
    const later = clientWithCookie(server.url, cookie);
    const { task } = await orderWaitingForApproval(root);

    const before = await later.tasks.get.query({ id: task.id });
    expect(before).toMatchObject({ actionable: false, roleToTake: "approver" });
    const refused = await refusal(later.tasks.approve.mutate({ id: task.id, data: {} }));
    expect(refused.data?.httpStatus).toBe(403);

    expect(await later.users.takeRole.mutate({ role: "approver", taskId: task.id })).toEqual({
      roles: ["admin", "approver"],
    });
    const after = await later.tasks.get.query({ id: task.id });
    expect(after).toMatchObject({ actionable: true, roleToTake: null });
    await later.tasks.approve.mutate({ id: task.id, data: {} });

    const audit = await root.audit.list.query({ action: "user.take-role" });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      actor: { name: "Later" },
      data: { email: "later@example.com", role: "approver", task: task.id },
    });
    // taking a role held already changes and records nothing
    expect(await later.users.takeRole.mutate({ role: "approver" })).toEqual({
      roles: ["admin", "approver"],
    });
    expect((await root.audit.list.query({ action: "user.take-role" })).items).toHaveLength(1);
  });

  it("offers no role to someone who is no administrator", async () => {
    const { prisma } = server.services.db;
    await addUser(
      prisma,
      {
        email: "vic@example.com",
        name: "Vic",
        roles: ["viewer"],
        password: PASSWORD,
      },
      () => undefined,
    );
    const viewer = clientWithCookie(server.url, await signIn(server.url, "vic@example.com"));
    const { task } = await orderWaitingForApproval(root);
    expect(await viewer.tasks.get.query({ id: task.id })).toMatchObject({
      actionable: false,
      roleToTake: null,
    });
    const refused = await refusal(viewer.users.takeRole.mutate({ role: "approver" }));
    expect(refused.data?.httpStatus).toBe(403);
  });
});
