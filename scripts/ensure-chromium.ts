import { existsSync } from "node:fs";
import { ensureDebianPackage } from "./ensure-debian-package.ts";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Playwright cannot download its browser here, so the e2e tests use Debian's Chromium. */
export const ensureChromium = (): void =>
  ensureDebianPackage({
    name: "chromium",
    present: () => existsSync(chromiumPath),
    missing: `Chromium is missing at ${chromiumPath}`,
    otherwise: "or set CHROMIUM_PATH",
  });
