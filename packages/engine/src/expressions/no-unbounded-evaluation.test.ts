import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../../../", import.meta.url));
// code that runs a scenario's expressions for a server or a worker
const SERVER_SIDE = ["packages/engine/src", "apps/server/src"];
// the one place allowed to call JSONata directly: the sandbox's own process
const SANDBOX = "packages/engine/src/expressions/sandbox-process.ts";
const UNBOUNDED = /\b(evaluateExpression|evaluateToJson)\b|from "jsonata"/;

const sources = async (dir: string): Promise<string[]> => {
  const entries = await readdir(path.join(repo, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => path.relative(repo, path.join(e.parentPath, e.name)));
};

describe("expressions on the server", () => {
  it("are evaluated in the sandbox only, never on a server's or worker's own thread", async () => {
    const files = (await Promise.all(SERVER_SIDE.map(sources))).flat();
    expect(files.length).toBeGreaterThan(50);
    const offenders: string[] = [];
    for (const file of files) {
      if (file === SANDBOX) continue;
      if (UNBOUNDED.test(await readFile(path.join(repo, file), "utf8"))) offenders.push(file);
    }
    expect(offenders, "use ctx.evaluate (the engine's sandbox) instead").toEqual([]);
  });
});
