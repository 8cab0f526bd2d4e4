import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type TThrowawayPostgres = {
  url: string;
  /** a fast restart, as after a crash or an upgrade: every connection is dropped */
  restart(): Promise<void>;
  stop(): Promise<void>;
};

/** The newest installed PostgreSQL server binaries, if any. */
export const findPostgresBin = (): string | undefined => {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : undefined;
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });

/**
 * Starts a private PostgreSQL cluster in a temporary folder on a free loopback port.
 * As root it runs as the `postgres` user, since the server refuses to run as root.
 */
export const startThrowawayPostgres = async (
  settings: Record<string, string> = {},
): Promise<TThrowawayPostgres> => {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      "no PostgreSQL server binaries under /usr/lib/postgresql: install them (sudo apt-get install -y postgresql)",
    );
  }
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(path.join(tmpdir(), "baton-pg-"));
  await chmod(dir, 0o777);
  const dataDir = path.join(dir, "data");
  const exec = (tool: string, args: string[]) =>
    asRoot
      ? run("runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args])
      : run(path.join(bin, tool), args);
  await exec("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const port = await freePort();
  const start = () =>
    exec("pg_ctl", [
      "-D",
      dataDir,
      "-l",
      path.join(dir, "server.log"),
      "-w",
      "-o",
      [
        `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`,
        ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
      ].join(" "),
      "start",
    ]);
  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    restart: async () => {
      await exec("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      await start();
    },
    stop: async () => {
      await exec("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
};
