import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "@baton/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientWithCookie, PASSWORD } from "./auth-client.ts";
import { spawnBaton } from "./cli-process.ts";

const TOKEN = "a-webhook-token-of-enough-length-1234";

// a local function that takes down the process running it, as a crash or an OOM kill would
const KILL_PROCESS = `
export const description = "Kills the process that runs it";
export const input = { type: "object" };
export const output = { type: "object" };
export const timeoutMs = 1000;
export async function handler() {
  process.kill(process.pid, "SIGKILL");
  await new Promise(() => {});
}
`;

const scenario = {
  format: "baton.scenario/v1",
  slug: "poison",
  name: "Poison",
  nodes: [
    { id: "start", kind: "start", label: "Start", position: { x: 0, y: 0 } },
    {
      id: "kill",
      kind: "function",
      label: "Kill",
      function: "examples/KillProcess",
      position: { x: 200, y: 0 },
    },
    { id: "end", kind: "end", label: "End", position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: "e1", kind: "next", source: "start", target: "kill" },
    { id: "e2", kind: "next", source: "kill", target: "end" },
  ],
};

describe("a run whose step kills the server", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "baton-poison-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("never keeps the server from coming up, and fails once it has stopped it too often", async () => {
    const [functionsDir, scenariosDir] = await Promise.all([
      mkdtemp(path.join(root, "functions-")),
      mkdtemp(path.join(root, "scenarios-")),
    ]);
    await writeFile(path.join(functionsDir, "KillProcess.mjs"), KILL_PROCESS);
    await writeFile(path.join(scenariosDir, "poison.json"), JSON.stringify(scenario));
    const env = {
      PORT: String(await freePort()),
      BATON_DATA_DIR: path.join(root, "data"),
      BATON_FUNCTIONS_DIR: functionsDir,
      BATON_SCENARIOS_DIR: scenariosDir,
      BATON_HOOK_TOKEN: TOKEN,
      BATON_STEP_RECLAIMS: "1",
    };

    const first = spawnBaton(["start"], env);
    const [, url] = await first.waitFor(/ready at (http:\/\/\S+)/);
    const setup = await fetch(`${url}/trpc/auth.setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@example.com", name: "Admin", password: PASSWORD }),
    });
    expect(setup.status).toBe(200);
    const cookie = setup.headers.getSetCookie()[0]!.split(";")[0]!;
    const hook = await fetch(`${url}/hooks/poison`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: "{}",
    });
    expect(hook.status).toBe(202);
    const { runId } = (await hook.json()) as { runId: string };
    expect(await first.exited).toBeNull();
    expect(first.child.signalCode).toBe("SIGKILL");

    // the step is still "running" in the data: the next start listens before taking steps,
    // takes the step back once its lease is out, and fails it instead of running it again
    const second = spawnBaton(["start"], env);
    await second.waitFor(/ready at/);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const client = clientWithCookie(url!, cookie);
    const deadline = Date.now() + 60_000;
    let run = await client.runs.get.query({ id: runId });
    while (run.status === "running" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      run = await client.runs.get.query({ id: runId });
    }
    expect(run.status).toBe("failed");
    expect(JSON.stringify(run.error)).toContain(
      '\\"Kill\\" was running in a process that stopped (crashed, was killed or hung) once',
    );
    expect(second.child.exitCode).toBeNull();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 150_000);
});
