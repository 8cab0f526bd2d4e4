import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Role } from "@baton/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TRunningServer } from "../src/app.ts";
import type { TSession } from "../src/auth/sessions.ts";
import { loadConfig } from "../src/config.ts";
import { appRouter, createCaller } from "../src/trpc/root.ts";
import { createUser } from "../src/users/create-user.ts";
import { PASSWORD } from "./auth-client.ts";

const ROLES: Role[] = ["admin", "designer", "operator", "approver", "viewer"];
const EVERYONE = ROLES;
const DESIGN: Role[] = ["admin", "designer"];
const OPERATE: Role[] = ["admin", "operator"];
const DECIDE: Role[] = ["admin", "approver"];
const ADMIN: Role[] = ["admin"];

/**
 * Who may call every procedure of the API. A procedure missing here fails the first test:
 * adding one means deciding, in this table, who may use it.
 */
const RULES: Record<string, "public" | Role[]> = {
  "auth.state": "public",
  "auth.setup": "public",
  "auth.login": "public",
  "auth.logout": EVERYONE,
  "system.info": EVERYONE,
  "system.overview": EVERYONE,
  "system.status": EVERYONE,
  "catalog.functions": EVERYONE,
  "catalog.tags": EVERYONE,
  "catalog.function": EVERYONE,
  "catalog.tryFunction": DESIGN,
  "catalog.annotateFunction": DESIGN,
  "catalog.providerForms": EVERYONE,
  "catalog.connections": EVERYONE,
  "catalog.connection": EVERYONE,
  "catalog.testConnection": ADMIN,
  "catalog.createConnection": ADMIN,
  "catalog.updateConnection": ADMIN,
  "catalog.refreshConnection": ADMIN,
  "catalog.removeConnection": ADMIN,
  "scenarios.list": EVERYONE,
  "scenarios.get": EVERYONE,
  "scenarios.versions": EVERYONE,
  "scenarios.getVersion": EVERYONE,
  "scenarios.export": EVERYONE,
  "scenarios.catalog": EVERYONE,
  "scenarios.signatures": EVERYONE,
  "scenarios.create": DESIGN,
  "scenarios.saveDraft": DESIGN,
  "scenarios.publish": DESIGN,
  "scenarios.import": DESIGN,
  "runs.list": EVERYONE,
  "runs.counts": EVERYONE,
  "runs.get": EVERYONE,
  "runs.monitor": EVERYONE,
  "runs.eventLog": EVERYONE,
  "runs.stepRun": EVERYONE,
  "runs.stepFunction": EVERYONE,
  "runs.events": EVERYONE,
  "runs.feed": EVERYONE,
  "runs.start": OPERATE,
  "runs.cancel": OPERATE,
  "runs.restart": OPERATE,
  "runs.retryFailed": OPERATE,
  "testRuns.start": DESIGN,
  "testRuns.list": EVERYONE,
  "testRuns.cancel": DESIGN,
  "testRuns.delete": DESIGN,
  "testRuns.stepSamples": EVERYONE,
  "testRuns.pins": EVERYONE,
  "testRuns.pin": DESIGN,
  "testRuns.unpin": DESIGN,
  "tasks.list": EVERYONE,
  "tasks.get": EVERYONE,
  "tasks.approve": DECIDE,
  "tasks.reject": DECIDE,
  "users.list": ADMIN,
  "users.create": ADMIN,
  "users.update": ADMIN,
  "users.takeRole": ADMIN,
  "users.resetPassword": ADMIN,
  "audit.list": ADMIN,
};

let server: TRunningServer;
let dataDir: string;
const sessions = new Map<Role, TSession>();

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "baton-access-"));
  server = await startServer(loadConfig({ PORT: "0", BATON_DATA_DIR: dataDir }));
  for (const role of ROLES) {
    const user = await createUser(server.services.db.prisma, {
      email: `${role}@example.com`,
      name: role,
      roles: [role],
      password: PASSWORD,
    });
    sessions.set(role, { id: `session-of-${role}`, user });
  }
});

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** How a call ends for a caller: refused for who they are, or anything else (ran, bad input…). */
const outcome = async (procedure: string, session: TSession | null) => {
  const caller = createCaller({
    ...server.services,
    request: { headers: {}, secure: false, ip: "127.0.0.1", setCookie: () => {} },
    session,
  });
  const call = procedure
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    // no input: allowed callers stop at input validation (or read), so nothing changes
    const result = await call(undefined);
    // a subscription hands back its stream unstarted; close it
    await (result as AsyncGenerator | undefined)?.return?.(undefined);
    return "allowed";
  } catch (error) {
    const code = error instanceof TRPCError ? error.code : "other";
    return code === "UNAUTHORIZED" || code === "FORBIDDEN" ? code : "allowed";
  }
};

describe("access to every procedure", () => {
  it("has a rule for every procedure of the API, and no rule for one that is gone", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(
      procedures.filter((p) => !(p in RULES)),
      "procedures without a rule",
    ).toEqual([]);
    expect(
      Object.keys(RULES).filter((p) => !procedures.includes(p)),
      "stale rules",
    ).toEqual([]);
  });

  it.each(Object.entries(RULES))("%s follows its rule for every role", async (procedure, rule) => {
    const expected = {
      anonymous: rule === "public" ? "allowed" : "UNAUTHORIZED",
      ...Object.fromEntries(
        ROLES.map((role) => [
          role,
          rule === "public" || rule.includes(role) ? "allowed" : "FORBIDDEN",
        ]),
      ),
    };
    const actual = {
      anonymous: await outcome(procedure, null),
      ...Object.fromEntries(
        await Promise.all(
          ROLES.map(async (role) => [role, await outcome(procedure, sessions.get(role)!)]),
        ),
      ),
    };
    expect(actual).toEqual(expected);
  });
});
