import { expect, type Locator, type Page, test } from "@playwright/test";
import { deselect, dropFromPalette, inspectorOf, stepNode } from "../support/designer.ts";
import { screenshot } from "../support/screenshot.ts";

// One story, in order: each step builds on the canvas the previous one left.
test.describe.configure({ mode: "serial" });

/** Draws an edge from one handle to another with the mouse, as a person would. */
const connect = async (page: Page, from: string, to: string) => {
  await deselect(page);
  const source = (await page.getByLabel(from, { exact: true }).boundingBox())!;
  const target = (await page.getByLabel(to, { exact: true }).boundingBox())!;
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
};

/** Drags a field of the inspector's data tree onto a mapping field. */
const mapByDrag = async (page: Page, reference: string, field: string) => {
  const inspector = inspectorOf(page);
  await inspector
    .getByRole("button", { name: reference, exact: true })
    .dragTo(inspector.getByRole("group", { name: `Field ${field}` }));
};

const problems = (page: Page): Locator =>
  page
    .getByRole("toolbar", { name: "Canvas tools" })
    .getByRole("button", { name: /^(No problems|Problems:)/ });

test("builds the sign-up flow from an empty scenario, checks it live, publishes and runs it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1600, height: 960 });

  // An empty scenario: a start wired to an end.
  await page.goto("/scenarios");
  await page.getByRole("button", { name: "New scenario" }).click();
  const dialog = page.getByRole("dialog", { name: "New scenario" });
  await dialog.getByLabel("Name").fill("Sign-up flow");
  await dialog.getByRole("button", { name: "Create and open" }).click();
  await expect(page).toHaveURL(/\/scenarios\/sign-up-flow$/);
  await expect(stepNode(page, "Start", "Start")).toBeVisible();
  await expect(problems(page)).toHaveAccessibleName("No problems");
  await screenshot(page, "designer-1-empty");

  // Replace the direct start → end edge with the flow.
  // (a straight edge has no height to click on, so select it from the keyboard)
  await page.getByRole("group", { name: "Edge from start to end" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Delete");
  await expect(page.getByRole("group", { name: "Edge from start to end" })).toHaveCount(0);

  await dropFromPalette(page, "CreateUser", 0.18, 0.75);
  await dropFromPalette(page, "ValidateEmail", 0.45, 0.75);
  await dropFromPalette(page, "StoreUserData", 0.72, 0.75);
  await expect(stepNode(page, "Function", "Create user")).toBeVisible();
  await expect(stepNode(page, "Function", "Validate email")).toBeVisible();
  await expect(stepNode(page, "Function", "Store user data")).toBeVisible();

  // The scenario takes what CreateUser takes.
  await stepNode(page, "Start", "Start").click();
  await inspectorOf(page)
    .getByLabel("Add the input fields of a step")
    .selectOption({ label: "CreateUser" });
  await connect(page, "Start next", "Create user input");
  await expect(page.getByRole("group", { name: "Edge from start to createUser" })).toBeVisible();

  // CreateUser's whole output does not fit ValidateEmail: the edge turns red and says why.
  await connect(page, "Create user next", "Validate email input");
  const marker = page.getByRole("button", {
    name: "Problem on the edge createUser → validateEmail",
  });
  await expect(marker).toBeVisible();
  await marker.hover();
  await expect(page.getByRole("tooltip")).toContainText(
    "input.id: Validate email does not accept this field",
  );
  await screenshot(page, "designer-2-incompatible-edge");

  // A mapping fixes it: ValidateEmail takes just the email the person typed.
  await stepNode(page, "Function", "Validate email").click();
  await mapByDrag(page, "input.email", "email");
  await expect(marker).toHaveCount(0);
  await expect(inspectorOf(page).getByRole("group", { name: "Field email" })).toHaveAttribute(
    "aria-invalid",
    "false",
  );
  await screenshot(page, "designer-3-mapped");

  // StoreUserData: the user by drag and drop, the verdict by a typed reference.
  await connect(page, "Validate email next", "Store user data input");
  await stepNode(page, "Function", "Store user data").click();
  await mapByDrag(page, "steps.createUser.output", "user");
  const verdict = inspectorOf(page).getByRole("combobox", {
    name: "input.emailVerified reference",
  });
  await verdict.fill("validateEmail.output.val");
  await page.getByRole("option", { name: /steps\.validateEmail\.output\.valid/ }).click();
  await expect(verdict).toHaveValue("steps.validateEmail.output.valid");
  await connect(page, "Store user data next", "End input");

  await page.getByRole("button", { name: "Auto-layout" }).click();
  await expect(problems(page)).toHaveAccessibleName("No problems");
  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();
  await screenshot(page, "designer-4-complete");

  // Publish: the server checks again and creates version 1.
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page
    .getByRole("dialog", { name: "Publish" })
    .getByRole("button", { name: "Publish version" })
    .click();
  await expect(page.getByText("Published version 1")).toBeVisible();
  await screenshot(page, "designer-5-published");
  await page.keyboard.press("Escape");

  // Run it with a filled form and watch it succeed.
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const run = page.getByRole("dialog", { name: "Start a run" });
  await run.getByLabel(/^name/).fill("Ada Lovelace");
  await run.getByLabel(/^email/).fill("ada@example.com");
  await run.getByRole("button", { name: "Start run" }).click();
  await expect(run.getByRole("status", { name: "Run status" })).toContainText("succeeded", {
    timeout: 30_000,
  });
  await screenshot(page, "designer-6-run");
});

test("refuses to publish a draft with errors, showing why", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 960 });
  await page.goto("/scenarios");
  await page.getByRole("button", { name: "New scenario" }).click();
  const dialog = page.getByRole("dialog", { name: "New scenario" });
  await dialog.getByLabel("Name").fill("Broken flow");
  await dialog.getByRole("button", { name: "Create and open" }).click();
  await expect(page).toHaveURL(/\/scenarios\/broken-flow$/);

  await dropFromPalette(page, "StoreUserData", 0.5, 0.75);
  await connect(page, "Start next", "Store user data input");
  await expect(problems(page)).toHaveAccessibleName(/^Problems: [1-9]/);

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page
    .getByRole("dialog", { name: "Publish" })
    .getByRole("button", { name: "Publish version" })
    .click();
  await expect(page.getByRole("dialog", { name: "Publish" }).getByRole("alert")).toContainText(
    "cannot be published",
  );
  const panel = page.getByRole("region", { name: "Problems" });
  await expect(panel).toContainText("Store user data needs a value");
  await screenshot(page, "designer-7-refused");

  // A problem brings its step into view and selects it.
  await panel.getByRole("button").filter({ hasText: "input.user" }).first().click();
  await expect(inspectorOf(page).getByLabel("Step name")).toHaveValue("Store user data");
});

