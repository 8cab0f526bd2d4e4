import fc from "fast-check";
import { rootSchema } from "../test/schema-arbitraries.ts";
import { assignable } from "./assignable.ts";

const counts = new Map<string, number>();
const examples = new Map<string, string>();
for (const s of fc.sample(rootSchema, { numRuns: 1000, seed: 42 })) {
  const r = assignable(s, s);
  if (r.ok) continue;
  for (const p of r.problems) {
    const key =
      p.severity +
      " " +
      p.message
        .replace(/"[^"]*"/g, '"…"')
        .replace(/\d+/g, "N")
        .replace(/^[^:]*: /, "")
        .slice(0, 110);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    if (!examples.has(key)) examples.set(key, JSON.stringify(s.allOf));
  }
}
let bad = 0;
for (const s2 of fc.sample(rootSchema, { numRuns: 1000, seed: 42 }))
  if (!assignable(s2, s2).ok) bad++;
console.log("not ok:", bad);
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 14))
  console.log(v, k, "\n    ", examples.get(k)?.slice(0, 400));
