import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { ADMIN_STATE, HOOK_TOKEN } from "./support/auth.ts";

// `npm test` passes a free port; a fixed one serves a standalone `npx playwright test -c e2e`.
const port = Number(process.env.E2E_PORT ?? 4599);
const dataDir = path.join(tmpdir(), `baton-e2e-${port}`);
const repoRoot = path.resolve(import.meta.dirname, "..");

export default defineConfig({
  testDir: "specs",
  // The setup project creates the first administrator through the first-start page; the
  // specs run signed in as them (a spec that needs another person signs in itself).
  projects: [
    { name: "setup", testDir: "setup", testMatch: /\.setup\.ts$/ },
    { name: "app", dependencies: ["setup"], use: { storageState: ADMIN_STATE } },
  ],
  outputDir: "artifacts/results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "artifacts/report.json" }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // what a webhook caller sends (BATON_HOOK_TOKEN below); every other route ignores it
    extraHTTPHeaders: { authorization: `Bearer ${HOOK_TOKEN}` },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    // the real app, built, from an empty data folder
    command: `rm -rf ${dataDir} && node apps/server/bin/baton.js start`,
    cwd: repoRoot,
    url: `http://127.0.0.1:${port}/healthz`,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      BATON_DATA_DIR: dataDir,
      BATON_HOOK_TOKEN: HOOK_TOKEN,
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
  },
});
