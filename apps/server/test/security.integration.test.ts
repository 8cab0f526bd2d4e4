import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { largeOrderInput, signupInput } from "../../../examples/inputs.ts";
import { startServer, type TRunningServer } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { appRouter } from "../src/trpc/root.ts";
import { PASSWORD, signedInAs, signIn, type TClient } from "./auth-client.ts";

let server: TRunningServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "baton-security-"));
  server = await startServer(loadConfig({ PORT: "0", BATON_DATA_DIR: dataDir }));
});

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const query = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/trpc/${name}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers,
  });

const mutate = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/trpc/${name}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(input),
  });

const errorOf = async (response: Response) =>
  ((await response.json()) as { error: { message: string; data: { code: string } } }).error;

/** The first frames of an SSE subscription, as the browser's EventSource would read them. */
const subscriptionFrames = async (name: string, input: unknown, cookie?: string) => {
  const response = await fetch(
    `${server.url}/trpc/${name}?input=${encodeURIComponent(JSON.stringify(input))}`,
    { headers: { accept: "text/event-stream", ...(cookie ? { cookie } : {}) } },
  );
  const reader = response.body!.getReader();
  const stop = setTimeout(() => void reader.cancel(), 1_000);
  let text = "";
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  clearTimeout(stop);
  return text;
};

const waitFor = async <T>(probe: () => Promise<T | undefined>): Promise<T> => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe("the first administrator", () => {
  it("is created from the browser while Baton has no users, and only then", async () => {
    expect(await (await query("auth.state", null)).json()).toMatchObject({
      result: { data: { needsSetup: true, user: null } },
    });
    const weak = await mutate("auth.setup", {
      email: "root@example.com",
      name: "Root",
      password: "short",
    });
    expect(weak.status).toBe(400);
    expect((await errorOf(weak)).message).toMatch(/at least 10 characters/);
    const setup = await mutate("auth.setup", {
      email: "Root@Example.com",
      name: "Root",
      password: PASSWORD,
    });
    expect(setup.status).toBe(200);
    const cookie = setup.headers.getSetCookie()[0]!.split(";")[0]!;
    const state = await (await query("auth.state", null, { cookie })).json();
    expect(state).toMatchObject({
      result: {
        data: {
          needsSetup: false,
          user: { email: "root@example.com", roles: ["admin", "designer", "operator", "approver"] },
        },
      },
    });
    const again = await mutate("auth.setup", {
      email: "mallory@example.com",
      name: "Mallory",
      password: PASSWORD,
    });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).message).toMatch(/already has an administrator/);
  });
});

describe("sessions", () => {
  it("are refused when missing, forged, expired, ended or of a disabled user", async () => {
    expect((await query("runs.list", {})).status).toBe(401);
    expect((await mutate("runs.start", { scenario: "order", input: {} })).status).toBe(401);
    expect(await subscriptionFrames("runs.feed", null)).toMatch(
      /serialized-error[\s\S]*UNAUTHORIZED/,
    );
    expect((await query("runs.list", {}, { cookie: "baton_session=forged" })).status).toBe(401);

    const { cookie, user } = await signedInAs(server, ["viewer"]);
    expect((await query("runs.list", {}, { cookie })).status).toBe(200);
    expect(await subscriptionFrames("runs.feed", null, cookie)).not.toMatch(/serialized-error/);

    const { prisma } = server.services.db;
    await prisma.session.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    expect((await query("runs.list", {}, { cookie })).status).toBe(401);

    const second = await signIn(server.url, user.email);
    expect((await query("runs.list", {}, { cookie: second })).status).toBe(200);
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await query("runs.list", {}, { cookie: second })).status).toBe(401);
    expect((await mutate("auth.login", { email: user.email, password: PASSWORD })).status).toBe(
      401,
    );

    const { cookie: third } = await signedInAs(server, ["viewer"]);
    expect((await mutate("auth.logout", null, { cookie: third })).status).toBe(200);
    expect((await query("runs.list", {}, { cookie: third })).status).toBe(401);
  });

  it("end when an administrator resets the password", async () => {
    const admin = await signedInAs(server, ["admin"]);
    const { cookie, user } = await signedInAs(server, ["viewer"]);
    const other = await signIn(server.url, user.email);
    expect((await query("runs.list", {}, { cookie })).status).toBe(200);
    const reset = await mutate(
      "users.resetPassword",
      { id: user.id, password: `${PASSWORD} anew` },
      { cookie: admin.cookie },
    );
    expect(reset.status).toBe(200);
    for (const ended of [cookie, other]) {
      expect((await query("runs.list", {}, { cookie: ended })).status).toBe(401);
    }
    expect((await mutate("auth.login", { email: user.email, password: PASSWORD })).status).toBe(
      401,
    );
    expect(await signIn(server.url, user.email, `${PASSWORD} anew`)).toMatch(/^baton_session=/);
    // the administrator's own session is untouched
    expect((await query("runs.list", {}, { cookie: admin.cookie })).status).toBe(200);
  });

  it("live in httpOnly SameSite cookies, Secure behind HTTPS", async () => {
    const { user } = await signedInAs(server, ["viewer"]);
    const plain = await mutate("auth.login", { email: user.email, password: PASSWORD });
    const [cookie] = plain.headers.getSetCookie();
    expect(cookie).toMatch(/^baton_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=/);
    expect(cookie).not.toMatch(/Secure/);
    const proxied = await mutate(
      "auth.login",
      { email: user.email, password: PASSWORD },
      { "x-forwarded-proto": "https" },
    );
    expect(proxied.headers.getSetCookie()[0]).toMatch(/; Secure$/);
    // the database keeps a digest, never the cookie's value
    const value = cookie!.split(";")[0]!.split("=")[1]!;
    expect(await server.services.db.prisma.session.count({ where: { id: value } })).toBe(0);
  });

  it("are not handed out after too many wrong passwords", async () => {
    const { user } = await signedInAs(server, ["viewer"]);
    for (let i = 0; i < 5; i++) {
      const wrong = await mutate("auth.login", { email: user.email, password: "wrong password" });
      expect(wrong.status).toBe(401);
      expect((await errorOf(wrong)).message).toBe("Wrong email or password.");
    }
    const limited = await mutate("auth.login", { email: user.email, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect((await errorOf(limited)).message).toMatch(/try again in 15 minute/);
    const unknown = await mutate("auth.login", { email: "nobody@example.com", password: "x" });
    expect((await errorOf(unknown)).message).toBe("Wrong email or password.");
  });
});

