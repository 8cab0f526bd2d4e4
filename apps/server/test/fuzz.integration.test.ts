import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { largeOrderInput } from "../../../examples/inputs.ts";
import { startServer, type TRunningServer } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { appRouter } from "../src/trpc/root.ts";
import { signedInAs, signIn } from "./auth-client.ts";
import { hostileText, hostileValue, inputFor } from "./hostile-input.ts";
import { rawRequest } from "./raw-http.ts";

/**
 * Drives every procedure of the API (found in the router, so a new one is fuzzed without
 * a word here), the webhook and the scenario import with hostile input, as an
 * administrator and anonymously, and holds the server to one promise: a bad request gets
 * a 4xx (an input that happens to be right may succeed), never a 5xx, a hang or a dropped
 * connection (rawRequest rejects then), and the server keeps answering. A failure prints
 * fast-check's seed and the smallest input that fails; FUZZ_SEED replays it. Inputs found
 * this way are kept in fuzz-findings.integration.test.ts.
 */

const HOOK_TOKEN = "fuzz-webhook-token-0123456789abcdef";
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = { admin: 40, anonymous: 6, subscription: 3, webhook: 150, import: 100, raw: 150 };

let server: TRunningServer;
let dataDir: string;
/** ids and names of things that exist, so inputs reach past "not found" */
let known: string[] = [];
let adminEmail: string;
let orderScenario: Record<string, unknown>;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "baton-fuzz-"));
  server = await startServer(
    loadConfig({ PORT: "0", BATON_DATA_DIR: dataDir, BATON_HOOK_TOKEN: HOOK_TOKEN }),
  );
  const { client, user } = await signedInAs(server, ["admin"]);
  adminEmail = user.email;
  const viewer = await signedInAs(server, ["viewer"]);
  const { runId } = await client.runs.start.mutate({ scenario: "order", input: largeOrderInput() });
  const { prisma } = server.services.db;
  const [scenario, fn, connection, step] = await Promise.all([
    prisma.scenario.findFirstOrThrow({ where: { slug: "order" } }),
    prisma.function.findFirstOrThrow(),
    prisma.connection.findFirstOrThrow(),
    prisma.stepRun.findFirstOrThrow({ where: { runId } }),
  ]);
  known = [
    runId,
    scenario.id,
    fn.id,
    connection.id,
    step.id,
    // not the fuzzing administrator's: resetting their password is allowed, and ends the fuzz
    viewer.user.id,
    "order",
    "user-sign-up",
    "examples/CreateUser",
    "approve",
    "start",
  ];
  orderScenario = JSON.parse(
    await readFile(new URL("../../../examples/scenarios/order.json", import.meta.url), "utf8"),
  );
  console.log(`fuzz: seed ${SEED} (FUZZ_SEED=${SEED} replays this run)`);
});

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const bodyFor = (schema: unknown) =>
  fc.oneof(
    {
      weight: 8,
      arbitrary: (schema ? inputFor(schema, known) : hostileValue([], known)).map(
        (value) => JSON.stringify(value) ?? "",
      ),
    },
    { weight: 2, arbitrary: hostileText },
  );

type TProcedure = { name: string; type: "query" | "mutation" | "subscription"; input: unknown };
const procedures: TProcedure[] = Object.entries(appRouter._def.procedures).map(
  ([name, procedure]) => {
    const def = (procedure as unknown as { _def: { type: TProcedure["type"]; inputs: unknown[] } })
      ._def;
    return { name, type: def.type, input: def.inputs[0] };
  },
);

const healthy = async () => (await rawRequest(server.url, { path: "/healthz" })).status === 200;

/**
 * The first frames of a subscription: its stream stays open, so read for a moment, then
 * hang up. No answer at all within ten seconds fails as a hang.
 */
