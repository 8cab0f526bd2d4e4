import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { screenshot } from "../support/screenshot.ts";

test.use({ viewport: { width: 1440, height: 900 } });

const trpc = async (request: APIRequestContext, path: string, input: unknown) => {
  const response = await request.post(`/trpc/${path}`, { data: input });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()).result.data;
};

/** A request a person reviews, tagging it with as many words as it needs. */
const tagging = {
  format: "baton.scenario/v1",
  slug: "tag-a-request",
  name: "Tag a request",
  nodes: [
    {
      id: "start",
      kind: "start",
      label: "Request",
      position: { x: 0, y: 0 },
      inputSchema: {
        type: "object",
        properties: { subject: { type: "string", maxLength: 200 } },
        required: ["subject"],
      },
    },
    {
      id: "review",
      kind: "manual",
      label: "Review request",
      position: { x: 260, y: 0 },
      title: "Tag the request",
      instructions: "Add a tag for each team that should see it.",
      form: {
        type: "object",
        properties: {
          tags: {
            type: "array",
            title: "Tags",
            items: { type: "string", minLength: 1, maxLength: 40 },
          },
        },
      },
      assignees: { roles: ["approver"], users: [] },
      input: { subject: { ref: "input.subject" } },
    },
    { id: "end", kind: "end", label: "Tagged", position: { x: 520, y: 0 } },
  ],
  edges: [
    { id: "e1", kind: "next", source: "start", target: "review" },
    { id: "e2", kind: "next", source: "review", target: "end" },
  ],
};

const setTheme = async (page: Page, theme: "light" | "dark") => {
  const isDark = ((await page.locator("html").getAttribute("class")) ?? "").includes("dark");
  if (isDark !== (theme === "dark")) {
    await page.getByRole("button", { name: `Switch to ${theme} theme` }).click();
  }
};

test.describe("lists in generated forms", () => {
  test("the try-it form adds, fills and removes items of a list", async ({ page }) => {
    await page.goto("/catalog");
    await page.getByRole("link", { name: "ReserveStock" }).click();
    const tryIt = page.getByRole("region", { name: "Try it" });
    await expect(tryIt.getByText("1 item", { exact: true })).toBeVisible();
    const add = tryIt.getByRole("button", { name: "Add item to items" });
    await expect(add).toBeVisible();
    expect((await add.boundingBox())?.width).toBeGreaterThan(40);
    await add.click();
    await add.click();
    await expect(tryIt.getByText("3 items", { exact: true })).toBeVisible();
    const skus = tryIt.getByRole("textbox", { name: /^sku/ });
    const quantities = tryIt.getByRole("spinbutton", { name: /^quantity/ });
    await skus.nth(0).fill("TEE-010");
    await quantities.nth(0).fill("1");
    await skus.nth(1).fill("LMP-500");
    await quantities.nth(1).fill("1");
    await skus.nth(2).fill("MUG-001");
    await quantities.nth(2).fill("2");
    await tryIt
      .getByRole("textbox", { name: /^orderId/ })
      .fill("8c5e1a52-2f0b-4f57-9a57-0d4a1f0c1e11");
    // the lamp is out of stock: take that line out again
    await tryIt.getByRole("button", { name: "Remove item 2 of items" }).click();
    await expect(tryIt.getByText("2 items", { exact: true })).toBeVisible();
    await expect(skus).toHaveCount(2);
    await expect(skus.nth(1)).toHaveValue("MUG-001");
    await tryIt.getByRole("button", { name: "Move item 2 of items up" }).click();
    await expect(skus.nth(0)).toHaveValue("MUG-001");
    await screenshot(page, "try-it-list-light");
    await page.getByRole("button", { name: "Run" }).click();
    const output = page.getByRole("region", { name: "Call output" });
    // two mugs and a T-shirt: 2 × 14.50 + 29.00
    await expect(output).toContainText('"totalCents": 5800');
    await page.setViewportSize({ width: 1024, height: 800 });
    await setTheme(page, "dark");
    await screenshot(page, "try-it-list-1024-dark");
    await setTheme(page, "light");
  });

  test("a task's form adds and removes items of a list, and the decision keeps them", async ({
    page,
    request,
  }) => {
    const created = await trpc(request, "scenarios.import", { json: JSON.stringify(tagging) });
    await trpc(request, "scenarios.publish", {
      id: created.id,
      draftUpdatedAt: created.draftUpdatedAt,
    });
    const { runId } = await trpc(request, "runs.start", {
      scenario: tagging.slug,
      input: { subject: "Invoice 42 is wrong" },
    });
    await page.goto(`/runs/${runId}`);
    await page.getByRole("link", { name: /Waiting for a person/ }).click();
    await expect(page.getByRole("heading", { name: "Tag the request" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Task input", exact: true })).toContainText(
      "Invoice 42 is wrong",
    );
    const add = page.getByRole("button", { name: "Add item to Tags" });
    await add.click();
    await add.click();
    await add.click();
    const tags = page.getByRole("textbox", { name: /^Tags-/ });
    await expect(tags).toHaveCount(3);
    await tags.nth(0).fill("billing");
    await tags.nth(1).fill("sales");
    await tags.nth(2).fill("support");
    await page.getByRole("button", { name: "Remove item 2 of Tags" }).click();
    await expect(tags).toHaveCount(2);
    await screenshot(page, "task-form-list-light");
    await page.getByRole("button", { name: "Approve" }).click();
    const submitted = page
      .getByRole("region", { name: "Decision" })
      .getByRole("region", { name: "Submitted data" });
    await expect(submitted).toContainText("billing, support");
    await expect(page.getByRole("status", { name: "Run status" })).toHaveCount(0);
  });
});
