import { expect, test as setup } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "../support/auth.ts";
import { screenshot } from "../support/screenshot.ts";

// Runs once, first, on the empty Baton the web server starts: whoever opens it creates the
// administrator. Every other spec starts signed in as that administrator.
setup("a first start asks for the administrator, who is then signed in", async ({ page }) => {
  await page.goto("/runs");
  await expect(page.getByRole("heading", { name: "Create the administrator" })).toBeVisible();
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await page.getByLabel("Repeat the password").fill("something else");
  await page.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByRole("alert")).toHaveText("The two passwords differ.");
  await page.getByLabel("Repeat the password").fill(ADMIN.password);
  await screenshot(page, "first-admin-light");
  await page.getByRole("button", { name: "Create administrator" }).click();

  // the page asked for opens, with the administrator signed in
  await expect(page.getByRole("heading", { name: "Runs", level: 1 })).toBeVisible();
  await expect(page.getByText(ADMIN.name)).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Users" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Audit trail" })).toBeVisible();

  // the first administrator holds every role: they can design, run and decide tasks too
  await expect(page.getByText("admin, designer, operator, approver")).toBeAttached();
  await page.context().storageState({ path: ADMIN_STATE });

  // a second visitor finds a sign-in page, not the first-start page
  const stranger = await page.context().browser()!.newPage();
  await stranger.goto("/");
  await expect(stranger.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await stranger.close();
});
