import path from "node:path";
import type { Page } from "@playwright/test";

const screens = path.resolve(import.meta.dirname, "..", "artifacts", "screens");

/** Full-page screenshots kept as test artifacts (e2e/artifacts/screens), to be looked at. */
export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(screens, `${name}.png`), fullPage: true });
