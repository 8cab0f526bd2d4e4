import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TRunningServer } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { appRouter } from "../src/trpc/root.ts";
import { signedInAs } from "./auth-client.ts";
import { jsonOf, rawRequest } from "./raw-http.ts";

/**
 * Inputs the fuzz test (fuzz.integration.test.ts) found answered with a 500, kept as they
 * were found (the uuids are ones it made up), each now refused with a sentence.
 */

let server: TRunningServer;
let dataDir: string;
let cookie: string;
let order: { nodes: { inputSchema?: { properties: Record<string, Record<string, unknown>> } }[] };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "baton-fuzz-findings-"));
  server = await startServer(loadConfig({ PORT: "0", BATON_DATA_DIR: dataDir }));
  cookie = (await signedInAs(server, ["admin"])).cookie;
  order = JSON.parse(
    await readFile(new URL("../../../examples/scenarios/order.json", import.meta.url), "utf8"),
  );
});

afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const call = async (name: string, input: unknown) => {
  const procedures = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string } }
  >;
  const { type } = procedures[name]!._def;
  const body = JSON.stringify(input);
  const answer =
    type === "mutation"
      ? await rawRequest(server.url, {
          method: "POST",
          path: `/trpc/${name}`,
          headers: { "content-type": "application/json", cookie },
          body,
        })
      : await rawRequest(server.url, {
          path: `/trpc/${name}?input=${encodeURIComponent(body)}`,
          headers: { cookie },
        });
  return {
    status: answer.status,
    message: jsonOf<{ error?: { message: string } }>(answer).error?.message,
  };
};

/** The order example with one change, as the text of a file to import. */
const orderWith = (change: (scenario: typeof order) => void, slug: string) => {
  const copy = structuredClone(order);
  change(copy);
  return JSON.stringify({ ...copy, slug });
};

describe("inputs the fuzz test found", () => {
  it.each([
    [
      "scenarios.create",
      { name: "\udfff\ud800", slug: "0d39asao71k-egv" },
      /^input\.name contains half of a UTF-16 surrogate pair/,
    ],
    [
      "scenarios.getVersion",
      { id: "91580d33-fffd-8fff-bfff-ffff487f14bf", version: 2147483648 },
      /at most 2147483647[\s\S]*at version/,
    ],
    [
      "runs.list",
      { limit: 4, status: "waiting", since: "-271821-04-20T00:00:00.040Z" },
      /1970 or later[\s\S]*at since/,
    ],
    ["runs.counts", { since: "0000-01-01" }, /1970 or later[\s\S]*at since/],
  ])("%s %j gets 400", async (name, input, message) => {
    const answer = await call(name, input);
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(message);
  });

  it("an imported file with a NUL character in a schema gets 400", async () => {
    const json = orderWith((s) => {
      s.nodes[0]!.inputSchema!.properties.customerEmail!.format = { H: ["\u0000"] };
    }, "fuzz-7");
    const answer = await call("scenarios.import", { json });
    expect(answer.status).toBe(400);
    expect(answer.message).toBe(
      "The file: $.nodes[0].inputSchema.properties.customerEmail.format.H[0] contains a NUL character (\\u0000), which Baton cannot store: remove it.",
    );
  });

  it("an imported file with an object for a schema's type gets 400", async () => {
    const json = orderWith((s) => {
      s.nodes[0]!.inputSchema!.properties.items!.type = JSON.parse(
        '{"\\"_": null, "T!u[": false, "__proto__": null}',
      );
    }, "fuzz-8");
    const answer = await call("scenarios.import", { json });
    expect(answer.status).toBe(400);
    expect(answer.message).toBe(
      "The file: $.nodes[0].inputSchema.properties.items.type.__proto__ is named __proto__, which JavaScript gives a meaning of its own: rename it.",
    );
  });
});