const subscribe = async (name: string, body: string, cookie: string | undefined) => {
  const controller = new AbortController();
  const hang = setTimeout(() => controller.abort(new Error(`${name} did not answer`)), 10_000);
  try {
    const response = await fetch(`${server.url}/trpc/${name}?input=${encodeURIComponent(body)}`, {
      headers: { accept: "text/event-stream", ...(cookie ? { cookie } : {}) },
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 300);
    const text = await response.text().catch(() => "");
    return { status: response.status, text };
  } finally {
    clearTimeout(hang);
    controller.abort();
  }
};

const call = async (procedure: TProcedure, body: string, cookie: string | undefined) => {
  const headers = { "content-type": "application/json", ...(cookie ? { cookie } : {}) };
  if (procedure.type === "mutation") {
    return rawRequest(server.url, {
      method: "POST",
      path: `/trpc/${procedure.name}`,
      headers,
      body,
    });
  }
  return rawRequest(server.url, {
    path: `/trpc/${procedure.name}?input=${encodeURIComponent(body)}`,
    headers,
  });
};

const expectNoServerError = (
  answer: { status: number; body?: string; text?: string },
  what: string,
) => {
  if (answer.status >= 500) {
    throw new Error(
      `${what} answered ${answer.status}: ${(answer.body ?? answer.text)?.slice(0, 500)}`,
    );
  }
};

describe.each([
  { who: "an administrator", admin: true },
  { who: "nobody signed in", admin: false },
])("every API procedure, called by $who with hostile input", ({ admin }) => {
  it.each(procedures)("$name answers no 5xx", async (procedure) => {
    // a new session for each procedure: fuzzing auth.logout ends the one it uses
    const cookie = admin ? await signIn(server.url, adminEmail) : undefined;
    const runs =
      procedure.type === "subscription" ? RUNS.subscription : admin ? RUNS.admin : RUNS.anonymous;
    await fc.assert(
      fc.asyncProperty(bodyFor(procedure.input), async (body) => {
        if (procedure.type === "subscription") {
          const answer = await subscribe(procedure.name, body, cookie);
          expectNoServerError(answer, procedure.name);
          expect(answer.text).not.toContain("INTERNAL_SERVER_ERROR");
          return;
        }
        expectNoServerError(await call(procedure, body, cookie), procedure.name);
      }),
      { numRuns: runs, seed: SEED, endOnFailure: true },
    );
    expect(await healthy()).toBe(true);
  });
});

describe("the webhook, with hostile addresses, bodies and tokens", () => {
  it("answers no 5xx", async () => {
    const slug = fc.oneof(
      fc.constantFrom(
        "order",
        "user-sign-up",
        "%",
        "%E0%A4%A",
        "a%00b",
        "%2F..%2F",
        "x".repeat(3_000),
      ),
      fc.string({ maxLength: 20 }).map(encodeURIComponent),
    );
    const wait = fc.constantFrom(
      "",
      "?wait=-1",
      "?wait=abc",
      "?wait=301",
      "?wait=1e9",
      "?wait=0",
      "?wait=0.1",
      "?wait=%",
    );
    const token = fc.constantFrom(
      `Bearer ${HOOK_TOKEN}`,
      `Bearer ${HOOK_TOKEN}`,
      "Bearer nope",
      "",
      "Basic x",
    );
    await fc.assert(
      fc.asyncProperty(
        slug,
        wait,
        token,
        fc.oneof(
          hostileValue(["name", "email", "orderId", "items", "amountCents"], known).map((v) =>
            JSON.stringify(v),
          ),
          hostileText,
        ),
        async (s, w, t, body) => {
          const answer = await rawRequest(server.url, {
            method: "POST",
            path: `/hooks/${s}${w}`,
            headers: { "content-type": "application/json", ...(t ? { authorization: t } : {}) },
            body,
          });
          expectNoServerError(answer, `POST /hooks/${s}${w}`);
        },
      ),
      { numRuns: RUNS.webhook, seed: SEED, endOnFailure: true },
    );
    expect(await healthy()).toBe(true);
  });
});

describe("the scenario import, with files broken anywhere", () => {
  it("answers no 5xx", async () => {
    const cookie = await signIn(server.url, adminEmail);
    // a real scenario with one value somewhere replaced by something hostile
    const broken = fc
      .tuple(fc.nat(), hostileValue(["nodes", "edges", "mapping", "schema", "type", "id"], known))
      .map(([at, value]) => {
        const copy = structuredClone(orderScenario);
        const holders: Record<string, unknown>[] = [];
        const collect = (node: unknown) => {
          if (typeof node !== "object" || node === null) return;
          holders.push(node as Record<string, unknown>);
          for (const child of Object.values(node)) collect(child);
        };
        collect(copy);
        const holder = holders[at % holders.length]!;
        const keys = Object.keys(holder);
        if (keys.length) holder[keys[at % keys.length]!] = value;
        return JSON.stringify({ ...copy, slug: `fuzz-${at}` });
      });
    const json = fc.oneof(
      broken,
      hostileText,
      hostileValue([], known).map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(json, async (text) => {
        const answer = await rawRequest(server.url, {
          method: "POST",
          path: "/trpc/scenarios.import",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ json: text }),
        });
        expectNoServerError(answer, "scenarios.import");
      }),
      { numRuns: RUNS.import, seed: SEED, endOnFailure: true },
    );
    expect(await healthy()).toBe(true);
  });
});

describe("malformed requests", () => {
  it("get no 5xx and no dropped connection", async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        "%",
        "%E0%A4%A",
        "%00",
        "..",
        "trpc",
        "hooks",
        "healthz",
        "assets",
        "auth.state,auth.state",
      ),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
    );
    const method = fc.constantFrom("GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD", "PATCH");
    const contentType = fc.constantFrom(
      "application/json",
      "text/plain",
      "multipart/form-data",
      "",
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        fc.constantFrom("", "?batch=1", "?input=%", "?input={", "?batch=1&input=[]", "?x=%E0"),
        method,
        contentType,
        hostileText,
        async (segments, query, verb, type, body) => {
          const answer = await rawRequest(server.url, {
            method: verb,
            path: `/${segments.join("/")}${query}`,
            headers: type ? { "content-type": type } : {},
            ...(verb === "GET" || verb === "HEAD" ? {} : { body }),
          });
          expectNoServerError(answer, `${verb} /${segments.join("/")}${query}`);
        },
      ),
      { numRuns: RUNS.raw, seed: SEED, endOnFailure: true },
    );
    expect(await healthy()).toBe(true);
  });
});
