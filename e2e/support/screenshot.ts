import type { Page } from "@playwright/test";

/** Full-page screenshots kept as test artifacts (e2e/artifacts/screens), to be looked at. */
export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `artifacts/screens/${name}.png`, fullPage: true });
