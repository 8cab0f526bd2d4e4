import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Playwright cannot download its browser here, so the e2e tests use Debian's Chromium.
 * Installs it when missing and we may; otherwise says in one line what to install.
 */
export const ensureChromium = (): void => {
  if (existsSync(chromiumPath)) return;
  const asRoot = process.getuid?.() === 0;
  if (!asRoot || !existsSync("/usr/bin/apt-get")) {
    throw new Error(
      `Chromium is missing at ${chromiumPath}: install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  console.log(
    "[test] Chromium is missing: installing it from Debian's packages (apt-get install chromium)…",
  );
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "chromium"],
  ]) {
    const result = spawnSync("apt-get", args, {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (result.status !== 0)
      throw new Error(`apt-get ${args.join(" ")} failed: install chromium by hand`);
  }
  if (!existsSync(chromiumPath))
    throw new Error(`apt-get installed chromium, but ${chromiumPath} is still missing`);
};
