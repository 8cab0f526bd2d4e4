import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TScenario } from "@baton/model";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { largeOrderInput } from "../../../examples/inputs.ts";
import { startServer, type TRunningServer } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { appRouter } from "../src/trpc/root.ts";
import { signedInAs, type TClient } from "./auth-client.ts";

// Credentials of every kind a connection holds. Characters such as + / = make their
// URL- and base64-encoded forms differ from the values themselves.
const TOKEN = "tok+en/8c1f=2e7d";
const BASIC_PASSWORD = "basic-pass+word/41";
const HEADER_VALUE = "hdr-value+/=9b3a";
const FAAS_PASSWORD = "faas-pass/word+77";
const AWS_SECRET = "aws+secret/key=5d0c";
const GCP_TOKEN = "ya29.gcp+token/6e2f";
const SECRETS = [TOKEN, BASIC_PASSWORD, HEADER_VALUE, FAAS_PASSWORD, AWS_SECRET, GCP_TOKEN];
const forms = (secret: string) => [
  secret,
  encodeURIComponent(secret),
  Buffer.from(secret).toString("base64"),
  Buffer.from(secret).toString("base64url"),
];
const LEAKS = [
  ...SECRETS.flatMap(forms),
  Buffer.from(`ada:${BASIC_PASSWORD}`).toString("base64"),
  Buffer.from(`admin:${FAAS_PASSWORD}`).toString("base64"),
];

const everything = (request: IncomingMessage) =>
  `${request.method} ${request.url} ${JSON.stringify(request.headers)}`;

/**
 * A service that repeats every request it gets in its error answers: an OpenAPI service
 * whose operations fail, an OpenFaaS gateway, a Lambda and a Cloud Functions API.
 */