describe("roles", () => {
  it("refuse what the role may not do, with a sentence saying who may", async () => {
    const viewer = await signedInAs(server, ["viewer"]);
    const operator = await signedInAs(server, ["operator"]);
    const started = await mutate(
      "runs.start",
      { scenario: "user-sign-up", input: signupInput() },
      { cookie: viewer.cookie },
    );
    expect(started.status).toBe(403);
    expect((await errorOf(started)).message).toMatch(
      /needs the admin or operator role; you have viewer/,
    );
    const scenario = await operator.client.scenarios.get.query({ slug: "order" });
    const publish = await mutate(
      "scenarios.publish",
      { id: scenario.id, draftUpdatedAt: scenario.draftUpdatedAt },
      { cookie: operator.cookie },
    );
    expect(publish.status).toBe(403);
    expect((await query("users.list", null, { cookie: operator.cookie })).status).toBe(403);
  });

  it("let only the people a manual step names decide its task", async () => {
    const operator = await signedInAs(server, ["operator"]);
    const viewer = await signedInAs(server, ["viewer"]);
    const admin = await signedInAs(server, ["admin"]);
    const approver = await signedInAs(server, ["approver"]);
    const { runId } = await operator.client.runs.start.mutate({
      scenario: "order",
      input: largeOrderInput(),
    });
    const taskOf = (client: TClient) =>
      waitFor(async () =>
        (await client.tasks.list.query({ status: "open" })).items.find((t) => t.run.id === runId),
      );
    expect((await taskOf(viewer.client)).actionable).toBe(false);
    // admins hold the decide permission, but this step is for the approver role
    expect((await taskOf(admin.client)).actionable).toBe(false);
    const task = await taskOf(approver.client);
    expect(task.actionable).toBe(true);
    await expect(
      viewer.client.tasks.approve.mutate({ id: task.id, data: { note: "ok" } }),
    ).rejects.toMatchObject({ data: { code: "FORBIDDEN" } });
    await expect(
      admin.client.tasks.approve.mutate({ id: task.id, data: { note: "ok" } }),
    ).rejects.toThrow(/Only the approver role may decide this task/);
    await approver.client.tasks.approve.mutate({ id: task.id, data: { note: "fine" } });
    const decided = await approver.client.tasks.get.query({ id: task.id });
    expect(decided).toMatchObject({
      status: "approved",
      actionable: false,
      decidedBy: { id: approver.user.id },
    });
    const run = await waitFor(async () => {
      const r = await viewer.client.runs.get.query({ id: runId });
      return r.status === "succeeded" ? r : undefined;
    });
    const step = run.stepRuns.find((s) => s.task?.id === task.id);
    expect(step?.output).toMatchObject({ decision: "approved", decidedBy: approver.user.email });
  });
});

describe("cross-site requests (CSRF)", () => {
  it("are refused for every mutation, signing in included", async () => {
    const { user, cookie } = await signedInAs(server, ["operator"]);
    const start = { scenario: "user-sign-up", input: signupInput() };
    const attempts: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
    ];
    for (const headers of attempts) {
      const refused = await mutate("runs.start", start, { cookie, ...headers });
      expect(refused.status).toBe(403);
      expect((await errorOf(refused)).message).toMatch(/^Refused: /);
      const login = await mutate("auth.login", { email: user.email, password: PASSWORD }, headers);
      expect(login.status).toBe(403);
      expect(login.headers.getSetCookie()).toEqual([]);
    }
    const sameOrigin = await mutate("runs.start", start, {
      cookie,
      origin: server.url,
      "sec-fetch-site": "same-origin",
    });
    expect(sameOrigin.status).toBe(200);
  });
});

