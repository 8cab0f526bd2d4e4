import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { closedPort } from "./loopback.ts";

const require = createRequire(import.meta.url);
const serverlessBin = path.join(
  path.dirname(require.resolve("serverless/package.json")),
  "bin/serverless.js",
);
const lambdaFolder = fileURLToPath(new URL("./fixtures/lambda", import.meta.url));

export type ServerlessOffline = { url: string; stop: () => Promise<void> };

/** Starts `sls offline` on loopback ports for the functions in fixtures/lambda. */
export async function startServerlessOffline(): Promise<ServerlessOffline> {
  const [lambdaPort, httpPort, websocketPort, albPort] = [
    await closedPort(),
    await closedPort(),
    await closedPort(),
    await closedPort(),
  ];
  // osls writes a cache under $HOME/.serverless.
  const home = await mkdtemp(path.join(tmpdir(), "baton-sls-"));
  const child = spawn(
    process.execPath,
    [
      serverlessBin,
      "offline",
      "--host",
      "127.0.0.1",
      "--lambdaPort",
      String(lambdaPort),
      "--httpPort",
      String(httpPort),
      "--websocketPort",
      String(websocketPort),
      "--albPort",
      String(albPort),
    ],
    {
      cwd: lambdaFolder,
      env: {
        ...process.env,
        HOME: home,
        SLS_TELEMETRY_DISABLED: "1",
        SLS_NOTIFICATIONS_MODE: "off",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const url = `http://127.0.0.1:${lambdaPort}`;
  await waitForListening(child, url);
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(home, { recursive: true, force: true });
    },
  };
}

function waitForListening(child: ChildProcess, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`serverless-offline did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`listening on ${url}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serverless-offline exited with ${code}:\n${output}`));
    });
  });
}
