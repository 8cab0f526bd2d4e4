import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTestDatabase } from "@baton/db/testing";
import type { TScenario } from "@baton/model";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TRunningServer } from "../src/app.ts";
import { openConnectionSecret } from "../src/catalog/secrets/connection-secret.ts";
import { loadConfig } from "../src/config.ts";
import type { AppRouter } from "../src/index.ts";
import { signedInAs, type TClient } from "./auth-client.ts";

const databases = [{ kind: "embedded" }, { kind: "postgres" }];

const PASSWORD = "s3cret-gateway-password-\u00e9";

const echoModule = (outputType: string) => `
export const description = "Echoes its text";
export const tags = ["demo", "text"];
export const input = { type: "object", properties: { text: { type: "string" } }, required: ["text"] };
export const output = { type: "object", properties: { text: { type: "${outputType}" } } };
export async function handler(input) { return { text: input.text }; }
`;

// declares no output schema: the catalog infers it from calls
const totalModule = `
export const input = { type: "object", properties: { n: { type: "integer" } }, required: ["n"] };
export async function handler(input) { return { total: input.n * 2, currency: "EUR" }; }
`;

/** start → one function → end, the function's one input field taken from the scenario input. */
const oneStepScenario = (
  slug: string,
  ref: string,
  field = "text",
  schema: object = { type: "string" },
): TScenario => ({
  format: "baton.scenario/v1",
  slug,
  name: `Scenario ${slug}`,
  nodes: [
    {
      id: "start",
      kind: "start",
      label: "Start",
      position: { x: 0, y: 0 },
      inputSchema: {
        type: "object",
        properties: { [field]: schema },
        required: [field],
      },
    },
    {
      id: "step",
      kind: "function",
      label: "Step",
      position: { x: 240, y: 0 },
      function: ref,
      input: { [field]: { ref: `input.${field}` } },
    },
    { id: "end", kind: "end", label: "End", position: { x: 480, y: 0 }, output: {} },
  ],
  edges: [
    { id: "e1", kind: "next", source: "start", target: "step" },
    { id: "e2", kind: "next", source: "step", target: "end" },
  ],
});

