import { expect, test } from "@playwright/test";
import { screenshot } from "../support/screenshot.ts";

test.describe("web shell", () => {
  test("opens on the catalog and shows live server data", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/catalog$/);
    await expect(page.getByRole("heading", { name: "Catalog" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText(/Live · db/);
    await expect(page.getByRole("table", { name: "Functions" })).toContainText("CreateUser");
    await expect(page.getByRole("region", { name: "Functions" })).not.toContainText("–");
    await screenshot(page, "catalog-light");
  });

  test("searches the catalog", async ({ page }) => {
    await page.goto("/catalog");
    await page.getByRole("searchbox", { name: "Search functions" }).fill("payment");
    const table = page.getByRole("table", { name: "Functions" });
    await expect(table).toContainText("ChargePayment");
    await expect(table).not.toContainText("CreateUser");
    await page.getByRole("searchbox", { name: "Search functions" }).fill("no-such-function-xyz");
    await expect(page.getByText("No function matches")).toBeVisible();
  });

  test("navigates to every page", async ({ page }) => {
    await page.goto("/catalog");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const [link, heading] of [
      ["Scenarios", "Scenarios"],
      ["Runs", "Runs"],
      ["Tasks", "Tasks"],
      ["Catalog", "Catalog"],
    ] as const) {
      await nav.getByRole("link", { name: link }).click();
      await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
      await screenshot(page, `page-${link.toLowerCase()}`);
    }
    await page.goto("/no/such/page");
    await expect(page.getByText("No page here")).toBeVisible();
  });

  test("switches to the dark theme and remembers it", async ({ page }) => {
    await page.goto("/runs");
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await screenshot(page, "runs-dark");
    await page.goto("/catalog");
    await screenshot(page, "catalog-dark");
  });
});

test("the server reports its health", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: "pglite" });
});

test("bad API input gets a readable error, not a stack trace", async ({ request }) => {
  const input = encodeURIComponent(JSON.stringify({ limit: 10_000 }));
  const response = await request.get(`/trpc/catalog.functions?input=${input}`);
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error.message).toMatch(/limit/);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
});
