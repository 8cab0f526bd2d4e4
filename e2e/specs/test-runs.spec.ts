import { expect, type Page, test } from "@playwright/test";
import { signupInput } from "../../examples/inputs.ts";
import { canvasOf, inspectorOf, stepNode } from "../support/designer.ts";
import { screenshot } from "../support/screenshot.ts";

const delivery = {
  deliveryId: "8a7f4c7e-3c1b-4f5e-9a51-2f8d7c9b1e44",
  url: "https://hooks.example.com/signup",
  event: "user.created",
  statusCode: 202,
  signature: `sha256=${"ab".repeat(32)}`,
  bytes: 128,
  deliveredAt: "2026-12-08T09:00:00.000Z",
};

/** Fills the test run's form, built from the sign-up scenario's input schema. */
const fillSignup = async (form: ReturnType<Page["getByRole"]>, email: string) => {
  const field = (name: string) => form.getByRole("textbox", { name: new RegExp(`^${name}\\b`) });
  await field("name").fill("Ada Lovelace");
  await field("email").fill(email);
  await field("phone").fill("+31612345678");
};

test.describe("test runs of a draft", () => {
  // one journey through the designer, the monitor and the runs list, on a shared machine
  test.setTimeout(120_000);

  test("a step tested alone, a pinned output, a test run of the draft kept apart from real runs", async ({
    page,
    request,
  }) => {
    // a real run of the published version, for the runs list to hold
    const realEmail = `grace.${Date.now()}@example.com`;
    const real = await request.post("/hooks/user-sign-up?wait=30", {
      data: signupInput(realEmail),
    });
    expect(real.status()).toBe(200);
    const { runId: realRunId } = (await real.json()) as { runId: string };
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/scenarios/user-sign-up");
    await expect(canvasOf(page)).toBeVisible();

    // one step alone, with typed input checked against the function's input schema
    await stepNode(page, "Function", "Validate email").click();
    await inspectorOf(page).getByRole("button", { name: "Test this step" }).click();
    const alone = page.getByRole("dialog", { name: "Test “Validate email” alone" });
    const input = alone.getByRole("textbox", { name: "Step input" });
    // the input the step had in the real run, picked from its earlier runs (newest first;
    // other specs run the sign-up too)
    const source = alone.getByRole("combobox", { name: "Input from" });
    await source.selectOption({
      label:
        (await source
          .getByRole("option", { name: /^Run of v1/ })
          .first()
          .textContent()) ?? "",
    });
    await expect(input).toHaveValue(new RegExp(`"email": "${realEmail.replaceAll(".", "\\.")}"`));
    await input.fill('{ "mail": "ada@example.com" }');
    await expect(alone.getByRole("list", { name: "Schema problems" })).toContainText("email");
    await expect(alone.getByRole("button", { name: "Test this step" })).toBeDisabled();
    await input.fill('{ "email": "ada@example.com" }');
    await expect(alone.getByText("Matches the input schema")).toBeVisible();
    await alone.getByRole("button", { name: "Test this step" }).click();
    const stepRun = alone.getByRole("status", { name: "Test run status" });
    await expect(stepRun).toContainText("succeeded", { timeout: 15_000 });
    await expect(stepRun.getByRole("figure", { name: "Output" })).toContainText('"valid": true');
    await screenshot(page, "test-runs-step-1440");
    await alone.getByRole("button", { name: "Close" }).click();

    // the last step's output pinned: test runs do not call it
    await stepNode(page, "Function", "Notify webhook").click();
    await inspectorOf(page).getByRole("button", { name: "Pin output" }).click();
    const pin = page.getByRole("dialog", { name: "Pinned output of “Notify webhook”" });
    const output = pin.getByRole("textbox", { name: "Output to pin" });
    await output.fill('{ "deliveryId": "not a uuid" }');
    await expect(pin.getByRole("button", { name: "Pin this output" })).toBeDisabled();
    await output.fill(JSON.stringify(delivery, null, 2));
    await expect(pin.getByText("Matches the output schema")).toBeVisible();
    await pin.getByRole("button", { name: "Pin this output" }).click();
    await expect(pin.getByRole("figure", { name: "Pinned value" })).toContainText(
      "hooks.example.com",
    );
    await screenshot(page, "test-runs-pin-1440");
    await pin.getByRole("button", { name: "Close" }).click();
    await expect(
      stepNode(page, "Function", "Notify webhook").getByRole("img", { name: "Output pinned" }),
    ).toBeVisible();
    await expect(inspectorOf(page).getByRole("button", { name: "Output pinned" })).toBeVisible();
    await screenshot(page, "test-runs-pinned-1440");

    // the draft, test-run without publishing
    await page.getByRole("button", { name: "Test run", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Test run" });
    await fillSignup(dialog, `ada.${Date.now()}@example.com`);
    await screenshot(page, "test-runs-start-1440");
    await dialog.getByRole("button", { name: "Start test run" }).click();
    const started = dialog.getByRole("status", { name: "Test run status" });
    await expect(started).toContainText("succeeded", { timeout: 20_000 });
    await started.getByRole("link", { name: "Open monitor" }).click();
    await expect(page).toHaveURL(/\/runs\/[0-9a-f-]{36}/);
    const runId = page.url().split("/runs/")[1]!.split(/[?#]/)[0]!;

    // the monitor shows it like any run, marked as a test run, the pinned step not called
    await expect(page.getByRole("heading", { name: /User sign-up/ })).toBeVisible();
    await expect(page.getByText("Test run", { exact: true })).toBeVisible();
    await expect(page.getByRole("status", { name: "Run status" })).toHaveText("succeeded");
    const notify = page.getByRole("article", { name: /^Step Notify webhook:/ });
    await expect(notify).toContainText("Pinned, not called");
    await expect(notify).toHaveAttribute("data-state", "succeeded");
    await notify.click();
    await expect(page.getByRole("complementary", { name: "Step Notify webhook" })).toContainText(
      "did not call the step",
    );
    await screenshot(page, "test-runs-monitor-1440");
    await page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(page, "test-runs-monitor-1024");

    // the real runs list does not have it; the test runs tab does
    await page.goto("/runs");
    await expect(page.getByRole("tab", { name: "Runs", exact: true })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expect(page.locator(`a[href="/runs/${realRunId}"]`).first()).toBeVisible();
    await expect(page.locator(`a[href="/runs/${runId}"]`)).toHaveCount(0);
    await page.getByRole("tab", { name: "Test runs" }).click();
    await expect(page.locator(`a[href="/runs/${runId}"]`).first()).toBeVisible();
    await expect(page.locator(`a[href="/runs/${realRunId}"]`)).toHaveCount(0);
    await screenshot(page, "test-runs-list-1024");
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, "test-runs-list-1440");

    // an ended test run can be deleted
    await page.goto(`/runs/${runId}`);
    await page.getByRole("button", { name: "Delete test run" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(/kind=test/);
    await expect(page.locator(`a[href="/runs/${runId}"]`)).toHaveCount(0);

    // the designer at 1024 px with the pinned step's output open
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto("/scenarios/user-sign-up");
    await stepNode(page, "Function", "Notify webhook").click();
    await inspectorOf(page).getByRole("button", { name: "Output pinned" }).click();
    await expect(
      page.getByRole("dialog", { name: "Pinned output of “Notify webhook”" }),
    ).toContainText("hooks.example.com");
    await screenshot(page, "test-runs-pin-1024");
  });
});
