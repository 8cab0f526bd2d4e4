import { execFileSync } from "node:child_process";
import { lstat, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@baton/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnBaton } from "./cli-process.ts";

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "baton-cli-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const expectOneLineFailure = async (proc: ReturnType<typeof spawnBaton>, pattern: RegExp) => {
  expect(await proc.exited).not.toBe(0);
  const lines = proc.output().trim().split("\n");
  expect(lines.at(-1)).toMatch(pattern);
  expect(proc.output()).not.toMatch(/^\s+at /m);
};

describe("baton start", () => {
  it("starts, serves, stops cleanly on SIGTERM, and reuses the data on the next start", async () => {
    const port = await freePort();
    const env = { PORT: String(port), BATON_DATA_DIR: dataDir };
    const first = spawnBaton(["start"], env);
    const [, url] = await first.waitFor(/ready at (http:\/\/\S+)/);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(first.output()).toMatch(/applied \d+ migration/);
    expect(first.output()).not.toMatch(/other users/);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/stopped cleanly/);

    const second = spawnBaton(["start"], env);
    await second.waitFor(/ready at/);
    expect(second.output()).not.toMatch(/applied \d+ migration/);
    second.child.kill("SIGINT");
    expect(await second.exited).toBe(0);
  });

  it("keeps the data folder to its owner, and tightens one that others could read", async () => {
    const openToOthers = async () => {
      const names = await readdir(dataDir, { recursive: true });
      const modes = await Promise.all(names.map((name) => lstat(path.join(dataDir, name))));
      return names.filter((_, i) => !modes[i]!.isSymbolicLink() && modes[i]!.mode & 0o077);
    };
    // the starts above wrote the embedded database here
    expect(await openToOthers()).toEqual([]);
    execFileSync("chmod", ["-R", "go+rwX", dataDir]);
    const opened = (await openToOthers()).length;
    expect(opened).toBeGreaterThan(100);

    const proc = spawnBaton(["start"], { PORT: String(await freePort()), BATON_DATA_DIR: dataDir });
    const [, count] = await proc.waitFor(
      /warning: (\d+) file\(s\) and folder\(s\) in the data folder .* could be read or changed by other users of this machine; made them readable and writable by their owner only/,
    );
    // the data folder itself too
    expect(Number(count)).toBe(opened + 1);
    await proc.waitFor(/ready at/);
    proc.child.kill("SIGTERM");
    expect(await proc.exited).toBe(0);
    expect(await openToOthers()).toEqual([]);
  });

  it("says so when the port is in use", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const port = (blocker.address() as { port: number }).port;
    const proc = spawnBaton(["start"], { PORT: String(port), BATON_DATA_DIR: dataDir });
    await expectOneLineFailure(proc, new RegExp(`port ${port} .* already in use.*set PORT`));
    blocker.close();
  });

  it("says so when the data folder cannot be used", async () => {
    const file = path.join(dataDir, "a-file");
    await writeFile(file, "");
    const proc = spawnBaton(["start"], { PORT: String(await freePort()), BATON_DATA_DIR: file });
    await expectOneLineFailure(proc, /cannot write to the data folder .*BATON_DATA_DIR/);
  });

  it("says so when DATABASE_URL is malformed or unreachable", async () => {
    const malformed = spawnBaton(["start"], { DATABASE_URL: "mysql://x/y" });
    await expectOneLineFailure(malformed, /DATABASE_URL must start with postgresql:\/\//);
    const port = await freePort();
    const unreachable = spawnBaton(["start"], {
      DATABASE_URL: `postgresql://baton:pw@127.0.0.1:${port}/baton`,
    });
    await expectOneLineFailure(
      unreachable,
      /cannot connect to PostgreSQL at 127\.0\.0\.1:\d+\/baton: connection refused/,
    );
    expect(unreachable.output()).not.toContain(":pw@");
  });

  it("says so when PORT is not a port", async () => {
    await expectOneLineFailure(
      spawnBaton(["start"], { PORT: "eighty" }),
      /PORT=eighty must be a number/,
    );
  });
});