const startEchoService = async () => {
  const server: Server = createServer((request, response) => {
    if (request.url === "/openapi.json") {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(openApi(base)));
      return;
    }
    response.writeHead(request.url?.startsWith("/system/") ? 401 : 500, {
      "content-type": "application/json",
    });
    response.end(JSON.stringify({ message: `refused ${everything(request)}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise((resolve) => server.close(resolve)) };
};

const openApi = (base: string) => ({
  openapi: "3.0.3",
  info: { title: "Echo", version: "1" },
  servers: [{ url: base }],
  components: {
    securitySchemes: {
      token: { type: "http", scheme: "bearer" },
      basic: { type: "http", scheme: "basic" },
    },
  },
  paths: Object.fromEntries(
    ["token", "basic"].map((scheme) => [
      `/charge-${scheme}`,
      {
        post: {
          operationId: `charge_${scheme}`,
          security: [{ [scheme]: [] }],
          responses: { "200": { description: "charged", content: { "application/json": {} } } },
        },
      },
    ]),
  ),
});

/** start → one function step → end. */
const oneStep = (slug: string, ref: string): TScenario => ({
  format: "baton.scenario/v1",
  slug,
  name: slug,
  nodes: [
    { id: "start", kind: "start", label: "Start", position: { x: 0, y: 0 }, inputSchema: {} },
    {
      id: "step",
      kind: "function",
      label: "Step",
      position: { x: 200, y: 0 },
      function: ref,
      input: {},
    },
    { id: "end", kind: "end", label: "End", position: { x: 400, y: 0 }, output: {} },
  ],
  edges: [
    { id: "e1", kind: "next", source: "start", target: "step" },
    { id: "e2", kind: "next", source: "step", target: "end" },
  ],
});

type TFixtures = {
  connectionIds: string[];
  functionId: string;
  scenarioId: string;
  runId: string;
  stepRunId: string;
  taskId: string;
  startRun: () => Promise<void>;
};

/** Calls of a query: inputs it must answer, and inputs it must refuse (its error path). */
type TQueryCalls = { kind: "query"; inputs: unknown[]; failing: unknown[] };
/** A subscription's input, and what makes it deliver frames once it is connected. */
type TStreamCall = { kind: "subscription"; input: unknown; trigger?: () => Promise<void> };
type TCalls = TQueryCalls | TStreamCall;

const query = (inputs: unknown[], failing: unknown[] = []): TQueryCalls => ({
  kind: "query",
  inputs,
  failing,
});
const missing = () => randomUUID();

/**
 * How to call every read procedure and subscription of the API with the fixtures below. A
 * new query or subscription fails the first test until it has an entry here.
 */
const CALLS: Record<string, (f: TFixtures) => TCalls> = {
  "auth.state": () => query([undefined]),
  "system.info": () => query([undefined]),
  "system.overview": () => query([undefined]),
  "system.status": () => ({ kind: "subscription", input: { intervalMs: 250 } }),
  "catalog.functions": (f) =>
    query(
      [{ includeMissing: true }, { connectionId: f.connectionIds[0], search: "charge" }],
      [{ connectionId: "not-a-uuid" }],
    ),
  "catalog.tags": () => query([undefined]),
  "catalog.function": (f) => query([{ id: f.functionId }], [{ id: missing() }]),
  "catalog.providerForms": () => query([undefined]),
  "catalog.connections": () => query([undefined]),
  "catalog.connection": (f) =>
    query(
      f.connectionIds.map((id) => ({ id })),
      [{ id: missing() }],
    ),
  "scenarios.list": () => query([{}, { search: "leak" }], [{ limit: 0 }]),
  "scenarios.get": (f) => query([{ id: f.scenarioId }], [{ slug: "no-such-scenario" }]),
  "scenarios.versions": (f) => query([{ id: f.scenarioId }], [{ id: "x" }]),
  "scenarios.getVersion": (f) =>
    query([{ id: f.scenarioId, version: 1 }], [{ id: f.scenarioId, version: 99 }]),
  "scenarios.export": (f) =>
    query([{ id: f.scenarioId }, { id: f.scenarioId, version: 1 }], [{ id: missing() }]),
  "scenarios.catalog": () => query([undefined]),
  "scenarios.signatures": () =>
    query([{ refs: [{ slug: "leak-token", version: 1 }] }], [{ refs: "all" }]),
  "runs.list": () => query([{}, { status: "failed" }], [{ status: "lost" }]),
  "runs.counts": () => query([{}], [{ since: "not a date" }]),
  "runs.get": (f) => query([{ id: f.runId }], [{ id: missing() }]),
  "runs.monitor": (f) => query([{ id: f.runId }], [{ id: missing() }]),
  "runs.eventLog": (f) => query([{ runId: f.runId }], [{ runId: "x" }]),
  "runs.stepRun": (f) => query([{ id: f.stepRunId }], [{ id: missing() }]),
  "runs.stepFunction": (f) =>
    query([{ id: f.runId, nodeId: "step" }], [{ id: missing(), nodeId: "step" }]),
  "runs.events": (f) => ({ kind: "subscription", input: { runId: f.runId } }),
  "runs.feed": (f) => ({ kind: "subscription", input: undefined, trigger: f.startRun }),
  "testRuns.list": (f) => query([{ scenarioId: f.scenarioId }], [{ scenarioId: "x" }]),
  "testRuns.pins": (f) => query([{ scenarioId: f.scenarioId }], [{ scenarioId: "x" }]),
  "testRuns.stepSamples": (f) =>
    query([{ scenarioId: f.scenarioId, nodeId: "step" }], [{ scenarioId: f.scenarioId }]),
  "tasks.list": () => query([{}, { status: "open" }], [{ status: "maybe" }]),
  "tasks.get": (f) => query([{ id: f.taskId }], [{ id: missing() }]),
  "users.list": () => query([undefined]),
  "audit.list": (f) => query([{}, { target: f.connectionIds[0] }], [{ limit: 0 }]),
};

const readProcedures = Object.entries(appRouter._def.procedures)
  .filter(([, procedure]) =>
    ["query", "subscription"].includes(
      (procedure as unknown as { _def: { type: string } })._def.type,
    ),
  )
  .map(([name]) => name)
  .sort();

let root: string;
let server: TRunningServer;
let echo: Awaited<ReturnType<typeof startEchoService>>;
let admin: { client: TClient; cookie: string };
let viewer: { cookie: string };
let fixtures: TFixtures;
/** answers of the mutations that built the fixtures, scanned like the rest */
const built: unknown[] = [];

const waitFor = async <T>(probe: () => Promise<T | undefined>): Promise<T> => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const publish = async (client: TClient, slug: string, ref: string) => {
  const created = await client.scenarios.create.mutate({ name: slug, slug });
  const saved = await client.scenarios.saveDraft.mutate({
    id: created.id,
    draft: oneStep(slug, ref),
    draftUpdatedAt: created.draftUpdatedAt,
  });
  await client.scenarios.publish.mutate({ id: created.id, draftUpdatedAt: saved.draftUpdatedAt });
  return created.id;
};

const failedRun = async (client: TClient, scenario: string) => {
  const { runId } = await client.runs.start.mutate({ scenario, input: {} });
  return waitFor(async () => {
    const run = await client.runs.get.query({ id: runId });
    return run.status === "failed" ? run : undefined;
  });
};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "baton-secrets-"));
  echo = await startEchoService();
  server = await startServer(loadConfig({ PORT: "0", BATON_DATA_DIR: root }));
  admin = await signedInAs(server, ["admin", "designer", "operator", "approver"]);
  viewer = await signedInAs(server, ["viewer"]);
  const { client } = admin;
  const connect = async (
    name: string,
    provider: string,
    settings: Record<string, string>,
    secretChanges: Record<string, string>,
  ) => {
    const created = await client.catalog.createConnection.mutate({
      name,
      provider,
      settings,
      secretChanges,
    });
    built.push(created);
    return created.id;
  };
  const connectionIds = [
    await connect(
      "leaky",
      "http",
      { document: `${echo.base}/openapi.json` },
      {
        token: TOKEN,
        basic: JSON.stringify({ username: "ada", password: BASIC_PASSWORD }),
        "header:X-Api-Key": HEADER_VALUE,
      },
    ),
    await connect("faas", "openfaas", { gateway: echo.base }, { password: FAAS_PASSWORD }),
    await connect(
      "aws",
      "aws-lambda",
      { regions: "us-east-1", endpoint: echo.base },
      { accessKeyId: "AKIDEXAMPLE", secretAccessKey: AWS_SECRET },
    ),
    await connect(
      "gcp",
      "gcp",
      { project: "demo", endpoint: echo.base },
      { accessToken: GCP_TOKEN },
    ),
  ];
  const functions = await client.catalog.functions.query({ connectionId: connectionIds[0] });
  const functionId = functions.items.find((f) => f.name === "charge_token")!.id;
  built.push(
    await client.catalog.tryFunction.mutate({ id: functionId, input: {} }),
    await client.catalog.testConnection.mutate({
      id: connectionIds[0],
      name: "leaky",
      provider: "http",
      settings: { document: `${echo.base}/openapi.json` },
    }),
  );
  const scenarioId = await publish(client, "leak-token", "leaky/charge_token");
  await publish(client, "leak-basic", "leaky/charge_basic");
  const run = await failedRun(client, "leak-token");
  built.push(run, await failedRun(client, "leak-basic"));
  const order = await client.runs.start.mutate({ scenario: "order", input: largeOrderInput() });
  const task = await waitFor(async () =>
    (await client.tasks.list.query({ status: "open" })).items.find((t) => t.run.id === order.runId),
  );
  fixtures = {
    connectionIds,
    functionId,
    scenarioId,
    runId: run.id,
    stepRunId: run.stepRuns.find((s) => s.nodeId === "step")!.id,
    taskId: task.id,
    startRun: async () => {
      await client.runs.start.mutate({ scenario: "leak-token", input: {} });
    },
  };
});

afterAll(async () => {
  await server?.stop();
  await echo?.close();
  await rm(root, { recursive: true, force: true });
});

const url = (name: string, input: unknown) =>
  `${server.url}/trpc/${name}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;

/** The complete SSE frames that carry data (not `connected`, `ping` or an error). */
const dataFrames = (text: string) =>
  text
    .split("\n\n")
    .slice(0, -1)
    .filter((frame) => /^data:/m.test(frame) && !/^event:/m.test(frame));

/** Reads a subscription as a browser's EventSource would, until its first data frame. */
const readStream = async (name: string, call: TStreamCall, cookie: string) => {
  const response = await fetch(url(name, call.input), {
    headers: { accept: "text/event-stream", cookie },
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const stop = setTimeout(() => void reader.cancel(), 15_000);
  let text = "";
  let triggered = false;
  try {
    while (dataFrames(text).length === 0) {
      const { done, value } = await reader
        .read()
        .catch(() => ({ done: true as const, value: undefined }));
      if (done) break;
      text += decoder.decode(value, { stream: true });
      if (!triggered && /^event: connected$/m.test(text)) {
        triggered = true;
        await call.trigger?.();
      }
    }
  } finally {
    clearTimeout(stop);
    await reader.cancel().catch(() => {});
  }
  return text;
};

const expectNoSecret = (text: string, where: string) => {
  for (const leak of LEAKS) expect(text, `${where} holds ${leak}`).not.toContain(leak);
  expect(text, `${where} holds a password hash`).not.toMatch(/\$argon2/);
};

describe("secrets never appear in an answer of the API", () => {
  it("has fixture calls for every query and subscription, and none for one that is gone", () => {
    expect(
      readProcedures.filter((name) => !(name in CALLS)),
      "read procedures without fixture calls: add them to CALLS in secrets-never-returned.integration.test.ts",
    ).toEqual([]);
    expect(
      Object.keys(CALLS).filter((name) => !readProcedures.includes(name)),
      "stale entries in CALLS",
    ).toEqual([]);
  });

  it("the fixtures hold the credentials and the echoed errors this test is about", async () => {
    const { prisma } = server.services.db;
    const step = await prisma.stepRun.findUniqueOrThrow({ where: { id: fixtures.stepRunId } });
    expect(JSON.stringify(step.error)).toMatch(/authorization.*Bearer \[redacted\]/);
    const faas = await prisma.connection.findUniqueOrThrow({
      where: { id: fixtures.connectionIds[1] },
    });
    expect(faas.lastError).toMatch(/Basic \[redacted\]/);
    expectNoSecret(JSON.stringify(built), "the answers that built the fixtures");
  });

  it.each(readProcedures)("%s, for an administrator and a viewer", async (name) => {
    const call = CALLS[name]!(fixtures);
    for (const [role, cookie] of [
      ["admin", admin.cookie],
      ["viewer", viewer.cookie],
    ] as const) {
      if (call.kind === "subscription") {
        const text = await readStream(name, call, cookie);
        expect(
          dataFrames(text).length,
          `${name} (${role}) delivered no frame: ${text}`,
        ).toBeGreaterThan(0);
        expectNoSecret(text, `${name} (${role})`);
        continue;
      }
      for (const [input, ok] of [
        ...call.inputs.map((input) => [input, true] as const),
        ...call.failing.map((input) => [input, false] as const),
      ]) {
        const response = await fetch(url(name, input), { headers: { cookie } });
        const text = await response.text();
        const where = `${name}(${JSON.stringify(input)}) as ${role}`;
        // a viewer is refused the administrator's procedures: that answer is checked too
        if (role === "admin") expect(response.ok, `${where}: ${text}`).toBe(ok);
        expectNoSecret(text, where);
      }
    }
  });
});
