import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signupInput } from "../../../examples/inputs.ts";
import { startServer, type TRunningServer } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createUser } from "../src/users/create-user.ts";
import { clientWithCookie, PASSWORD, signedInAs } from "./auth-client.ts";
import { jsonOf, rawRequest, type TRawRequest } from "./raw-http.ts";

const HOOK_TOKEN = "edge-webhook-token-0123456789abcdef";
// in every payload below: no log line may ever hold it
const MARKER = "payload-marker-7f3a";
const EARLY_SCRIPT = 'console.log("early");';

let server: TRunningServer;
let dataDir: string;
let webDir: string;
let port: string;
let adminCookie: string;
const logged: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "baton-edge-"));
  webDir = await mkdtemp(path.join(tmpdir(), "baton-edge-web-"));
  await mkdir(path.join(webDir, "assets"));
  await writeFile(
    path.join(webDir, "index.html"),
    `<!doctype html><html><head><script>${EARLY_SCRIPT}</script><script type="module" src="/assets/app.js"></script></head><body></body></html>`,
  );
  await writeFile(path.join(webDir, "assets", "app.js"), "export {};\n");
  for (const method of ["error", "warn", "log", "info"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.stack}` : String(a))).join(" "));
    });
  }
  server = await startServer(
    loadConfig({
      PORT: "0",
      BATON_DATA_DIR: dataDir,
      BATON_HOOK_TOKEN: HOOK_TOKEN,
      BATON_WEB_DIR: webDir,
    }),
  );
  port = new URL(server.url).port;
});

afterAll(async () => {
  await server?.stop();
  vi.restoreAllMocks();
  await rm(dataDir, { recursive: true, force: true });
  await rm(webDir, { recursive: true, force: true });
});

const raw = (options: TRawRequest) => rawRequest(server.url, options);
const post = (pathname: string, body: unknown, headers: Record<string, string> = {}) =>
  raw({
    method: "POST",
    path: pathname,
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const hook = (slug: string, body: unknown, headers: Record<string, string> = {}) =>
  post(`/hooks/${slug}`, body, { authorization: `Bearer ${HOOK_TOKEN}`, ...headers });
const trpcError = (answer: { status: number; body: string }) =>
  jsonOf<{ error: { message: string; data: { code: string } } }>(answer).error;
const healthy = async () => (await raw({ path: "/healthz" })).status === 200;
/** the JSON text of `levels` arrays, one inside the other (too deep for JSON.stringify) */
const nested = (levels: number) => "[".repeat(levels) + "]".repeat(levels);
/** a body sent in 64 KiB chunks, with no length, up to `total` bytes */
const chunked = (total: number) =>
  function* () {
    for (let sent = 0; sent < total; sent += 65_536) yield Buffer.alloc(65_536, 32);
  };

describe("the Host header", () => {
  it("must name this server, so a page on a rebound name cannot create the first administrator", async () => {
    const rebound = { host: `rebound.evil.example:${port}` };
    const setup = await post(
      "/trpc/auth.setup",
      { email: "mallory@example.com", name: "Mallory", password: PASSWORD },
      rebound,
    );
    expect(setup.status).toBe(421);
    expect(trpcError(setup)).toMatchObject({ data: { code: "FORBIDDEN", httpStatus: 421 } });
    expect(trpcError(setup).message).toBe(
      'This server does not answer to the name "rebound.evil.example" (the request\'s Host header). If that is its name, add it to BATON_ALLOWED_HOSTS on the server (names separated by commas).',
    );
    expect((await raw({ path: "/", headers: rebound })).status).toBe(421);
    expect((await raw({ path: "/trpc/auth.state", headers: rebound })).status).toBe(421);

    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      const state = await raw({ path: "/trpc/auth.state", headers: { host } });
      expect(jsonOf(state)).toMatchObject({ result: { data: { needsSetup: true } } });
    }
    // health checks and webhook callers (who hold the token) use whatever name reaches the server
    expect((await raw({ path: "/healthz", headers: rebound })).status).toBe(200);
    expect((await hook("user-sign-up", signupInput(), rebound)).status).toBe(202);
    adminCookie = (await signedInAs(server, ["admin"])).cookie;
  });
});

describe("malformed requests", () => {
  it("get 400 for a malformed percent escape, and the server lives on", async () => {
    // before: this one alone killed the process with `URIError: URI malformed`, webhooks on or off
    expect((await raw({ path: "/hooks/%" })).status).toBe(405);
    for (const slug of ["%", "%E0%A4%A", "a%00b"]) {
      const answer = await hook(slug, {});
      expect(answer.status).toBe(400);
      expect(jsonOf(answer).error).toMatch(/^The scenario in the address /);
    }
    for (const pathname of ["/trpc/%", "/trpc/auth.state?input=%", "/%", "/assets/%E0%A4%A"]) {
      expect((await raw({ path: pathname })).status).toBeLessThan(500);
    }
    expect(await healthy()).toBe(true);
  });

  it("without a body are fine for a procedure that takes no input, and 400 for one that does", async () => {
    const { cookie } = await signedInAs(server, ["viewer"]);
    // as the web app signs out: a mutation without input sends no body
    const logout = await raw({
      method: "POST",
      path: "/trpc/auth.logout",
      headers: { cookie, "content-type": "application/json" },
    });
    expect(logout.status).toBe(200);
    const login = await raw({
      method: "POST",
      path: "/trpc/auth.login",
      headers: { "content-type": "application/json" },
    });
    expect(login.status).toBe(400);
    expect(trpcError(login).message).toBe("The request's input is not valid JSON.");
  });

  it("that fail unexpectedly get a generic 500, and the log holds nothing they carried", async () => {
    const { engine } = server.services;
    const startRun = engine.startRun;
    engine.startRun = async () => {
      throw new Error(`boom with ${MARKER}`);
    };
    try {
      const viaHook = await hook("user-sign-up", { name: MARKER, email: "a@example.com" });
      expect(viaHook.status).toBe(500);
      expect(jsonOf(viaHook).error).toBe(
        "The server failed to handle this request; its log has the details.",
      );
      const viaApi = await post(
        "/trpc/runs.start",
        { scenario: "user-sign-up", input: { name: MARKER } },
        { cookie: adminCookie },
      );
      expect(viaApi.status).toBe(500);
      expect(trpcError(viaApi).message).toBe(
        "The server failed to handle this request; its log has the details.",
      );
      expect(viaApi.body).not.toContain(MARKER);
    } finally {
      engine.startRun = startRun;
    }
    expect(logged.join("\n")).toMatch(/\[http\] POST \/hooks\/ failed: Error \(BATON_DEBUG/);
    expect(logged.join("\n")).toMatch(/\[trpc\] runs.start failed: Error \(BATON_DEBUG/);
    expect(logged.join("\n")).not.toContain(MARKER);
    expect(await healthy()).toBe(true);
  });
});

describe("request bodies", () => {
  const tooLarge = /larger than 1048576 bytes.*BATON_MAX_BODY_BYTES/;
  const big = JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) });

  it("above the limit are refused with a 413 the client receives, by their length", async () => {
    const viaHook = await hook("user-sign-up", big);
    expect(viaHook.status).toBe(413);
    expect(jsonOf(viaHook).error).toMatch(tooLarge);
    expect(viaHook.headers.connection).toBe("close");
    const viaApi = await post("/trpc/auth.login", big);
    expect(viaApi.status).toBe(413);
    expect(trpcError(viaApi)).toMatchObject({ data: { code: "PAYLOAD_TOO_LARGE" } });
    expect(trpcError(viaApi).message).toMatch(tooLarge);
    expect(viaApi.headers.connection).toBe("close");
  });

  it("above the limit give the API's clients the sentence, as for any refusal", async () => {
    const client = clientWithCookie(server.url, adminCookie);
    await expect(
      client.scenarios.import.mutate({ json: "x".repeat(2 * 1024 * 1024) }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(tooLarge),
      data: { httpStatus: 413 },
    });
  });

  it("without a length are read no further than the limit", async () => {
    const viaHook = await raw({
      method: "POST",
      path: "/hooks/user-sign-up",
      headers: { authorization: `Bearer ${HOOK_TOKEN}` },
      body: chunked(256 * 1024 * 1024),
    });
    expect(viaHook.status).toBe(413);
    expect(jsonOf(viaHook).error).toMatch(tooLarge);
    // what the sockets' buffers took while the answer was on its way, not the 256 MiB
    expect(viaHook.sent).toBeLessThan(32 * 1024 * 1024);

    const viaApi = await raw({
      method: "POST",
      path: "/trpc/auth.login",
      headers: { "content-type": "application/json" },
      body: chunked(256 * 1024 * 1024),
    });
    expect(viaApi.status).toBe(413);
    expect(trpcError(viaApi).message).toMatch(
      /larger than this server reads.*BATON_MAX_BODY_BYTES/,
    );
    expect(viaApi.headers.connection).toBe("close");
    expect(viaApi.sent).toBeLessThan(32 * 1024 * 1024);
    expect(await healthy()).toBe(true);
  });

  it("may batch at most BATON_MAX_BATCH calls", async () => {
    const batch = (calls: number) =>
      raw({
        path: `/trpc/${Array(calls).fill("auth.state").join(",")}?batch=1&input={}`,
        headers: { cookie: adminCookie },
      });
    expect((await batch(20)).status).toBe(200);
    const refused = await batch(21);
    expect(refused.status).toBe(400);
    expect(trpcError(refused).message).toBe(
      "The request batches more calls than this server takes at once: send fewer, or raise BATON_MAX_BATCH on the server.",
    );
  });
});

describe("inputs PostgreSQL cannot store, or nested too deep", () => {
  it("are refused with 400, saying where, from the API", async () => {
    const nul = await post("/trpc/auth.login", {
      email: `${MARKER}\u0000@example.com`,
      password: PASSWORD,
    });
    expect(nul.status).toBe(400);
    expect(trpcError(nul).message).toBe(
      "input.email contains a NUL character (\\u0000), which Baton cannot store: remove it.",
    );
    const start = await post(
      "/trpc/runs.start",
      { scenario: "user-sign-up", input: { name: `${MARKER}\u0000` } },
      { cookie: adminCookie },
    );
    expect(start.status).toBe(400);
    expect(trpcError(start).message).toMatch(/^input\.input\.name contains a NUL character/);
    const query = await raw({
      path: `/trpc/scenarios.list?input=${encodeURIComponent(JSON.stringify({ search: "\u0000" }))}`,
      headers: { cookie: adminCookie },
    });
    expect(query.status).toBe(400);

    for (const headers of [{}, { cookie: adminCookie }] as Record<string, string>[]) {
      const deep = await post(
        "/trpc/runs.start",
        `{"scenario": "user-sign-up", "input": ${nested(100_000)}}`,
        headers,
      );
      expect(deep.status).toBe(400);
      expect(trpcError(deep).message).toMatch(
        /^input nests arrays and objects more than 64 levels deep \(at input\.input\[0\]/,
      );
    }
  });

  it("are refused with 400, saying where, from the webhook", async () => {
    const nul = await hook("user-sign-up", { name: `${MARKER}\u0000`, email: "a@example.com" });
    expect(nul.status).toBe(400);
    expect(jsonOf(nul).error).toMatch(/^body\.name contains a NUL character/);
    const deep = await hook("user-sign-up", nested(100_000));
    expect(deep.status).toBe(400);
    expect(jsonOf(deep).error).toMatch(/more than 64 levels deep.*BATON_MAX_JSON_DEPTH/);
    expect(logged.join("\n")).not.toContain(MARKER);
  });
});

describe("sign-in limits", () => {
  it("count attempts racing in one batch: the right password after five wrong ones waits", async () => {
    const email = `raced.${Date.now()}@example.com`;
    await createUser(server.services.db.prisma, {
      email,
      name: "Raced",
      roles: ["viewer"],
      password: PASSWORD,
    });
    const attempts = [
      ...Array.from({ length: 12 }, () => ({ email, password: "a wrong password" })),
      { email, password: PASSWORD },
    ];
    const answer = await post(
      `/trpc/${attempts.map(() => "auth.login").join(",")}?batch=1`,
      Object.fromEntries(attempts.map((input, i) => [i, input])),
    );
    const results = jsonOf<{ error?: { data: { code: string } } }[]>(answer);
    expect(results.map((r) => r.error?.data.code)).toEqual([
      ...Array(5).fill("UNAUTHORIZED"),
      ...Array(8).fill("TOO_MANY_REQUESTS"),
    ]);
    expect(answer.headers["set-cookie"]).toBeUndefined();
  });

  it("allow 30 failures from one address, however fast they come", async () => {
    // from an address of its own (any 127.x reaches the server), so other tests still sign in
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        raw({
          method: "POST",
          path: "/trpc/auth.login",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ email: `nobody.${i}@example.com`, password: "a wrong password" }),
          localAddress: "127.0.0.2",
        }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(30).fill(401), ...Array(10).fill(429)]);
  });
});

describe("security headers", () => {
  const expectHardened = (headers: Record<string, unknown>) => {
    expect(headers).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "same-origin",
      "content-security-policy": expect.stringContaining("frame-ancestors 'none'"),
    });
  };

  it("are on every answer: pages, assets, API, webhook, health and refusals", async () => {
    const answers = [
      await raw({ path: "/" }),
      await raw({ path: "/runs/some-run" }),
      await raw({ path: "/assets/app.js" }),
      await raw({ path: "/trpc/auth.state" }),
      await raw({ path: "/trpc/runs.list" }),
      await raw({ path: "/healthz" }),
      await hook("no-such-scenario", {}),
      await raw({ path: "/", headers: { host: "rebound.evil.example" } }),
      await hook("user-sign-up", "x".repeat(2 * 1024 * 1024)),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 401, 200, 404, 421, 413]);
    for (const { headers } of answers) expectHardened(headers);
  });

  it("let pages run only this server's scripts and the inline ones of index.html, and load no remote images", async () => {
    const policy = String((await raw({ path: "/" })).headers["content-security-policy"]);
    const hash = createHash("sha256").update(EARLY_SCRIPT).digest("base64");
    expect(policy).toMatch(
      new RegExp(`script-src 'self' [^;]*'sha256-${hash.replace(/[+/]/g, "\\$&")}'`),
    );
    expect(policy).toContain("img-src 'self' data: blob:");
    expect(policy).toContain("default-src 'self'");
    const api = String(
      (await raw({ path: "/trpc/auth.state" })).headers["content-security-policy"],
    );
    expect(api).toMatch(/^default-src 'none'/);
  });
});

describe("the log", () => {
  it("never holds what a request carried", () => {
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join("\n")).not.toContain(MARKER);
  });
});
