import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { largeOrderInput } from "../../../examples/inputs.ts";
import { startServer, type TRunningServer } from "../src/app.ts";
import { audited } from "../src/audit/record-audit.ts";
import { loadConfig } from "../src/config.ts";
import { signedInAs } from "./auth-client.ts";

let server: TRunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "baton-audit-"));
  server = await startServer(loadConfig({ PORT: "0", BATON_DATA_DIR: dataDir }));
});

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("the audit trail", () => {
  it("names the people, scenarios, versions, runs and tasks its entries point at", async () => {
    const { client: admin, user } = await signedInAs(server, ["admin", "designer", "operator"]);
    const order = await admin.scenarios.get.query({ slug: "order" });
    const published = await admin.scenarios.publish.mutate({
      id: order.id,
      draftUpdatedAt: order.draftUpdatedAt,
    });
    const { runId } = await admin.runs.start.mutate({
      scenario: "order",
      input: largeOrderInput(),
    });
    let taskId: string | undefined;
    for (const deadline = Date.now() + 30_000; !taskId && Date.now() < deadline; ) {
      const open = await admin.tasks.list.query({ status: "open" });
      taskId = open.items.find((t) => t.run.id === runId)?.id;
      if (!taskId) await new Promise((r) => setTimeout(r, 100));
    }
    expect(taskId).toBeDefined();
    await admin.users.takeRole.mutate({ role: "approver", taskId: taskId! });
    await admin.tasks.reject.mutate({ id: taskId!, reason: "Too large" });

    const entries = (await admin.audit.list.query({ actorId: user.id })).items;
    const entry = (action: string) => entries.find((e) => e.action === action)!;
    const run = `Order with approval · run ${runId.slice(0, 8)}`;
    expect(entry("auth.login").subject).toEqual({ name: user.name, title: user.email });
    expect(entry("scenario.publish")).toMatchObject({
      subject: { name: "Order with approval", href: "/scenarios/order" },
      refs: {
        versionId: {
          name: `Order with approval v${published.version}`,
          href: "/scenarios/order",
        },
      },
    });
    expect(entry("run.start")).toMatchObject({
      subject: { name: run, href: `/runs/${runId}` },
      refs: { versionId: { name: `Order with approval v${published.version}` } },
    });
    expect(entry("user.take-role")).toMatchObject({
      subject: { name: user.name },
      refs: { task: { name: "Approve a large order", href: `/tasks/${taskId}`, title: run } },
    });
    expect(entry("task.reject").subject).toEqual({
      name: "Approve a large order",
      href: `/tasks/${taskId}`,
      title: run,
    });
  });

  it("keeps the id of something it cannot name, and names no email", async () => {
    const { client: admin } = await signedInAs(server, ["admin"]);
    await fetch(`${server.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "nobody@example.com", password: "wrong password" }),
    });
    const [failed] = (await admin.audit.list.query({ action: "auth.login-failed" })).items;
    expect(failed).toMatchObject({ target: "nobody@example.com", subject: null, refs: {} });
    const { prisma } = server.services.db;
    await prisma.auditEntry.create({
      data: { action: "run.cancel", target: "00000000-0000-4000-8000-00000000dead", data: {} },
    });
    const [gone] = (await admin.audit.list.query({ action: "run.cancel" })).items;
    expect(gone).toMatchObject({ target: "00000000-0000-4000-8000-00000000dead", subject: null });
  });
});

describe("an audited action", () => {
  it("happens with its entry or not at all", async () => {
    const { prisma } = server.services.db;
    const users = await prisma.user.count();
    const entries = await prisma.auditEntry.count();
    const create = (actorId: string | null) =>
      audited(
        prisma,
        (tx) =>
          tx.user.create({ data: { email: `${randomUUID()}@example.com`, name: "A", roles: [] } }),
        (user) => ({ actorId, action: "user.create", target: user.id }),
      );
    // an entry naming nobody who exists cannot be written: the user goes with it
    await expect(create(randomUUID())).rejects.toThrow(/foreign key/i);
    expect([await prisma.user.count(), await prisma.auditEntry.count()]).toEqual([users, entries]);
    const user = await create(null);
    expect(await prisma.auditEntry.findMany({ where: { target: user.id } })).toMatchObject([
      { action: "user.create" },
    ]);
  });
});
