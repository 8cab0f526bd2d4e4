import { expect, type Page, test } from "@playwright/test";
import { canvasOf, deselect, dropFromPalette, inspectorOf, stepNode } from "../support/designer.ts";
import { screenshot } from "../support/screenshot.ts";

const newScenario = async (page: Page, name: string, slug: string) => {
  await page.goto("/scenarios");
  await page.getByRole("button", { name: "New scenario" }).click();
  const dialog = page.getByRole("dialog", { name: "New scenario" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create and open" }).click();
  await expect(page).toHaveURL(new RegExp(`/scenarios/${slug}$`));
  await expect(stepNode(page, "Start", "Start")).toBeVisible();
};

/** Draws an edge from one handle to another with the mouse, as a person would. */
const connect = async (page: Page, from: string, to: string) => {
  const source = (await page.getByLabel(from, { exact: true }).boundingBox())!;
  const target = (await page.getByLabel(to, { exact: true }).boundingBox())!;
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
};

test("wires a renamed choice branch without reloading the page", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await newScenario(page, "Branch rename", "branch-rename");
  await dropFromPalette(page, "Choice", 0.5, 0.8);
  await stepNode(page, "Choice", "Choice").click();
  const branch = inspectorOf(page).getByLabel("Rule 1 branch");
  await branch.fill("approved");
  await branch.press("Tab");
  await expect(page.getByLabel("Choice branch approved", { exact: true })).toBeVisible();
  await deselect(page);
  await connect(page, "Choice branch approved", "End input");
  await expect(page.getByRole("group", { name: "Edge from choice to end" })).toBeVisible();
});
