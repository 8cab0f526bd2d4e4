/**
 * How long `baton check` takes as a user runs it: `node apps/server/bin/baton.js check
 * examples/scenarios/signup.json` from the repository, wall time from spawn to exit, the
 * median of 9 runs after one that fills tsx's compile cache. Prints `bench cli.check.ms`.
 */
import { spawn } from "node:child_process";
import path from "node:path";

const repoRoot = path.resolve(import.meta.dirname, "..");
const RUNS = 9;

const checkOnce = () =>
  new Promise<number>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ["apps/server/bin/baton.js", "check", "examples/scenarios/signup.json"],
      { cwd: repoRoot, stdio: ["ignore", "ignore", "inherit"] },
    );
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`baton check exited with ${code}`)),
    );
  });

await checkOnce();
const times: number[] = [];
for (let i = 0; i < RUNS; i++) times.push(await checkOnce());
times.sort((a, b) => a - b);
console.log(`baton check: ${times.map((t) => t.toFixed(0)).join(", ")} ms`);
console.log(`bench cli.check.ms ${times[Math.floor(RUNS / 2)]!.toFixed(0)}`);