describe("the audit trail", () => {
  it("records who signed in, changed users, published, ran, cancelled, reworked and decided", async () => {
    const admin = await signedInAs(server, ["admin"]);
    const designer = await signedInAs(server, ["designer"]);
    const operator = await signedInAs(server, ["operator"]);
    const approver = await signedInAs(server, ["approver"]);

    const created = await admin.client.users.create.mutate({
      email: "new.person@example.com",
      name: "New Person",
      roles: ["viewer"],
      password: PASSWORD,
    });
    await admin.client.users.update.mutate({ id: created.id, roles: ["viewer", "operator"] });
    await admin.client.users.resetPassword.mutate({ id: created.id, password: `${PASSWORD}!` });
    const gateway = { gateway: "http://127.0.0.1:9" };
    const conn = await admin.client.catalog.createConnection.mutate({
      name: "audited",
      provider: "openfaas",
      settings: gateway,
      secretChanges: { password: "audited-secret-value" },
    });
    await admin.client.catalog.updateConnection.mutate({
      id: conn.id,
      settings: gateway,
      secretChanges: { password: null },
    });
    await admin.client.catalog.removeConnection.mutate({ id: conn.id });

    const scenario = await designer.client.scenarios.get.query({ slug: "user-sign-up" });
    const published = await designer.client.scenarios.publish.mutate({
      id: scenario.id,
      draftUpdatedAt: scenario.draftUpdatedAt,
      note: "audited",
    });
    const { runId } = await operator.client.runs.start.mutate({
      scenario: "order",
      input: largeOrderInput(),
    });
    const task = await waitFor(async () =>
      (await approver.client.tasks.list.query({ status: "open" })).items.find(
        (t) => t.run.id === runId,
      ),
    );
    await approver.client.tasks.reject.mutate({ id: task.id, reason: "too expensive" });
    await waitFor(async () => {
      const r = await operator.client.runs.get.query({ id: runId });
      return ["succeeded", "failed"].includes(r.status) ? r : undefined;
    });
    await operator.client.runs.restart.mutate({ id: runId });
    await operator.client.runs.cancel.mutate({ id: runId });

    const trail = await admin.client.audit.list.query({ limit: 200 });
    const seen = (action: string, actorId: string | null, target?: string) =>
      trail.items.find(
        (e) => e.action === action && e.actorId === actorId && (!target || e.target === target),
      );
    expect(seen("auth.login", designer.user.id)).toBeDefined();
    expect(seen("user.create", admin.user.id, created.id)?.data).toMatchObject({
      roles: ["viewer"],
    });
    expect(seen("user.update", admin.user.id, created.id)?.data).toEqual({
      email: "new.person@example.com",
      before: { roles: ["viewer"] },
      after: { roles: ["viewer", "operator"] },
    });
    expect(seen("user.reset-password", admin.user.id, created.id)).toBeDefined();
    expect(seen("connection.create", admin.user.id, conn.id)?.data).toEqual({
      name: "audited",
      provider: "openfaas",
      credentials: ["password"],
    });
    expect(seen("connection.update", admin.user.id, conn.id)?.data).toEqual({
      settings: ["gateway"],
      credentialsSet: [],
      credentialsRemoved: ["password"],
    });
    expect(seen("connection.delete", admin.user.id, conn.id)?.data).toMatchObject({
      name: "audited",
    });
    expect(JSON.stringify(trail)).not.toContain("audited-secret-value");
    expect(seen("scenario.publish", designer.user.id, scenario.id)?.data).toMatchObject({
      version: published.version,
    });
    expect(seen("run.start", operator.user.id, runId)).toBeDefined();
    expect(seen("task.reject", approver.user.id, task.id)?.data).toEqual({
      reason: "too expensive",
    });
    expect(seen("run.restart", operator.user.id, runId)).toBeDefined();
    expect(seen("run.cancel", operator.user.id, runId)).toBeDefined();
    expect(seen("auth.login-failed", null)).toBeDefined();
    expect(trail.items[0]!.actor?.email).toBe(operator.user.email);

    const filtered = await admin.client.audit.list.query({ action: "run.cancel" });
    expect(filtered.items.every((e) => e.action === "run.cancel")).toBe(true);
    const page = await admin.client.audit.list.query({ limit: 2 });
    const next = await admin.client.audit.list.query({ limit: 2, cursor: page.nextCursor });
    expect(BigInt(next.items[0]!.id) < BigInt(page.items[1]!.id)).toBe(true);
    const byActor = await admin.client.audit.list.query({ actorId: approver.user.id });
    expect(byActor.items.map((e) => e.action)).toEqual(["task.reject", "auth.login"]);

    const published2 = await server.services.db.prisma.scenarioVersion.findUniqueOrThrow({
      where: { id: published.id },
    });
    expect(published2.publishedById).toBe(designer.user.id);
  });

  it("cannot be changed through the API: it has queries only", () => {
    const audit = Object.entries(appRouter._def.procedures).filter(([name]) =>
      name.startsWith("audit."),
    );
    expect(
      audit.map(([name, p]) => [name, (p as unknown as { _def: { type: string } })._def.type]),
    ).toEqual([["audit.list", "query"]]);
  });
});
