import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL(".", import.meta.url));
// a value import of a file of ours (type-only imports leave nothing at run time)
const IMPORT = /^(?:import|export)(?! type)[^;]*?from "(\.{1,2}\/[^"]+)"/gms;

const modules = async () => {
  const entries = await readdir(src, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts"))
    .map((e) => path.join(e.parentPath, e.name));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = await readFile(file, "utf8");
    graph.set(
      file,
      [...text.matchAll(IMPORT)].map((m) => path.resolve(path.dirname(file), m[1]!)),
    );
  }
  return graph;
};

const folderOf = (file: string) => path.relative(src, file).split(path.sep)[0]!;

describe("the engine's layers", () => {
  it("import no module in a circle", async () => {
    const graph = await modules();
    const state = new Map<string, "open" | "done">();
    const circles: string[] = [];
    const visit = (file: string, trail: string[]) => {
      state.set(file, "open");
      for (const dep of graph.get(file) ?? []) {
        if (state.get(dep) === "open") {
          circles.push(
            [...trail.slice(trail.indexOf(dep)), dep].map((f) => path.relative(src, f)).join(" → "),
          );
        } else if (!state.has(dep)) visit(dep, [...trail, dep]);
      }
      state.set(file, "done");
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file, [file]);
    expect(graph.size).toBeGreaterThan(30);
    expect(circles).toEqual([]);
  });

  it("keep the run rules pure and every statement in the store", async () => {
    const graph = await modules();
    for (const [file, deps] of graph) {
      const folder = folderOf(file);
      if (folder === "flow") {
        // decisions read nothing and write nothing: no store, applier, worker or use case
        expect(
          deps.map(folderOf).filter((f) => ["store", "apply", "worker", "runs"].includes(f)),
          path.relative(src, file),
        ).toEqual([]);
      }
      if (folder !== "store") {
        const text = await readFile(file, "utf8");
        expect(
          /\$queryRawUnsafe\s*[<(]|\.query\(\s*[`"']\s*(SELECT|INSERT|UPDATE|WITH)/i.test(text),
          path.relative(src, file),
        ).toBe(false);
      }
    }
  });
});
