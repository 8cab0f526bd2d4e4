import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { stepNode } from "../support/designer.ts";
import { screenshot } from "../support/screenshot.ts";

const examples = path.resolve(import.meta.dirname, "..", "..", "examples", "scenarios");
const ORDER_FILE = path.join(examples, "order.json");
const SIGNUP_FILE = path.join(examples, "signup.json");

test.use({ viewport: { width: 1440, height: 900 } });

test.describe("importing scenario files", () => {
  test("a file whose slug is taken is imported under a name and slug of one's choosing", async ({
    page,
  }) => {
    await page.goto("/scenarios");
    await page.getByLabel("Scenario file", { exact: true }).setInputFiles(ORDER_FILE);
    const dialog = page.getByRole("dialog", { name: "Import order.json" });
    await expect(dialog).toContainText("A scenario with the slug order already exists");
    // the server's offer: the first free slug, and a name to match
    await expect(dialog.getByLabel("Name")).toHaveValue(/^Order with approval \d+$/);
    await expect(dialog.getByLabel("Slug")).toHaveValue(/^order-\d+$/);
    await screenshot(page, "import-taken-light");
    const name = `Order for wholesale ${Date.now()}`;
    await dialog.getByLabel("Name").fill(name);
    await expect(dialog.getByLabel("Slug")).toHaveValue(/^order-for-wholesale-\d+$/);
    await dialog.getByRole("button", { name: "Import as a new scenario" }).click();
    await expect(page).toHaveURL(/\/scenarios\/order-for-wholesale-\d+$/);
    await expect(page.getByLabel("Scenario name")).toHaveValue(name);
    await expect(stepNode(page, "Approval", "Approve order")).toBeVisible();
    // the original is untouched
    await page.goto("/scenarios");
    await expect(page.getByRole("table")).toContainText("Order with approval");
  });

  test("the designer's import asks before replacing the open draft, which keeps its name", async ({
    page,
  }) => {
    const created = await page.request.post("/trpc/scenarios.import", {
      data: {
        json: await readFile(ORDER_FILE, "utf8"),
        slug: `order-draft-${Date.now()}`,
        name: "Order draft",
      },
    });
    expect(created.ok(), await created.text()).toBe(true);
    const { slug } = (await created.json()).result.data;
    await page.goto(`/scenarios/${slug}`);
    await expect(stepNode(page, "Approval", "Approve order")).toBeVisible();
    const file = page.getByLabel("Scenario file to import");

    // cancelled: nothing changes
    await file.setInputFiles(SIGNUP_FILE);
    const dialog = page.getByRole("dialog", { name: "Import signup.json" });
    await expect(
      dialog.getByRole("radio", { name: /Replace the draft of “Order draft”/ }),
    ).toBeChecked();
    await screenshot(page, "import-designer-ask-light");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(stepNode(page, "Approval", "Approve order")).toBeVisible();

    // a new scenario: the draft stays; the slug taken is offered another
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.getByRole("button", { name: "Switch to dark theme" }).click();
    await file.setInputFiles(SIGNUP_FILE);
    await dialog.getByRole("radio", { name: /Import as a new scenario/ }).check();
    await expect(dialog.getByLabel("Slug")).toHaveValue("user-sign-up");
    await dialog.getByRole("button", { name: "Import as a new scenario" }).click();
    await expect(dialog).toContainText("already exists");
    await expect(dialog.getByLabel("Slug")).toHaveValue(/^user-sign-up-\d+$/);
    await screenshot(page, "import-designer-taken-1024-dark");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Switch to light theme" }).click();
    await page.setViewportSize({ width: 1440, height: 900 });

    // replaced: the file's steps, this scenario's name and address; undo brings it back
    await file.setInputFiles(SIGNUP_FILE);
    await dialog.getByRole("button", { name: "Replace the draft" }).click();
    await expect(stepNode(page, "Function", "Create user")).toBeVisible();
    await expect(stepNode(page, "Approval", "Approve order")).toHaveCount(0);
    await expect(page.getByLabel("Scenario name")).toHaveValue("Order draft");
    await expect(page).toHaveURL(new RegExp(`/scenarios/${slug}$`));
    await page.getByRole("button", { name: /^Undo/ }).click();
    await expect(stepNode(page, "Approval", "Approve order")).toBeVisible();
  });
});
