import { expect, type Locator, type Page, test } from "@playwright/test";
import { deselect, dropFromPalette, inspectorOf, stepNode } from "../support/designer.ts";
import { screenshot } from "../support/screenshot.ts";

// Issue #18: "needs a string (at least 1 character); input.customerId can be empty" and
// "needs an integer of at least 0; totalCents can be less than 0" blocked publishing, and
// the only ways out were an untyped expression or hand-edited JSON.

const connect = async (page: Page, from: string, to: string) => {
  await deselect(page);
  const source = (await page.getByLabel(from, { exact: true }).boundingBox())!;
  const target = (await page.getByLabel(to, { exact: true }).boundingBox())!;
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
};

const problems = (page: Page): Locator =>
  page
    .getByRole("toolbar", { name: "Canvas tools" })
    .getByRole("button", { name: /^(No problems|Problems:)/ });

/** Adds a field to the scenario input and names and types it. */
const addInputField = async (page: Page, name: string, type: string) => {
  const inspector = inspectorOf(page);
  await inspector.getByRole("button", { name: "Add field" }).click();
  const row = inspector.getByRole("group", { name: "Input field field" });
  await row.getByLabel("Input field name").fill(name);
  await row.getByLabel("Input field name").press("Enter");
  await inspector.getByLabel(`${name} type`).selectOption(type);
};

const CUSTOMER_CHECK =
  "Check at run time that input.customerId is a string (at least 1 character) (the step fails if not)";
const TOTAL_BOUND = "Make input.totalCents an integer of at least 0";

