import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { TScenario } from "@baton/model";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInAs, type TClient } from "../../test/auth-client.ts";
import { startServer, type TRunningServer } from "../app.ts";
import { loadConfig } from "../config.ts";
import type { AppRouter } from "../index.ts";
import { importExampleScenarios } from "./import-example-scenarios.ts";

let server: TRunningServer;
let dataDir: string;
let client: TClient;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "baton-scenarios-"));
  server = await startServer(loadConfig({ PORT: "0", BATON_DATA_DIR: dataDir }));
  client = (await signedInAs(server, ["designer"])).client;
});

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  return error as TRPCClientError<AppRouter>;
};

/** The sign-up flow in miniature: start → CreateUser → end, wired by mappings. */
const signUp = (slug: string): TScenario => ({
  format: "baton.scenario/v1",
  slug,
  name: "Sign up",
  nodes: [
    {
      id: "start",
      kind: "start",
      label: "Start",
      position: { x: 0, y: 0 },
      inputSchema: {
        type: "object",
        properties: {
          name: { type: "string", minLength: 1, maxLength: 200 },
          email: { type: "string", format: "email", maxLength: 254 },
        },
        required: ["name", "email"],
      },
    },
    {
      id: "createUser",
      kind: "function",
      label: "Create user",
      position: { x: 240, y: 0 },
      function: "examples/CreateUser",
      input: { name: { ref: "input.name" }, email: { ref: "input.email" } },
    },
    {
      id: "end",
      kind: "end",
      label: "End",
      position: { x: 480, y: 0 },
      output: { userId: { ref: "steps.createUser.output.id" } },
    },
  ],
  edges: [
    { id: "e1", kind: "next", source: "start", target: "createUser" },
    { id: "e2", kind: "next", source: "createUser", target: "end" },
  ],
});

