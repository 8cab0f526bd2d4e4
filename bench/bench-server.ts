import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { waitForServer } from "./wait-for-server.ts";

const repoRoot = path.resolve(import.meta.dirname, "..");

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

export type TBenchServer = {
  base: string;
  /** the Cookie header of the administrator the bench signed up as */
  cookie: string;
  /** the session cookie, for a browser context (`context.addCookies`) */
  browserCookie: { name: string; value: string; url: string };
  stop(): Promise<void>;
};

/** Signs up the first administrator of the fresh server and keeps the session cookie. */
const signUp = async (base: string) => {
  const response = await fetch(`${base}/trpc/auth.setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: "bench@example.com",
      name: "Bench",
      password: "bench-password-1234",
    }),
  });
  const setCookie = response.headers.get("set-cookie");
  if (!response.ok || !setCookie) {
    throw new Error(`signing up the bench's administrator failed: ${await response.text()}`);
  }
  const [pair = ""] = setCookie.split(";");
  const eq = pair.indexOf("=");
  return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), pair };
};

/**
 * `baton start` on a free port with a throwaway data folder (the embedded database), signed
 * in as its first administrator. `stop` ends the server and removes the folder.
 */
export const startBenchServer = async (label: string): Promise<TBenchServer> => {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), `baton-bench-${label}-`));
  let stopping = false;
  const child: ChildProcess = spawn(process.execPath, ["apps/server/bin/baton.js", "start"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", BATON_DATA_DIR: dataDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  child.once("exit", (code, signal) => {
    if (!stopping)
      console.error(`bench: the server stopped early (code ${code}, signal ${signal})`);
  });
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForServer(child, port);
    const base = `http://127.0.0.1:${port}`;
    const session = await signUp(base);
    return {
      base,
      cookie: session.pair,
      browserCookie: { name: session.name, value: session.value, url: base },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};
