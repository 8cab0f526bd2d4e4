import { type Browser, expect, type Page, test } from "@playwright/test";
import { largeOrderInput } from "../../examples/inputs.ts";
import { ADMIN, addUser, signIn } from "../support/auth.ts";
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

const startOrder = async (page: Page) => {
  const started = await page.request.post("/trpc/runs.start", {
    data: { scenario: "order", input: largeOrderInput() },
  });
  expect(started.status()).toBe(200);
  return (await started.json()).result.data.runId as string;
};

test.describe("the first administrator and the approvals inbox", () => {
  test("the first administrator approves the demo order from the inbox, reading its data", async ({
    page,
  }) => {
    const runId = await startOrder(page);
    await page.goto("/runs");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: /Tasks/ })).toContainText(/\d+/);
    await nav.getByRole("link", { name: /Tasks/ }).click();

    const table = page.getByRole("table", { name: "Open tasks" });
    const row = table.getByRole("row").filter({ has: page.locator(`a[href*="/runs/${runId}"]`) });
    // the step by its label, beside its scenario
    await expect(row.getByRole("link", { name: "Approve order" })).toBeVisible();
    await expect(row).toContainText("Order with approval");
    await row.getByRole("link", { name: "Approve a large order" }).click();

    await expect(page.getByRole("heading", { name: "Approve a large order" })).toBeVisible();
    await expect(page.getByRole("note")).toHaveCount(0);
    // what the approver checks, as fields and a table, not JSON
    const input = page.getByRole("region", { name: "Task input", exact: true });
    await expect(input.getByRole("columnheader", { name: "SKU" })).toBeVisible();
    await expect(input.getByRole("cell", { name: "TEE-010" })).toBeVisible();
    await expect(input).toContainText("Customer email");
    await expect(input).toContainText("grace@example.com");
    await expect(input).not.toContainText("{");
    await screenshot(page, "task-readable-light");
    await page.getByRole("button", { name: "Raw JSON" }).click();
    await expect(page.getByRole("region", { name: "Task input as JSON" })).toContainText(
      '"customerEmail"',
    );
    await page.getByRole("button", { name: "Raw JSON" }).click();
    await expect(input).toBeVisible();

    await page.getByLabel("Note for the customer").fill("Checked by phone.");
    await page.setViewportSize({ width: 1024, height: 800 });
    await screenshot(page, "task-readable-1024-light");
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await screenshot(page, "task-readable-1024-dark");
    await page.getByRole("button", { name: "Switch to light theme" }).click();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole("button", { name: "Approve" }).click();
    const decision = page.getByRole("region", { name: "Decision" });
    await expect(decision).toContainText(`Approved`);
    await expect(decision).toContainText(`by ${ADMIN.name}`);
    await expect(decision.getByRole("region", { name: "Submitted data" })).toContainText(
      "Checked by phone.",
    );

    await page.getByRole("link", { name: "Open run" }).click();
    await expect(page.getByRole("status", { name: "Run status" })).toHaveText("succeeded", {
      timeout: 15_000,
    });
  });

  test("an administrator without the approver role takes it to decide, and the trail says so", async ({
    page,
    browser,
  }) => {
    const second = await addUser(page.request, "Sam Second", ["admin"]);
    const runId = await startOrder(page);
    // the task opens once the order has reserved stock and charged the card
    let taskId = "";
    await expect
      .poll(async () => {
        const open = await page.request.get(
          `/trpc/tasks.list?input=${encodeURIComponent(JSON.stringify({ status: "open" }))}`,
        );
        const items: { id: string; run: { id: string } }[] = (await open.json()).result.data.items;
        taskId = items.find((t) => t.run.id === runId)?.id ?? "";
        return taskId;
      })
      .not.toBe("");
    const task = { id: taskId };

    const asSecond = await personAt(browser, second.email);
    await asSecond.goto(`/tasks/${task.id}`);
    const note = asSecond.getByRole("note");
    await expect(note).toContainText("This task needs the approver role");
    await expect(asSecond.getByRole("button", { name: "Approve", exact: true })).toHaveCount(0);
    await screenshot(asSecond, "task-take-role-light");
    await note.getByRole("button", { name: "Take the approver role" }).click();
    await expect(asSecond.getByText("admin, approver")).toBeVisible();
    await asSecond.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(asSecond.getByRole("region", { name: "Decision" })).toContainText("by Sam Second");
    await asSecond.context().close();

    await page.goto("/audit?action=user.take-role");
    const entries = page.getByRole("table", { name: "Audit entries" });
    const taken = entries.getByRole("row").nth(1);
    await expect(taken).toContainText("Sam Second");
    await expect(taken).toContainText("role: approver");
    await expect(taken.getByRole("link", { name: "task: Approve a large order" })).toHaveAttribute(
      "href",
      `/tasks/${task.id}`,
    );
    await page.goto("/audit");
    // runs by their scenario, linked; no bare ids
    await expect(
      entries.getByRole("link", { name: `Order with approval · run ${runId.slice(0, 8)}` }),
    ).toHaveAttribute("href", `/runs/${runId}`);
    await expect(entries).not.toContainText(runId);
    await screenshot(page, "audit-named-light");
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await screenshot(page, "audit-named-1024-dark");
    await page.getByRole("button", { name: "Switch to light theme" }).click();
  });
});
