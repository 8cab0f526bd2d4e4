import { expect, type Page } from "@playwright/test";

export const canvasOf = (page: Page) => page.getByRole("application", { name: "Canvas" });
export const inspectorOf = (page: Page) => page.getByRole("complementary", { name: "Inspector" });
export const stepNode = (page: Page, kind: string, label: string) =>
  page.getByRole("article", { name: `${kind} step ${label}` });

/** Clicks the empty canvas, which clears the selection and so closes the inspector. */
export const deselect = async (page: Page) => {
  await canvasOf(page).click({ position: { x: 12, y: 12 } });
  await expect(inspectorOf(page)).toHaveCount(0);
};

/** Drags a palette entry onto the canvas at a fraction of its size (inspector closed). */
export const dropFromPalette = async (page: Page, name: string, x: number, y: number) => {
  await deselect(page);
  const canvas = canvasOf(page);
  const box = (await canvas.boundingBox())!;
  await page
    .getByRole("complementary", { name: "Palette" })
    .getByRole("button", { name, exact: true })
    .dragTo(canvas, { targetPosition: { x: box.width * x, y: box.height * y } });
};