describe.each(databases)("catalog on the $kind database", ({ kind }) => {
  let server: TRunningServer;
  let root: string;
  let folder: string;
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let client: TClient;
  /** every answer the API gave in this file, to prove none carries a secret */
  const answers: unknown[] = [];
  const seen = <T>(value: T): T => {
    answers.push(value);
    return value;
  };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "baton-catalog-"));
    folder = path.join(root, "functions");
    await mkdir(folder);
    await writeFile(path.join(folder, "Echo.mjs"), echoModule("string"));
    await writeFile(path.join(folder, "Total.mjs"), totalModule);
    database = kind === "postgres" ? await createTestDatabase() : undefined;
    server = await startServer(
      loadConfig({
        PORT: "0",
        BATON_DATA_DIR: path.join(root, "data"),
        ...(database ? { DATABASE_URL: database.url } : {}),
      }),
    );
    // connections are the admin's; admins may also design and run
    client = (await signedInAs(server, ["admin"])).client;
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
    await rm(root, { recursive: true, force: true });
  });

  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCClientError);
    return error as TRPCClientError<AppRouter>;
  };

  type TRunInput = Parameters<typeof client.runs.start.mutate>[0]["input"];
  const runToEnd = async (scenario: string, input: TRunInput) => {
    const { runId } = await client.runs.start.mutate({ scenario, input });
    const deadline = Date.now() + 30_000;
    let run = await client.runs.get.query({ id: runId });
    while (!["succeeded", "failed", "cancelled"].includes(run.status) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      run = await client.runs.get.query({ id: runId });
    }
    return run;
  };

  describe("a local connection", () => {
    let connectionId: string;

    it("is tested without being saved, then added with its functions", async () => {
      const test = seen(
        await client.catalog.testConnection.mutate({
          name: "scratch",
          provider: "local",
          settings: { folder },
        }),
      );
      expect(test).toMatchObject({
        ok: true,
        functions: [
          { name: "Echo", schemaSource: "declared" },
          { name: "Total", schemaSource: "none" },
        ],
      });
      expect((await client.catalog.connections.query()).map((c) => c.name)).toEqual(["examples"]);

      const created = seen(
        await client.catalog.createConnection.mutate({
          name: "scratch",
          provider: "local",
          settings: { folder },
        }),
      );
      connectionId = created.id;
      expect(created.refresh).toMatchObject({ ok: true, added: ["scratch/Echo", "scratch/Total"] });
      const page = seen(await client.catalog.functions.query({ connectionId }));
      expect(page.items.map((f) => f.ref)).toEqual(["scratch/Echo", "scratch/Total"]);
    });

    it("says what is wrong with a test of bad settings, and of an unreachable folder", async () => {
      const bad = await failure(
        client.catalog.testConnection.mutate({
          name: "x",
          provider: "local",
          settings: { memoryMb: "lots" },
        }),
      );
      expect(bad.message).toMatch(/Folder: required; Memory limit \(MB\): "lots" is not a number/);
      const gone = await client.catalog.testConnection.mutate({
        name: "x",
        provider: "local",
        settings: { folder: path.join(root, "nowhere") },
      });
      expect(gone).toMatchObject({ ok: false, error: expect.stringMatching(/nowhere/) });
    });

    it("refuses a second connection of the same name", async () => {
      const error = await failure(
        client.catalog.createConnection.mutate({
          name: "scratch",
          provider: "local",
          settings: { folder },
        }),
      );
      expect(error.message).toMatch(/named "scratch" exists already/);
    });

    it("tries a function: output and duration, or the classified error", async () => {
      const echo = (await client.catalog.functions.query({ connectionId })).items[0]!;
      const ok = await client.catalog.tryFunction.mutate({ id: echo.id, input: { text: "hi" } });
      expect(ok).toMatchObject({ ok: true, output: { text: "hi" }, sampled: false });
      expect(ok.durationMs).toBeGreaterThanOrEqual(0);
      const rejected = await client.catalog.tryFunction.mutate({ id: echo.id, input: {} });
      expect(rejected).toMatchObject({
        ok: false,
        error: { classification: "rejected_input", retryable: false },
      });
    });

    it("infers an undeclared output schema from calls and marks it inferred", async () => {
      const total = (await client.catalog.functions.query({ connectionId })).items[1]!;
      const before = await client.catalog.function.query({ id: total.id });
      expect(before).toMatchObject({
        schemaSource: "declared",
        undeclared: ["output"],
        outputSchema: {},
      });
      const tried = await client.catalog.tryFunction.mutate({ id: total.id, input: { n: 2 } });
      expect(tried).toMatchObject({ ok: true, sampled: true });
      const after = await client.catalog.function.query({ id: total.id });
      expect(after).toMatchObject({
        schemaSource: "inferred",
        samples: 1,
        inputSchema: before.inputSchema,
        outputSchema: {
          type: "object",
          properties: { total: { type: "integer" }, currency: { type: "string" } },
          required: ["total", "currency"],
        },
      });
      // a refresh keeps what was inferred instead of going back to "accepts anything"
      const refresh = await client.catalog.refreshConnection.mutate({ id: connectionId });
      expect(refresh).toMatchObject({ ok: true, changed: [] });
      expect((await client.catalog.function.query({ id: total.id })).schemaSource).toBe("inferred");
    });

    it("refreshes on demand with a schema diff, new and missing functions", async () => {
      await writeFile(path.join(folder, "Echo.mjs"), echoModule("number"));
      await writeFile(path.join(folder, "Shout.mjs"), echoModule("string"));
      const report = await client.catalog.refreshConnection.mutate({ id: connectionId });
      expect(report).toMatchObject({
        ok: true,
        added: ["scratch/Shout"],
        changed: [
          {
            ref: "scratch/Echo",
            input: [],
            output: [
              { path: "properties.text.type", kind: "changed", before: "string", after: "number" },
            ],
          },
        ],
      });
      await rm(path.join(folder, "Shout.mjs"));
      const second = await client.catalog.refreshConnection.mutate({ id: connectionId });
      expect(second.missing).toEqual(["scratch/Shout"]);
      await writeFile(path.join(folder, "Echo.mjs"), echoModule("string"));
      await client.catalog.refreshConnection.mutate({ id: connectionId });
    });

    it("honours an annotation in the designer's catalog and in the engine", async () => {
      const echo = (await client.catalog.functions.query({ connectionId })).items[0]!;
      const outputSchema = {
        type: "object",
        properties: { text: { type: "string" }, lang: { type: "string" } },
        required: ["text", "lang"],
      };
      const annotated = await client.catalog.annotateFunction.mutate({
        id: echo.id,
        annotation: { outputSchema, tags: ["annotated"] },
      });
      expect(annotated).toMatchObject({
        schemaSource: "annotated",
        outputSchema,
        tags: ["annotated"],
      });
      const catalog = await client.scenarios.catalog.query();
      expect(catalog["scratch/Echo"]?.outputSchema).toEqual(outputSchema);
      // search and filters go by the annotated tags
      const refs = async (tag: string) =>
        (await client.catalog.functions.query({ tag })).items.map((f) => f.ref);
      expect(await refs("annotated")).toEqual(["scratch/Echo"]);
      expect(await refs("demo")).toEqual([]);
      expect(await client.catalog.tags.query()).toContain("annotated");

      const created = await client.scenarios.create.mutate({
        name: "Echo",
        slug: "echo-annotated",
      });
      const saved = await client.scenarios.saveDraft.mutate({
        id: created.id,
        draft: oneStepScenario("echo-annotated", "scratch/Echo"),
        draftUpdatedAt: created.draftUpdatedAt,
      });
      await client.scenarios.publish.mutate({
        id: created.id,
        draftUpdatedAt: saved.draftUpdatedAt,
      });
      const { runId } = await client.runs.start.mutate({
        scenario: "echo-annotated",
        input: { text: "hello" },
      });
      const deadline = Date.now() + 30_000;
      let run = await client.runs.get.query({ id: runId });
      while (!["succeeded", "failed", "cancelled"].includes(run.status) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        run = await client.runs.get.query({ id: runId });
      }
      // the function returns no `lang`: only the annotated schema can make this step fail
      const step = run.stepRuns.find((s) => s.nodeId === "step");
      expect(step?.status).toBe("failed");
      expect(JSON.stringify(step?.error)).toMatch(/bad_output.*lang|lang.*bad_output/);

      const cleared = await client.catalog.annotateFunction.mutate({ id: echo.id, annotation: {} });
      expect(cleared).toMatchObject({ schemaSource: "declared", annotation: {} });
      expect(await refs("demo")).toEqual(["scratch/Echo"]);
      expect(await client.catalog.tags.query()).not.toContain("annotated");
    });

    it("keeps the calls of runs as samples too", async () => {
      const total = (await client.catalog.functions.query({ connectionId })).items[1]!;
      const created = await client.scenarios.create.mutate({ name: "Total", slug: "total-run" });
      const saved = await client.scenarios.saveDraft.mutate({
        id: created.id,
        draft: oneStepScenario("total-run", "scratch/Total", "n", { type: "integer" }),
        draftUpdatedAt: created.draftUpdatedAt,
      });
      await client.scenarios.publish.mutate({
        id: created.id,
        draftUpdatedAt: saved.draftUpdatedAt,
      });
      const run = await runToEnd("total-run", { n: 5 });
      expect(run.status, JSON.stringify(run.error)).toBe("succeeded");
      // the sample is written after the step's result: wait for it
      const deadline = Date.now() + 10_000;
      let detail = await client.catalog.function.query({ id: total.id });
      while (detail.samples < 2 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        detail = await client.catalog.function.query({ id: total.id });
      }
      expect(detail).toMatchObject({ samples: 2, schemaSource: "inferred" });
    });

    it("refuses an annotation whose schema cannot be used", async () => {
      const echo = (await client.catalog.functions.query({ connectionId })).items[0]!;
      const error = await failure(
        client.catalog.annotateFunction.mutate({
          id: echo.id,
          annotation: { inputSchema: { type: "nonsense" } },
        }),
      );
      expect(error.message).toMatch(/The annotation is not usable: input schema/);
    });

    it("shows the scenarios using a function, and is not removed while they do", async () => {
      const echo = (await client.catalog.functions.query({ connectionId })).items[0]!;
      const detail = await client.catalog.function.query({ id: echo.id });
      expect(detail.usedBy).toEqual([
        { slug: "echo-annotated", name: "Scenario echo-annotated", refs: ["scratch/Echo"] },
      ]);
      const error = await failure(client.catalog.removeConnection.mutate({ id: connectionId }));
      expect(error.message).toMatch(
        /Connection "scratch" stays: "Scenario echo-annotated" uses scratch\/Echo/,
      );
      expect(await client.catalog.function.query({ id: echo.id })).toMatchObject({
        status: "active",
      });
    });
  });

  describe("an OpenAPI service behind an API key", () => {
    const KEY = "s3cret-api-key";
    let api: Server;
    let base: string;
    const keysSeen: (string | undefined)[] = [];

    beforeAll(async () => {
      api = createServer((req, res) => {
        const send = (status: number, body: unknown) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(body));
        };
        if (req.url === "/openapi.json") {
          return send(200, {
            openapi: "3.0.3",
            info: { title: "Greeter", version: "1" },
            servers: [{ url: base }],
            components: {
              securitySchemes: { apiKey: { type: "apiKey", in: "header", name: "x-api-key" } },
            },
            security: [{ apiKey: [] }],
            paths: {
              "/greet": {
                post: {
                  operationId: "greet",
                  requestBody: {
                    required: true,
                    content: {
                      "application/json": {
                        schema: {
                          type: "object",
                          properties: { name: { type: "string" } },
                          required: ["name"],
                        },
                      },
                    },
                  },
                  responses: {
                    "200": {
                      description: "greeted",
                      content: {
                        "application/json": {
                          schema: {
                            type: "object",
                            properties: { greeting: { type: "string" } },
                            required: ["greeting"],
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          });
        }
        const key = req.headers["x-api-key"];
        keysSeen.push(typeof key === "string" ? key : undefined);
        if (key !== KEY) return send(401, { message: "no key" });
        let body = "";
        req.on("data", (chunk) => {
          body += chunk;
        });
        req.on("end", () => send(200, { greeting: `Hello, ${JSON.parse(body).name}` }));
      });
      await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
      base = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await new Promise((resolve) => api?.close(resolve));
    });

    it("is called with the stored key from try it and from a run", async () => {
      const created = seen(
        await client.catalog.createConnection.mutate({
          name: "greeter",
          provider: "http",
          settings: { document: `${base}/openapi.json` },
          secretChanges: { apiKey: KEY },
        }),
      );
      expect(created.refresh).toMatchObject({ ok: true, added: ["greeter/greet"] });
      const fn = (await client.catalog.functions.query({ connectionId: created.id })).items[0]!;
      const tried = seen(
        await client.catalog.tryFunction.mutate({ id: fn.id, input: { body: { name: "Ada" } } }),
      );
      expect(tried).toMatchObject({ ok: true, output: { greeting: "Hello, Ada" } });

      const scenario = await client.scenarios.create.mutate({ name: "Greet", slug: "greet-run" });
      const saved = await client.scenarios.saveDraft.mutate({
        id: scenario.id,
        draft: oneStepScenario("greet-run", "greeter/greet", "body", {
          type: "object",
          properties: { name: { type: "string" } },
          required: ["name"],
        }),
        draftUpdatedAt: scenario.draftUpdatedAt,
      });
      await client.scenarios.publish.mutate({
        id: scenario.id,
        draftUpdatedAt: saved.draftUpdatedAt,
      });
      const run = await runToEnd("greet-run", { body: { name: "Grace" } });
      expect(run.status, JSON.stringify(run.stepRuns.map((s) => s.error))).toBe("succeeded");
      expect(keysSeen).toEqual([KEY, KEY]);
    });
  });

  describe("credentials", () => {
    let id: string;

    it("are stored as ciphertext only", async () => {
      const created = seen(
        await client.catalog.createConnection.mutate({
          name: "faas",
          provider: "openfaas",
          // nothing listens there: the connection is saved and marked in error
          settings: { gateway: "http://127.0.0.1:9" },
          secretChanges: { username: "admin", password: PASSWORD },
        }),
      );
      id = created.id;
      expect(created.refresh.ok).toBe(false);
      const row = await server.services.db.prisma.connection.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe("error");
      expect(row.secret).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(row.secret!).toString("latin1")).not.toContain("s3cret");
      expect(JSON.stringify(row.config)).not.toContain("s3cret");
      expect(openConnectionSecret(server.services.secrets, row)).toEqual({
        username: "admin",
        password: PASSWORD,
      });
    });

    it("come back as the names of what is set, never as values", async () => {
      const view = seen(await client.catalog.connection.query({ id }));
      expect(view).toMatchObject({
        settings: { gateway: "http://127.0.0.1:9" },
        secretKeys: ["password", "username"],
        secretProblem: null,
      });
      seen(await client.catalog.connections.query());
    });

    it("are kept when an edit leaves them alone, and replaced or removed when asked", async () => {
      seen(
        await client.catalog.updateConnection.mutate({
          id,
          settings: { gateway: "http://127.0.0.1:9", namespace: "fn" },
        }),
      );
      const read = async () =>
        openConnectionSecret(
          server.services.secrets,
          await server.services.db.prisma.connection.findUniqueOrThrow({ where: { id } }),
        );
      expect(await read()).toEqual({ username: "admin", password: PASSWORD });
      seen(
        await client.catalog.testConnection.mutate({
          id,
          name: "faas",
          provider: "openfaas",
          settings: { gateway: "http://127.0.0.1:9" },
        }),
      );
      seen(
        await client.catalog.updateConnection.mutate({
          id,
          settings: { gateway: "http://127.0.0.1:9" },
          secretChanges: { username: null, password: "another" },
        }),
      );
      expect(await read()).toEqual({ password: "another" });
    });

    it("refuses credentials a kind does not have", async () => {
      const error = await failure(
        client.catalog.updateConnection.mutate({
          id,
          settings: { gateway: "http://127.0.0.1:9" },
          secretChanges: { apiKey: "x" },
        }),
      );
      expect(error.message).toMatch(/apiKey: not a credential of OpenFaaS connections/);
    });

    it("appeared in no answer of the API", () => {
      expect(answers.length).toBeGreaterThan(5);
      for (const answer of answers) expect(JSON.stringify(answer)).not.toContain("s3cret");
    });

    it("is removed with its functions when no scenario uses them", async () => {
      expect(await client.catalog.removeConnection.mutate({ id })).toEqual({
        name: "faas",
        removedFunctions: 0,
      });
      expect((await client.catalog.connections.query()).map((c) => c.name)).not.toContain("faas");
    });
  });
});
