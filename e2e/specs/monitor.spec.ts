import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { largeOrderInput } from "../../examples/inputs.ts";
import { screenshot } from "../support/screenshot.ts";

const startRun = async (
  request: APIRequestContext,
  slug: string,
  input: unknown,
  wait?: number,
): Promise<{ runId: string; status?: string }> => {
  const response = await request.post(`/hooks/${slug}${wait ? `?wait=${wait}` : ""}`, {
    data: input,
  });
  expect([200, 202, 422]).toContain(response.status());
  return response.json();
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A node of the run graph, by its step's label. */
const step = (page: Page, label: string) =>
  page.getByRole("article", { name: new RegExp(`^Step ${escapeRegExp(label)}:`) });

const runStatus = (page: Page) => page.getByRole("status", { name: "Run status" });

const useDarkTheme = async (page: Page) => {
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
};

test.use({ viewport: { width: 1440, height: 900 } });

test.describe("run monitor, approvals inbox and rework", () => {
  test("a large order waits for approval in the inbox; approving it completes the run live", async ({
    page,
    context,
    request,
  }) => {
    const { runId } = await startRun(request, "order", largeOrderInput());
    await page.goto(`/runs/${runId}`);
    await expect(page.getByRole("heading", { name: /Order with approval/ })).toBeVisible();
    await expect(step(page, "Approve order")).toHaveAttribute("data-state", "waiting");
    await expect(step(page, "Approve order")).toHaveAccessibleName(/waiting for a person/);
    await expect(step(page, "Charge payment")).toHaveAttribute("data-state", "succeeded");
    // the run waits while its manual step does; the step says who it waits for
    await expect(runStatus(page)).toHaveText("waiting");
    await expect(page.getByRole("link", { name: /Waiting for a person/ })).toContainText(
      "Approve a large order",
    );
    await screenshot(page, "monitor-run-waiting-light");

    const inbox = await context.newPage();
    await inbox.goto("/tasks");
    const badge = inbox
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: /Tasks/ });
    await expect(badge).toContainText(/\d+/);
    const table = inbox.getByRole("table", { name: "Open tasks" });
    await expect(table).toContainText("Approve a large order");
    await expect(table).toContainText("Order with approval");
    await screenshot(inbox, "tasks-inbox-light");
    await table.getByRole("link", { name: "Approve a large order" }).last().click();

    await expect(inbox.getByRole("heading", { name: "Approve a large order" })).toBeVisible();
    await expect(
      inbox.getByText("Orders of 500 EUR or more are checked by a person"),
    ).toBeVisible();
    await expect(inbox.getByRole("region", { name: "Task input" })).toContainText(
      "grace@example.com",
    );
    await inbox.getByLabel("Note for the customer").fill("Checked by phone, ships today.");
    await screenshot(inbox, "task-form-light");
    await inbox.getByRole("button", { name: "Approve" }).click();
    await expect(inbox.getByRole("region", { name: "Decision" })).toContainText("Approved");

    // the run view, never reloaded, follows the run to its end
    await expect(runStatus(page)).toHaveText("succeeded", { timeout: 15_000 });
    await expect(step(page, "Approve order")).toHaveAttribute("data-state", "succeeded");
    await expect(step(page, "Ship order")).toHaveAttribute("data-state", "succeeded");
    await expect(step(page, "Refund (rejected)")).toHaveAttribute("data-state", "skipped");
    await expect(page.getByRole("progressbar", { name: "Steps done" }).first()).toHaveAttribute(
      "aria-valuetext",
      /of \d+ steps done/,
    );
    await expect(page.getByRole("region", { name: "Run output" })).toContainText("shipped");
    await screenshot(page, "monitor-run-succeeded-light");

    await step(page, "Approve order").click();
    await expect(page.getByRole("complementary", { name: "Step Approve order" })).toContainText(
      "Checked by phone",
    );
    await page.getByRole("tab", { name: "Timeline" }).click();
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Approve order");
    await screenshot(page, "monitor-timeline-light");

    await useDarkTheme(page);
    await screenshot(page, "monitor-timeline-dark");
    await page.getByRole("tab", { name: "Graph" }).click();
    await screenshot(page, "monitor-run-succeeded-dark");
    await inbox.reload();
    await screenshot(inbox, "task-decided-dark");
  });

  test("rejecting a task needs a reason, and the order is refunded", async ({ page, request }) => {
    const { runId } = await startRun(request, "order", largeOrderInput());
    await page.goto(`/runs/${runId}`);
    await page.getByRole("link", { name: /Waiting for a person/ }).click();
    await expect(page.getByRole("heading", { name: "Approve a large order" })).toBeVisible();
    await page.getByRole("button", { name: "Reject…" }).click();
    const confirm = page.getByRole("button", { name: "Confirm rejection" });
    await expect(confirm).toBeDisabled();
    await page.getByLabel("Reason for rejecting").fill("The card holder did not confirm.");
    await screenshot(page, "task-reject-light");
    await confirm.click();
    const decision = page.getByRole("region", { name: "Decision" });
    await expect(decision).toContainText("Rejected");
    await expect(decision).toContainText("The card holder did not confirm.");

    await page.getByRole("link", { name: "Open run" }).click();
    await expect(runStatus(page)).toHaveText("succeeded", { timeout: 15_000 });
    await expect(step(page, "Refund (rejected)")).toHaveAttribute("data-state", "succeeded");
    await expect(step(page, "Ship order")).toHaveAttribute("data-state", "skipped");
  });

  test("a failed sign-up is repaired by restarting from the failed step with an edited input", async ({
    page,
    request,
  }) => {
    const failed = await startRun(
      request,
      "user-sign-up",
      { name: "Taken Person", email: "taken@example.com" },
      30,
    );
    expect(failed.status).toBe("failed");
    await page.goto(`/runs/${failed.runId}`);
    await expect(runStatus(page)).toHaveText("failed");
    await expect(step(page, "Create user")).toHaveAttribute("data-state", "failed");
    await step(page, "Create user").click();

    const panel = page.getByRole("complementary", { name: "Step Create user" });
    const error = panel.getByRole("region", { name: "Step error" });
    await expect(error).toContainText("already exists");
    await expect(error).toContainText("function_error");
    await expect(panel.getByRole("region", { name: "Step input" })).toContainText(
      "taken@example.com",
    );
    await screenshot(page, "monitor-run-failed-light");

    await panel.getByRole("button", { name: "Restart from here" }).click();
    const dialog = page.getByRole("dialog", { name: /Restart from .Create user/ });
    await dialog.getByRole("checkbox", { name: /Edit the step's input/ }).check();
    const editor = dialog.getByRole("textbox", { name: "Input" });
    await expect(editor).toHaveValue(/taken@example\.com/);
    await editor.fill('{ "name": "Ada Lovelace", "email": "not an email" }');
    await expect(dialog.getByRole("list", { name: "Schema problems" })).toContainText("/email");
    await expect(dialog.getByRole("button", { name: "Restart" })).toBeDisabled();
    await screenshot(page, "monitor-restart-invalid-light");
    await editor.fill('{ "name": "Ada Lovelace", "email": "ada@example.com" }');
    await expect(dialog.getByText("Matches the input schema")).toBeVisible();
    await dialog.getByRole("button", { name: "Restart" }).click();
    await expect(dialog).toBeHidden();

    await expect(runStatus(page)).toHaveText("succeeded", { timeout: 15_000 });
    await expect(step(page, "Create user")).toHaveAttribute("data-state", "succeeded");
    await expect(step(page, "Notify webhook")).toHaveAttribute("data-state", "succeeded");
    const history = panel.getByRole("list", { name: "Runs of this step" });
    await expect(history.getByRole("listitem")).toHaveCount(2);
    await expect(history).toContainText("superseded");
    await expect(panel.getByRole("region", { name: "Step output" })).toContainText(
      "ada@example.com",
    );
    await screenshot(page, "monitor-run-repaired-light");

    await page.getByRole("tab", { name: "Timeline" }).click();
    const timeline = page.getByRole("region", { name: "Timeline" });
    await expect(
      timeline.getByRole("button", { name: /Create user, run 1: superseded/ }),
    ).toBeVisible();
    await expect(
      timeline.getByRole("button", { name: /Create user, run 2: succeeded/ }),
    ).toBeVisible();
    await screenshot(page, "monitor-timeline-rework-light");
  });

  test("the dashboard shows a run started from another browser context as it starts", async ({
    page,
    browser,
  }) => {
    await page.goto("/runs");
    await expect(page.getByRole("heading", { name: "Runs", level: 1 })).toBeVisible();
    await expect(page.getByRole("table", { name: "Runs" })).toBeVisible();
    const other = await browser.newContext();
    try {
      const { runId } = await startRun(other.request, "user-sign-up", {
        name: "Live Watcher",
        email: "watcher@example.com",
      });
      const row = page.getByRole("link", { name: `Run ${runId.slice(0, 8)} of User sign-up` });
      await expect(row).toBeVisible();
      await expect(page.getByRole("row").filter({ has: row })).toContainText("succeeded", {
        timeout: 15_000,
      });
      await screenshot(page, "runs-dashboard-light");
      await page.getByRole("button", { name: /^succeeded: \d+/ }).click();
      await expect(page).toHaveURL(/status=succeeded/);
      await expect(page.getByRole("table", { name: "Runs" })).not.toContainText("running");
      await page.getByRole("button", { name: /^succeeded: \d+/ }).click();
      await expect(page).not.toHaveURL(/status=/);
      await useDarkTheme(page);
      await screenshot(page, "runs-dashboard-dark");
      await page.goto("/tasks?status=approved");
      await screenshot(page, "tasks-approved-dark");
    } finally {
      await other.close();
    }
  });
});
