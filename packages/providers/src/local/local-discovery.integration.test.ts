import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callOptions } from "../../test/helpers.ts";
import { type Connection, createProviderRegistry } from "../index.ts";
import { createLocalProvider } from "./local-provider.ts";

// Modules written at run time: a file that does not compile cannot live in the repository.
const modules: Record<string, string> = {
  // Like examples/functions, which sits in a `"type": "module"` package.
  "package.json": '{ "type": "module" }\n',
  "NoHandler.ts": 'export const description = "forgot its handler";\nexport const run = () => 1;\n',
  "Broken.ts": "export async function handler( {\n",
  "BadSchema.ts":
    'export const input = "not a schema";\nexport async function handler() { return null; }\n',
  "Version.ts": "export async function handler() { return { version: 1 }; }\n",
  "helper.test.ts": "export const ignored = true;\n",
  "_private.ts": "export async function handler() { return null; }\n",
};

let folder: string;
let connection: Connection;
const registry = createProviderRegistry([createLocalProvider({ poolSize: 1 })]);

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "baton-local-"));
  for (const [name, text] of Object.entries(modules))
    await writeFile(path.join(folder, name), text);
  connection = { name: "scratch", provider: "local", config: { folder } };
});

afterAll(async () => {
  await registry.close();
  await rm(folder, { recursive: true, force: true });
});

describe("local provider: discovery problems and reloads", () => {
  it("keeps the usable modules and says why the others were skipped", async () => {
    const discovery = await registry.discover(connection);
    expect(discovery.functions.map((fn) => fn.name)).toEqual(["Version"]);
    expect(discovery.functions[0]?.undeclared).toEqual(["input", "output"]);
    expect(discovery.problems).toEqual([
      "BadSchema.ts: skipped, its `input` export is not a JSON Schema object.",
      expect.stringMatching(/^Broken\.ts: skipped, .+/),
      "NoHandler.ts: skipped, it exports no `handler` function.",
      "Version: no input or output schema; it accepts any JSON until one is attached or inferred from calls.",
    ]);
  });

  it("finds the same when it imports the modules in its own thread (baton check)", async () => {
    const inProcess = createProviderRegistry([createLocalProvider({ describeInProcess: true })]);
    try {
      const [own, pooled] = [
        await inProcess.discover(connection),
        await registry.discover(connection),
      ];
      expect(own.functions.map((fn) => fn.ref)).toEqual(pooled.functions.map((fn) => fn.ref));
      expect(own.problems.map((p) => p.split(",")[0])).toEqual(
        pooled.problems.map((p) => p.split(",")[0]),
      );
    } finally {
      await inProcess.close();
    }
  });

  it("runs the new code of an edited module after the catalog is refreshed", async () => {
    const before = (await registry.discover(connection)).functions[0];
    if (!before) throw new Error("Version not discovered");
    expect(await registry.invoke(connection, before, {}, callOptions())).toEqual({ version: 1 });
    const file = path.join(folder, "Version.ts");
    await writeFile(file, "export async function handler() { return { version: 2 }; }\n");
    const later = new Date(Date.now() + 5_000);
    await utimes(file, later, later);
    const after = (await registry.discover(connection)).functions[0];
    if (!after) throw new Error("Version not rediscovered");
    expect(await registry.invoke(connection, after, {}, callOptions())).toEqual({ version: 2 });
  });

  it("refuses a folder that does not exist", async () => {
    await expect(
      registry.discover({ ...connection, config: { folder: path.join(folder, "missing") } }),
    ).rejects.toThrow(/Cannot read the function folder/);
  });
});