describe("baton run", () => {
  const signUp = fileURLToPath(new URL("../../../examples/scenarios/signup.json", import.meta.url));

  it("runs a scenario file on the embedded engine, printing each step, then the output", async () => {
    const proc = spawnBaton(
      ["run", signUp, "--input", JSON.stringify({ name: "Ada", email: "ada@example.com" })],
      { BATON_DATA_DIR: path.join(dataDir, "run") },
    );
    expect(await proc.exited).toBe(0);
    const out = proc.output();
    expect(out).toMatch(/✓ Create user \(createUser\) \d+ ms/);
    expect(out).toMatch(/✓ Signed up \(end\)/);
    expect(out).toMatch(/run [0-9a-f-]{36} succeeded\n\{\n {2}"userId"/);
  });

  it("names the item of each step inside a map body", async () => {
    const file = path.join(dataDir, "each.json");
    const emails = { type: "array", items: { type: "string", format: "email", maxLength: 254 } };
    const at = { x: 0, y: 0 };
    const next = (source: string, target: string) => ({
      id: `${source}-${target}`,
      kind: "next",
      source,
      target,
    });
    await writeFile(
      file,
      JSON.stringify({
        format: "baton.scenario/v1",
        slug: "each-email",
        name: "Each email",
        nodes: [
          { id: "start", kind: "start", label: "Emails", position: at, inputSchema: emails },
          {
            id: "each",
            kind: "map",
            label: "Each",
            position: at,
            items: { ref: "input" },
            body: {
              nodes: [
                { id: "item", kind: "start", label: "Email", position: at },
                {
                  id: "check",
                  kind: "function",
                  label: "Check",
                  position: at,
                  function: "examples/ValidateEmail",
                  input: { email: { ref: "item" } },
                },
                {
                  id: "itemEnd",
                  kind: "end",
                  label: "Checked",
                  position: at,
                  output: { valid: { ref: "steps.check.output.valid" } },
                },
              ],
              edges: [next("item", "check"), next("check", "itemEnd")],
            },
          },
          {
            id: "end",
            kind: "end",
            label: "Done",
            position: at,
            output: { all: { ref: "steps.each.output" } },
          },
        ],
        edges: [next("start", "each"), next("each", "end")],
      }),
    );
    const proc = spawnBaton(["run", file, "--input", '["a@example.com","b@example.org"]'], {
      BATON_DATA_DIR: path.join(dataDir, "run"),
    });
    expect(await proc.exited).toBe(0);
    const out = proc.output();
    expect(out).toMatch(/running its body for 2 items/);
    expect(out).toMatch(/✓ Check \(check\) \[item 0\]/);
    expect(out).toMatch(/✓ Check \(check\) \[item 1\]/);
    expect(out).toMatch(/"all": \[\n\s+\{\n\s+"valid": true/);
  });

  it("refuses an input that breaks the scenario's schema, naming the field", async () => {
    const proc = spawnBaton(["run", signUp, "--input", '{"name":"Ada","email":7}'], {
      BATON_DATA_DIR: path.join(dataDir, "run"),
    });
    await expectOneLineFailure(proc, /input does not match .*\/email must be string/);
  });
});

describe("baton user", () => {
  // nine processes of the real CLI, each opening the database: slow on a busy machine
  it("adds, lists and resets users; the passwords work in the web app's sign-in", {
    timeout: 300_000,
  }, async () => {
    const env = { BATON_DATA_DIR: path.join(dataDir, "users") };
    const add = spawnBaton(
      ["user", "add", "Root@Example.com", "--name", "Root", "--role", "admin", "-r", "approver"],
      env,
      "a piped password\n",
    );
    expect(await add.exited, add.output()).toBe(0);
    // the first administrator holds every role
    expect(add.output()).toMatch(/added root@example\.com \(admin, designer, operator, approver\)/);
    expect(add.output()).not.toMatch(/password/);

    const made = spawnBaton(["user", "add", "vic@example.com", "--role", "viewer"], env);
    expect(await made.exited, made.output()).toBe(0);
    const [, madeUp] = made.output().match(/password \(shown once\): (\S+)/)!;

    const again = spawnBaton(["user", "add", "root@example.com", "-r", "viewer"], env, "");
    await expectOneLineFailure(again, /already a user with the email root@example\.com/);
    const noRole = spawnBaton(["user", "add", "x@example.com"], env, "");
    await expectOneLineFailure(noRole, /at least one role/);
    const weak = spawnBaton(["user", "add", "y@example.com", "-r", "viewer"], env, "short\n");
    await expectOneLineFailure(weak, /at least 10 characters/);

    const list = spawnBaton(["user", "list"], env);
    expect(await list.exited).toBe(0);
    expect(list.output()).toMatch(
      /root@example\.com\s+Root\s+admin,designer,operator,approver\s+active/,
    );
    expect(list.output()).toMatch(/vic@example\.com\s+vic\s+viewer\s+active/);

    const reset = spawnBaton(
      ["user", "reset-password", "vic@example.com"],
      env,
      "a new password!\n",
    );
    expect(await reset.exited, reset.output()).toBe(0);
    const unknown = spawnBaton(["user", "reset-password", "nobody@example.com"], env, "");
    await expectOneLineFailure(unknown, /no user has the email nobody@example\.com/);

    const port = await freePort();
    const server = spawnBaton(["start"], { ...env, PORT: String(port) });
    const [, url] = await server.waitFor(/ready at (http:\/\/\S+)/);
    const login = (email: string, password: string) =>
      fetch(`${url}/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      }).then((r) => r.status);
    expect(await login("root@example.com", "a piped password")).toBe(200);
    expect(await login("vic@example.com", madeUp!)).toBe(401);
    expect(await login("vic@example.com", "a new password!")).toBe(200);
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });
});

describe("baton --help", () => {
  it("lists the commands", async () => {
    const proc = spawnBaton(["--help"], {});
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toMatch(/start/);
    expect(proc.output()).toMatch(/migrate/);
  });
});

describe("baton migrate on PostgreSQL", () => {
  it("applies the migrations and then finds nothing to do", async () => {
    const { createTestDatabase } = await import("@baton/db/testing");
    const db = await createTestDatabase();
    try {
      const first = spawnBaton(["migrate"], { DATABASE_URL: db.url });
      expect(await first.exited).toBe(0);
      expect(first.output()).toMatch(/applied \d+ migration/);
      expect(first.output()).not.toMatch(/other users/);
      const second = spawnBaton(["migrate"], { DATABASE_URL: db.url });
      expect(await second.exited).toBe(0);
      expect(second.output()).toMatch(/is up to date/);
    } finally {
      await db.drop();
    }
  });
});
