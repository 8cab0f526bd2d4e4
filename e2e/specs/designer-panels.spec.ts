import { expect, type Page, test } from "@playwright/test";
import { deselect, dropFromPalette, inspectorOf, stepNode } from "../support/designer.ts";
import { screenshot } from "../support/screenshot.ts";

const newScenario = async (page: Page, name: string, slug: string) => {
  await page.setViewportSize({ width: 1600, height: 960 });
  await page.goto("/scenarios");
  await page.getByRole("button", { name: "New scenario" }).click();
  const dialog = page.getByRole("dialog", { name: "New scenario" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create and open" }).click();
  await expect(page).toHaveURL(new RegExp(`/scenarios/${slug}$`));
  await expect(stepNode(page, "Start", "Start")).toBeVisible();
};

/** A compact node's edge anchor: plain markup, found by React Flow's own data attributes. */
const anchor = (page: Page, nodeId: string, handleId: string) =>
  page.locator(`.react-flow__handle[data-nodeid="${nodeId}"][data-handleid="${handleId}"]`);

/** Zooms out with the canvas controls until nodes draw their compact form (zoom < 0.5). */
const zoomOut = async (page: Page) => {
  const viewport = page.locator(".react-flow__viewport");
  for (let i = 0; i < 8; i++) {
    const transform = (await viewport.getAttribute("style")) ?? "";
    const zoom = Number(/scale\(([0-9.]+)\)/.exec(transform)?.[1] ?? 1);
    if (zoom < 0.45) break;
    await page.getByRole("button", { name: "Zoom Out" }).click();
  }
  await expect(page.locator("[data-compact-edges]")).toBeVisible();
};

test("shows an edge's kind and check in the inspector", async ({ page }) => {
  await newScenario(page, "Edge panel", "edge-panel");
  await page.getByRole("group", { name: "Edge from start to end" }).focus();
  await page.keyboard.press("Enter");
  const edge = inspectorOf(page).getByRole("region", { name: "Edge" });
  await expect(edge).toContainText("Start → End");
  await expect(edge).toContainText("Next: runs when the step succeeds");
  await expect(edge).toContainText("The live check finds no problem");
});

test("wires steps zoomed out, where edges are drawn as one layer, and shows edge problems", async ({
  page,
}) => {
  await newScenario(page, "Zoomed out wiring", "zoomed-out-wiring");
  await dropFromPalette(page, "StoreUserData", 0.6, 0.88);
  await expect(stepNode(page, "Function", "Store user data")).toBeVisible();
  await deselect(page);

  await zoomOut(page);
  const layer = page.locator("[data-compact-edges]");
  await expect(layer).toHaveAttribute("data-compact-edges", "1");
  await expect(page.locator(".react-flow__edge")).toHaveCount(0);

  // Start's output lacks what StoreUserData needs: the new edge is drawn red and marked.
  const from = (await anchor(page, "start", "next").boundingBox())!;
  const to = (await anchor(page, "storeUserData", "in").boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(layer).toHaveAttribute("data-compact-edges", "2");
  await expect(layer.locator('path[data-edge-style="invalid"]')).toHaveCount(1);

  const marker = page.getByRole("button", { name: "Problem on the edge start → storeUserData" });
  await marker.hover();
  await expect(page.getByRole("tooltip")).toContainText("Store user data");
  await screenshot(page, "designer-panels-zoomed-out-problem");

  // Clicking the marker selects the edge, which the inspector then shows.
  await marker.click();
  const edge = inspectorOf(page).getByRole("region", { name: "Edge" });
  await expect(edge).toContainText("Start → Store user data");
  await expect(edge.getByLabel("error").first()).toBeVisible();
});

test("moves a zoomed-out node's edges with it", async ({ page }) => {
  await newScenario(page, "Zoomed out drag", "zoomed-out-drag");
  await zoomOut(page);
  const path = page.locator('[data-compact-edges] path[data-edge-style="next"]');
  const before = await path.getAttribute("d");
  const box = (await stepNode(page, "End", "End").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 60, { steps: 8 });
  await page.mouse.up();
  await expect(path).not.toHaveAttribute("d", before ?? "");
});

test("picks a zoomed-out edge by clicking its line, and deletes it with the Delete key", async ({
  page,
}) => {
  await newScenario(page, "Zoomed out edge pick", "zoomed-out-edge-pick");
  await zoomOut(page);
  const layer = page.locator("[data-compact-edges]");
  await expect(layer).toHaveAttribute("data-compact-edges", "1");
  // the middle of the start → end line, on screen
  const middle = await layer
    .locator("path")
    .first()
    .evaluate((element) => {
      // the DOM's types are not in this project's lib: the few members used, by shape
      type TMatrix = Record<"a" | "b" | "c" | "d" | "e" | "f", number>;
      const path = element as unknown as {
        getTotalLength(): number;
        getPointAtLength(length: number): { x: number; y: number };
        getScreenCTM(): TMatrix;
      };
      const at = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM();
      return { x: m.a * at.x + m.c * at.y + m.e, y: m.b * at.x + m.d * at.y + m.f };
    });
  await page.mouse.click(middle.x, middle.y + 2);
  const edge = inspectorOf(page).getByRole("region", { name: "Edge" });
  await expect(edge).toContainText("Start → End");
  await page.keyboard.press("Delete");
  await expect(layer).toHaveAttribute("data-compact-edges", "0");
  await expect(edge).toHaveCount(0);
});