test("undoes and redoes edits, copies and pastes, in the dark theme", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 960 });
  await page.goto("/scenarios/user-sign-up");
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(stepNode(page, "Function", "Create user")).toBeVisible();
  await expect(problems(page)).toHaveAccessibleName("No problems");

  await stepNode(page, "Function", "Validate email").click();
  await page.keyboard.press("Delete");
  await expect(stepNode(page, "Function", "Validate email")).toHaveCount(0);
  await expect(problems(page)).toHaveAccessibleName(/^Problems: [1-9]/);
  await page.keyboard.press("Control+z");
  await expect(stepNode(page, "Function", "Validate email")).toBeVisible();
  await expect(problems(page)).toHaveAccessibleName("No problems");
  await page.keyboard.press("Control+Shift+z");
  await expect(stepNode(page, "Function", "Validate email")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();

  await stepNode(page, "Function", "Create user").click();
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expect(stepNode(page, "Function", "Create user")).toHaveCount(2);
  await expect(inspectorOf(page).getByText("steps.createUser2")).toBeVisible();
  await screenshot(page, "designer-8-dark");
  // Leave the example's draft as it was, for the specs that use it after this one.
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(stepNode(page, "Function", "Create user")).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();
  await page.getByRole("button", { name: "Switch to light theme" }).click();
});

test("edits the steps a map runs per item in their own canvas", async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 960 });
  await page.goto("/scenarios");
  await page.getByRole("button", { name: "New scenario" }).click();
  const dialog = page.getByRole("dialog", { name: "New scenario" });
  await dialog.getByLabel("Name").fill("Per item");
  await dialog.getByRole("button", { name: "Create and open" }).click();
  await expect(page).toHaveURL(/\/scenarios\/per-item$/);

  await dropFromPalette(page, "For each", 0.45, 0.75);
  await stepNode(page, "For each", "For each")
    .getByRole("button", { name: "Edit the steps per item" })
    .click();
  const scope = page.getByRole("navigation", { name: "Map body" });
  await expect(scope).toContainText("For each · per item");
  await expect(stepNode(page, "Start", "Item")).toBeVisible();

  await dropFromPalette(page, "ValidateEmail", 0.5, 0.8);
  await expect(stepNode(page, "Function", "Validate email")).toBeVisible();
  await stepNode(page, "Function", "Validate email").click();
  await expect(inspectorOf(page).getByRole("button", { name: "item", exact: true })).toBeVisible();
  await screenshot(page, "designer-9-map-body");

  await scope.getByRole("button", { name: "Back" }).click();
  await expect(scope).toHaveCount(0);
  await expect(stepNode(page, "For each", "For each")).toContainText("1 step per item");
});
