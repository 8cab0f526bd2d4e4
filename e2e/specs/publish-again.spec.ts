import { expect, test } from "@playwright/test";
import { inspectorOf, stepNode } from "../support/designer.ts";

const scenario = (slug: string) => ({
  format: "baton.scenario/v1",
  slug,
  name: "Published twice",
  nodes: [
    { id: "start", kind: "start", label: "Start", position: { x: 0, y: 80 } },
    { id: "end", kind: "end", label: "End", position: { x: 320, y: 80 } },
  ],
  edges: [{ id: "e1", kind: "next", source: "start", target: "end" }],
});

test.use({ viewport: { width: 1440, height: 900 } });

// #18 item 4: the popover kept saying "Published version 1" until the page was reloaded.
test("a second version is published without reloading the designer", async ({ page }) => {
  const slug = `published-twice-${Date.now()}`;
  const created = await page.request.post("/trpc/scenarios.import", {
    data: { json: JSON.stringify(scenario(slug)) },
  });
  expect(created.ok(), await created.text()).toBe(true);
  await page.goto(`/scenarios/${slug}`);
  await expect(stepNode(page, "End", "End")).toBeVisible();

  const publishButton = page.getByRole("button", { name: "Publish", exact: true });
  const popover = page.getByRole("dialog", { name: "Publish" });
  await publishButton.click();
  await popover.getByRole("button", { name: "Publish version" }).click();
  await expect(popover.getByRole("status")).toHaveText(/Published version 1/);

  // a click elsewhere closes it; the draft is edited
  await stepNode(page, "End", "End").click();
  await expect(popover).toHaveCount(0);
  await inspectorOf(page).getByLabel("Step name").fill("Done");
  await expect(stepNode(page, "End", "Done")).toBeVisible();

  await publishButton.click();
  await expect(popover.getByRole("heading", { name: "Publish a new version" })).toBeVisible();
  await popover.getByLabel("Note").fill("The end is called Done");
  await popover.getByRole("button", { name: "Publish version" }).click();
  await expect(popover.getByRole("status")).toHaveText(/Published version 2/);
  await page.getByRole("button", { name: /^Versions/ }).click();
  await expect(
    page.getByRole("dialog", { name: "Version history" }).getByRole("listitem"),
  ).toHaveText([/v2The end is called Done/, /v1no note/]);
});