describe("scenarios API", () => {
  it("creates a scenario whose draft is a start wired to an end", async () => {
    const created = await client.scenarios.create.mutate({
      name: "Onboarding",
      slug: "onboarding",
    });
    const scenario = await client.scenarios.get.query({ id: created.id });
    expect(scenario).toMatchObject({ slug: "onboarding", name: "Onboarding", versions: [] });
    expect(scenario.draft.nodes.map((n) => n.kind)).toEqual(["start", "end"]);
    expect(scenario.draft.edges).toEqual([
      { id: "start-end", kind: "next", source: "start", target: "end" },
    ]);
    expect(await client.scenarios.get.query({ slug: "onboarding" })).toMatchObject({
      id: created.id,
    });
  });

  it("refuses a taken slug and a malformed one", async () => {
    await client.scenarios.create.mutate({ name: "Taken", slug: "taken" });
    const taken = await failure(client.scenarios.create.mutate({ name: "Again", slug: "taken" }));
    expect(taken.data?.code).toBe("CONFLICT");
    expect(taken.message).toMatch(/already exists/);
    const bad = await failure(client.scenarios.create.mutate({ name: "Bad", slug: "Not A Slug" }));
    expect(bad.data?.httpStatus).toBe(400);
    expect(bad.message).toMatch(/slug/i);
  });

  it("answers NOT_FOUND for an unknown scenario", async () => {
    const error = await failure(
      client.scenarios.get.query({ id: "7a0c6c39-7a3f-4c89-9d1b-7b9a0f3c2b11" }),
    );
    expect(error.data?.code).toBe("NOT_FOUND");
  });

  it("saves drafts with optimistic concurrency: a stale save gets CONFLICT", async () => {
    const { id, draftUpdatedAt } = await client.scenarios.create.mutate({
      name: "Sign up",
      slug: "sign-up-concurrency",
    });
    const tabA = await client.scenarios.saveDraft.mutate({
      id,
      draft: signUp("sign-up-concurrency"),
      draftUpdatedAt,
    });
    expect(new Date(tabA.draftUpdatedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(draftUpdatedAt).getTime(),
    );
    const tabB = await failure(
      client.scenarios.saveDraft.mutate({
        id,
        draft: signUp("sign-up-concurrency"),
        draftUpdatedAt,
      }),
    );
    expect(tabB.data?.code).toBe("CONFLICT");
    expect(tabB.message).toMatch(/reload/);
    const saved = await client.scenarios.get.query({ id });
    expect(saved.draft.nodes.map((n) => n.id)).toEqual(["start", "createUser", "end"]);
    expect(saved.draftUpdatedAt).toBe(tabA.draftUpdatedAt);
  });

  it("validates drafts with the scenario format and keeps the slug", async () => {
    const { id, draftUpdatedAt } = await client.scenarios.create.mutate({
      name: "Strict",
      slug: "strict",
    });
    const broken = { ...signUp("strict"), nodes: [{ id: "1 bad", kind: "start" }] };
    const invalid = await failure(
      client.scenarios.saveDraft.mutate({
        id,
        draft: broken as unknown as TScenario,
        draftUpdatedAt,
      }),
    );
    expect(invalid.data?.httpStatus).toBe(400);
    const renamed = await failure(
      client.scenarios.saveDraft.mutate({ id, draft: signUp("other-slug"), draftUpdatedAt }),
    );
    expect(renamed.data?.code).toBe("BAD_REQUEST");
    expect(renamed.message).toMatch(/slug cannot change/);
  });

  it("imports a scenario file and exports it again", async () => {
    const file = JSON.stringify(signUp("imported-sign-up"));
    const imported = await client.scenarios.import.mutate({ json: file });
    expect(imported.slug).toBe("imported-sign-up");
    const exported = await client.scenarios.export.query({ id: imported.id });
    expect(exported.fileName).toBe("imported-sign-up.draft.json");
    expect(exported.scenario).toEqual(signUp("imported-sign-up"));

    const copy = await client.scenarios.import.mutate({
      json: file,
      slug: "imported-copy",
      name: "Copy",
    });
    expect((await client.scenarios.get.query({ id: copy.id })).draft).toMatchObject({
      slug: "imported-copy",
      name: "Copy",
    });
  });

  it("refuses an import whose slug is taken, offering a free slug and name", async () => {
    const file = JSON.stringify(signUp("taken-sign-up"));
    await client.scenarios.import.mutate({ json: file });
    const taken = await failure(client.scenarios.import.mutate({ json: file }));
    expect(taken.data?.httpStatus).toBe(409);
    expect(taken.message).toMatch(/slug "taken-sign-up" already exists.*"taken-sign-up-2"/);
    expect(taken.data?.details).toEqual({
      slug: "taken-sign-up",
      suggested: { slug: "taken-sign-up-2", name: "Sign up 2" },
    });

    const second = await client.scenarios.import.mutate({
      json: file,
      slug: "taken-sign-up-2",
      name: "Sign up 2",
    });
    expect(second.slug).toBe("taken-sign-up-2");
    // the next free one, under the name asked for
    const again = await failure(client.scenarios.import.mutate({ json: file, name: "Copy" }));
    expect(again.data?.details).toMatchObject({
      suggested: { slug: "taken-sign-up-3", name: "Copy 3" },
    });
    const original = await client.scenarios.get.query({ slug: "taken-sign-up" });
    expect(original.name).toBe("Sign up");
  });

  it("refuses an import that is not JSON or not a scenario, saying why", async () => {
    const notJson = await failure(client.scenarios.import.mutate({ json: "{nope" }));
    expect(notJson.message).toMatch(/not JSON/);
    const notScenario = await failure(
      client.scenarios.import.mutate({ json: JSON.stringify({ format: "other" }) }),
    );
    expect(notScenario.message).toMatch(/not a valid baton.scenario\/v1/);
  });

  it("serves the catalog the designer checks against, with annotations applied", async () => {
    const { prisma } = server.services.db;
    const output = { type: "object", properties: { greeting: { type: "string" } } };
    const connection = await prisma.connection.create({ data: { name: "ann", provider: "local" } });
    await prisma.function.create({
      data: {
        connectionId: connection.id,
        ref: "ann/Hello",
        name: "Hello",
        inputSchema: { type: "object" },
        outputSchema: {},
        annotation: { outputSchema: output },
      },
    });
    const catalog = await client.scenarios.catalog.query();
    expect(catalog["ann/Hello"]).toEqual({
      ref: "ann/Hello",
      name: "Hello",
      description: "",
      provider: "local",
      connection: "ann",
      inputSchema: { type: "object" },
      outputSchema: output,
    });
    expect(catalog["examples/CreateUser"]?.inputSchema).toMatchObject({
      required: ["name", "email"],
    });
  });
});

describe("publishing", () => {
  const draftOf = async (slug: string, draft: TScenario) => {
    const created = await client.scenarios.create.mutate({ name: "Sign up", slug });
    return client.scenarios.saveDraft
      .mutate({ id: created.id, draft, draftUpdatedAt: created.draftUpdatedAt })
      .then(({ draftUpdatedAt }) => ({ id: created.id, draftUpdatedAt }));
  };

  it("publishes a clean draft as version 1, 2… with the catalog it was checked against", async () => {
    const { id, draftUpdatedAt } = await draftOf("publish-clean", signUp("publish-clean"));
    const first = await client.scenarios.publish.mutate({ id, draftUpdatedAt, note: "first" });
    expect(first).toMatchObject({ version: 1, note: "first" });
    const second = await client.scenarios.publish.mutate({ id, draftUpdatedAt });
    expect(second.version).toBe(2);

    const version = await client.scenarios.getVersion.query({ id, version: 1 });
    expect(version.definition).toMatchObject({ slug: "publish-clean", version: 1 });
    expect(Object.keys(version.catalog)).toEqual(["examples/CreateUser"]);
    expect(version.catalog["examples/CreateUser"]?.outputSchema).toMatchObject({ title: "User" });

    const versions = await client.scenarios.versions.query({ id });
    expect(versions.map((v) => [v.version, v.runs])).toEqual([
      [2, 0],
      [1, 0],
    ]);
    const exported = await client.scenarios.export.query({ id, version: 1 });
    expect(exported).toMatchObject({ fileName: "publish-clean.v1.json", scenario: { version: 1 } });
  });

  it("answers what published versions take and give, leaving unknown ones out", async () => {
    const { id, draftUpdatedAt } = await draftOf("signed", signUp("signed"));
    await client.scenarios.publish.mutate({ id, draftUpdatedAt });
    const found = await client.scenarios.signatures.query({
      refs: [
        { slug: "signed", version: 1 },
        { slug: "signed", version: 9 },
      ],
    });
    expect(Object.keys(found)).toEqual(["signed@1"]);
    expect(found["signed@1"]?.inputSchema).toMatchObject({ type: "object" });
  });

  it("refuses a draft with errors, listing them, and creates no version", async () => {
    const broken = signUp("publish-broken");
    broken.nodes.splice(2, 0, {
      id: "storeUserData",
      kind: "function",
      label: "Store user data",
      position: { x: 360, y: 0 },
      function: "examples/StoreUserData",
    });
    broken.edges = [
      { id: "e1", kind: "next", source: "start", target: "createUser" },
      { id: "e2", kind: "next", source: "createUser", target: "storeUserData" },
      { id: "e3", kind: "next", source: "storeUserData", target: "end" },
    ];
    const { id, draftUpdatedAt } = await draftOf("publish-broken", broken);
    const error = await failure(client.scenarios.publish.mutate({ id, draftUpdatedAt }));
    expect(error.data?.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/cannot be published: the check found \d+ errors/);
    expect(error.message).toMatch(/storeUserData: input.user: Store user data needs a value/);
    expect(error.data?.details).toMatchObject({
      diagnostics: expect.arrayContaining([
        expect.objectContaining({ severity: "error", nodeId: "storeUserData" }),
      ]),
    });
    expect(await client.scenarios.versions.query({ id })).toEqual([]);
  });

  it("refuses a function that is not in the catalog", async () => {
    const unknown = signUp("publish-unknown");
    const node = unknown.nodes[1];
    if (node?.kind === "function") node.function = "examples/NoSuchFunction";
    const { id, draftUpdatedAt } = await draftOf("publish-unknown", unknown);
    const error = await failure(client.scenarios.publish.mutate({ id, draftUpdatedAt }));
    expect(error.message).toMatch(/NoSuchFunction/);
  });

  it("refuses to publish a draft that changed since the editor loaded it", async () => {
    const { id, draftUpdatedAt } = await draftOf("publish-stale", signUp("publish-stale"));
    await client.scenarios.saveDraft.mutate({ id, draft: signUp("publish-stale"), draftUpdatedAt });
    const error = await failure(client.scenarios.publish.mutate({ id, draftUpdatedAt }));
    expect(error.data?.code).toBe("CONFLICT");
  });
});

describe("example scenarios", () => {
  it("imports the examples on a first start only, reporting bad files", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "baton-examples-"));
    await writeFile(path.join(folder, "a.json"), JSON.stringify(signUp("example-a")));
    await writeFile(path.join(folder, "b.json"), "{ not json");
    const { prisma } = server.services.db;
    // This server already has scenarios, so nothing is imported.
    expect(await importExampleScenarios(prisma, folder)).toEqual({ imported: [], problems: [] });

    await prisma.scenarioVersion.deleteMany();
    await prisma.scenario.deleteMany();
    const report = await importExampleScenarios(prisma, folder);
    expect(report.imported).toEqual(["example-a"]);
    expect(report.problems).toEqual([expect.stringMatching(/^b\.json: b\.json is not JSON/)]);
    await rm(folder, { recursive: true, force: true });
  });

  it("imports the repository's example scenarios cleanly", async () => {
    const { prisma } = server.services.db;
    await prisma.scenarioVersion.deleteMany();
    await prisma.scenario.deleteMany();
    const folder = fileURLToPath(new URL("../../../../examples/scenarios", import.meta.url));
    const report = await importExampleScenarios(prisma, folder);
    expect(report.problems).toEqual([]);
    expect(report.imported.length).toBeGreaterThanOrEqual(2);
  });
});
