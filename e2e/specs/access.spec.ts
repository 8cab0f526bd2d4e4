import { type Browser, expect, type Page, test } from "@playwright/test";
import { largeOrderInput } from "../../examples/inputs.ts";
import { addUser, signIn } from "../support/auth.ts";
import { screenshot } from "../support/screenshot.ts";

test.use({ viewport: { width: 1440, height: 900 } });

/** A browser of its own, signed out: another person at another desk. */
const personAt = async (browser: Browser, email: string): Promise<Page> => {
  const context = await browser.newContext({
    storageState: { cookies: [], origins: [] },
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
};

test.describe("people and roles", () => {
  test("an approver approves a task that a viewer cannot act on", async ({
    page,
    request,
    browser,
  }) => {
    const viewer = await addUser(request, "Vera Viewer", ["viewer"]);
    const approver = await addUser(request, "Abe Approver", ["approver"]);
    const started = await request.post("/trpc/runs.start", {
      data: { scenario: "order", input: largeOrderInput() },
    });
    expect(started.status()).toBe(200);
    const { runId } = (await started.json()).result.data;

    const asViewer = await personAt(browser, viewer.email);
    await asViewer.goto("/tasks");
    const viewerTask = asViewer
      .getByRole("row")
      .filter({ has: asViewer.getByRole("link", { name: "Approve a large order" }) })
      .filter({ has: asViewer.locator(`a[href*="/runs/${runId}"]`) });
    await viewerTask.getByRole("link", { name: "Approve a large order" }).click();
    await expect(asViewer.getByRole("note")).toContainText(
      "Only people with the approver role may decide this task.",
    );
    await expect(asViewer.getByRole("button", { name: "Approve" })).toHaveCount(0);
    await expect(asViewer.getByRole("button", { name: /Reject/ })).toHaveCount(0);
    await screenshot(asViewer, "task-viewer-light");
    // the server refuses it anyway
    const taskId = asViewer.url().split("/tasks/")[1]!;
    const refused = await asViewer.request.post("/trpc/tasks.approve", {
      data: { id: taskId, data: { note: "sneaky" } },
    });
    expect(refused.status()).toBe(403);

    const asApprover = await personAt(browser, approver.email);
    await asApprover.goto(`/tasks/${taskId}`);
    await asApprover.getByLabel(/note/i).fill("Checked with the customer");
    await asApprover.getByRole("button", { name: "Approve" }).click();
    await expect(asApprover.getByRole("status", { name: "Task status" })).toHaveText("approved");
    await expect(asApprover.getByText(/by Abe Approver/)).toBeVisible();

    // the administrator finds the decision in the audit trail, by who made it
    await page.goto("/audit?action=task.approve");
    const entries = page.getByRole("table", { name: "Audit entries" });
    await expect(entries.getByRole("row").nth(1)).toContainText("Abe Approver");
    // the trail names the task, not its id
    await expect(
      entries.getByRole("row").nth(1).getByRole("link", { name: "Approve a large order" }),
    ).toHaveAttribute("href", `/tasks/${taskId}`);
    await page.goto("/audit");
    await expect(entries).toContainText("run.start");
    await expect(entries).toContainText("auth.login");
    await screenshot(page, "audit-light");
    await page.getByLabel("Action").selectOption("user.create");
    await expect(page).toHaveURL(/action=user\.create/);
    await expect(entries).toContainText(viewer.email);
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await screenshot(page, "audit-dark");
    await page.getByRole("button", { name: "Switch to light theme" }).click();
    await asViewer.context().close();
    await asApprover.context().close();
  });

  test("an operator cannot publish, but can run", async ({ request, browser }) => {
    const operator = await addUser(request, "Otto Operator", ["operator"]);
    const asOperator = await personAt(browser, operator.email);
    await asOperator.goto("/scenarios");
    await expect(asOperator.getByRole("button", { name: /New scenario/ })).toHaveCount(0);
    await asOperator.goto("/scenarios/order");
    await expect(asOperator.getByText("View only: editing needs the designer role")).toBeVisible();
    await expect(asOperator.getByRole("button", { name: /Publish/ })).toHaveCount(0);
    await expect(asOperator.getByRole("button", { name: /^Run/ })).toBeVisible();
    await expect(asOperator.getByRole("toolbar", { name: "Canvas tools" })).not.toContainText(
      "Undo",
    );
    await screenshot(asOperator, "designer-view-only-light");
    const scenario = (
      await (
        await asOperator.request.get(
          `/trpc/scenarios.get?input=${encodeURIComponent(JSON.stringify({ slug: "order" }))}`,
        )
      ).json()
    ).result.data;
    const publish = await asOperator.request.post("/trpc/scenarios.publish", {
      data: { id: scenario.id, draftUpdatedAt: scenario.draftUpdatedAt },
    });
    expect(publish.status()).toBe(403);
    expect((await publish.json()).error.message).toMatch(/designer/);
    await asOperator.context().close();
  });

  test("signing in with a wrong password says so; signing out ends the session", async ({
    request,
    browser,
  }) => {
    const designer = await addUser(request, "Dee Designer", ["designer"]);
    const context = await browser.newContext({
      storageState: { cookies: [], origins: [] },
      colorScheme: "dark",
    });
    const page = await context.newPage();
    await page.goto("/catalog");
    await page.getByLabel("Email").fill(designer.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("Wrong email or password.");
    await screenshot(page, "sign-in-dark");
    await signIn(page, designer.email);
    await expect(page.getByText("Dee Designer")).toBeVisible();
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    const after = await page.request.get("/trpc/system.info");
    expect(after.status()).toBe(401);
    await context.close();
  });

  test("the administrator manages users and their roles", async ({ page }) => {
    await page.goto("/users");
    await page.getByRole("button", { name: "Add user" }).click();
    const form = page.getByRole("form", { name: "Add a user" });
    await form.getByLabel("Name").fill("Rita Roles");
    await form.getByLabel("Email").fill(`rita.${Date.now()}@example.com`);
    await form.getByLabel(/First password/).fill("rita's first password");
    await form.getByRole("button", { name: "operator" }).click();
    await form.getByRole("button", { name: "Add user", exact: true }).click();
    const roles = page.getByRole("group", { name: "Roles of Rita Roles" });
    await expect(roles.getByRole("button", { name: "operator" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await roles.getByRole("button", { name: "approver" }).click();
    await expect(roles.getByRole("button", { name: "approver" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await screenshot(page, "users-light");
    await page.goto("/audit?action=user.update");
    await expect(page.getByRole("table", { name: "Audit entries" })).toContainText(
      "roles: viewer, operator → viewer, operator, approver",
    );
  });
});