test("settles the checker's type problems with quick fixes, publishes, and fails a run that breaks the run-time check", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/scenarios");
  await page.getByRole("button", { name: "New scenario" }).click();
  const dialog = page.getByRole("dialog", { name: "New scenario" });
  await dialog.getByLabel("Name").fill("Invoice flow");
  await dialog.getByRole("button", { name: "Create and open" }).click();
  await expect(page).toHaveURL(/\/scenarios\/invoice-flow$/);

  // start(customerId: string, totalCents: integer) → CreateInvoice → end
  await page.getByRole("group", { name: "Edge from start to end" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Delete");
  await dropFromPalette(page, "CreateInvoice", 0.45, 0.7);
  await expect(stepNode(page, "Function", "Create invoice")).toBeVisible();
  await stepNode(page, "Start", "Start").click();
  await addInputField(page, "customerId", "string");
  await addInputField(page, "totalCents", "integer");
  await connect(page, "Start next", "Create invoice input");
  await connect(page, "Create invoice next", "End input");

  // Map the fields one by one, as a newcomer does.
  await stepNode(page, "Function", "Create invoice").click();
  const inspector = inspectorOf(page);
  for (const field of ["customerId", "totalCents"]) {
    await inspector
      .getByRole("button", { name: `input.${field}`, exact: true })
      .dragTo(inspector.getByRole("group", { name: `Field ${field}` }));
  }
  await page.getByRole("button", { name: "Auto-layout" }).click();

  // Both problems block publishing.
  await expect(problems(page)).toHaveAccessibleName("Problems: 2 errors, 0 warnings");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const publish = page.getByRole("dialog", { name: "Publish" });
  await publish.getByRole("button", { name: "Publish version" }).click();
  await expect(publish.getByRole("alert")).toContainText("cannot be published");
  await page.keyboard.press("Escape");
  const panel = page.getByRole("region", { name: "Problems" });
  await expect(panel).toContainText(
    "Create invoice needs a string (at least 1 character); input.customerId can be empty",
  );
  await expect(panel).toContainText(
    "Create invoice needs an integer of at least 0; input.totalCents can be less than 0",
  );
  const fixesOf = (text: string) =>
    panel
      .getByRole("listitem")
      .filter({ hasText: text })
      .getByRole("list", { name: "Quick fixes" });
  await expect(fixesOf("input.customerId can be empty").getByRole("button")).toHaveText([
    "Make input.customerId a string (at least 1 character)",
    CUSTOMER_CHECK,
  ]);
  await screenshot(page, "quick-fixes-1-problems-1440");
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, "quick-fixes-1-problems-1024");
  await page.setViewportSize({ width: 1440, height: 900 });

  // One click each: the run-time check for the id, the bound on the scenario input.
  await fixesOf("input.customerId can be empty")
    .getByRole("button", { name: CUSTOMER_CHECK })
    .click();
  await fixesOf("input.totalCents can be less than 0")
    .getByRole("button", { name: TOTAL_BOUND })
    .click();
  await expect(problems(page)).toHaveAccessibleName("No problems");
  // The server's refusal was about the draft before the fixes: nothing of it lingers.
  await expect(panel).toContainText("No problems");

  // Undo takes a fix back like any edit; redo applies it again.
  await page.keyboard.press("Control+z");
  await expect(problems(page)).toHaveAccessibleName("Problems: 1 errors, 0 warnings");
  await page.keyboard.press("Control+Shift+z");
  await expect(problems(page)).toHaveAccessibleName("No problems");

  // The id's field now checks its value at run time.
  await stepNode(page, "Function", "Create invoice").click();
  const customerId = inspectorOf(page).getByRole("group", { name: "Field customerId" });
  await expect(
    customerId.getByRole("textbox", { name: "input.customerId expression" }),
  ).toHaveValue("input.customerId");
  await expect(customerId).toContainText(
    "Checked at run time: a string (at least 1 character); the step fails if not.",
  );
  // The expression's declared schema is edited with the same constraint controls.
  await customerId
    .getByRole("button", { name: "Constraints of input.customerId expression result" })
    .click();
  await expect(customerId.getByLabel("input.customerId result min length")).toHaveValue("1");
  await customerId.getByLabel("input.customerId result max length").fill("36");
  await expect(customerId.getByLabel("input.customerId expression result type")).toHaveValue(
    "string",
  );
  await screenshot(page, "quick-fixes-2-expression-schema-1440");
  await customerId.getByLabel("input.customerId result max length").fill("");

  // The scenario input now carries the bound, and its editor edits every keyword.
  await stepNode(page, "Start", "Start").click();
  const start = inspectorOf(page);
  await expect(start.getByRole("group", { name: "Input field totalCents" })).toContainText(
    "an integer of at least 0",
  );
  await start.getByRole("button", { name: "Constraints of totalCents" }).click();
  await expect(start.getByLabel("totalCents minimum")).toHaveValue("0");
  await start.getByLabel("totalCents maximum").fill("10000000");
  await start.getByRole("button", { name: "Constraints of customerId" }).click();
  await start.getByLabel("customerId max length").fill("36");
  await start.getByLabel("customerId pattern").fill("^[a-z0-9-]*$");
  await expect(problems(page)).toHaveAccessibleName("No problems");
  await screenshot(page, "quick-fixes-2-schema-editor-1440");
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, "quick-fixes-2-schema-editor-1024");
  await page.setViewportSize({ width: 1440, height: 900 });

  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await publish.getByRole("button", { name: "Publish version" }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();
  await page.keyboard.press("Escape");

  // An empty id passes the scenario's input but not the check: the step fails and says why.
  const response = await request.post("/hooks/invoice-flow", {
    data: { customerId: "", totalCents: 1250 },
  });
  expect(response.status()).toBe(202);
  const { runId } = (await response.json()) as { runId: string };
  await page.goto(`/runs/${runId}`);
  await expect(page.getByRole("status", { name: "Run status" })).toHaveText("failed");
  await page.getByRole("article", { name: /^Step Create invoice:/ }).click();
  const error = page
    .getByRole("complementary", { name: "Step Create invoice" })
    .getByRole("region", { name: "Step error" });
  await expect(error).toContainText(
    'The expression "input.customerId" does not match its declared schema (a string (at least 1 character)): its result must NOT have fewer than 1 characters.',
  );
  await expect(error).toContainText(
    "The input was refused (a schema it must fit, or the service).",
  );
  await screenshot(page, "quick-fixes-3-run-failed");
});
