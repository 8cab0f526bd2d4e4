import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { screenshot } from "../support/screenshot.ts";

const SLUG = "map-sign-ups";

/** Signs up every email of a list; each item checks its address, then creates the user. */
const scenario = {
  format: "baton.scenario/v1",
  slug: SLUG,
  name: "Sign up a list",
  nodes: [
    {
      id: "start",
      kind: "start",
      label: "Email list",
      position: { x: 0, y: 80 },
      inputSchema: {
        type: "object",
        properties: {
          emails: { type: "array", items: { type: "string", format: "email", maxLength: 254 } },
        },
        required: ["emails"],
      },
    },
    {
      id: "eachEmail",
      kind: "map",
      label: "Each email",
      position: { x: 260, y: 80 },
      items: { ref: "input.emails" },
      concurrency: 1,
      body: {
        nodes: [
          { id: "itemStart", kind: "start", label: "Email", position: { x: 0, y: 0 } },
          {
            id: "validateEmail",
            kind: "function",
            label: "Validate email",
            position: { x: 240, y: 0 },
            function: "examples/ValidateEmail",
            input: { email: { ref: "item" } },
          },
          {
            id: "createUser",
            kind: "function",
            label: "Create user",
            position: { x: 480, y: 0 },
            function: "examples/CreateUser",
            input: { name: { literal: "Listed person" }, email: { ref: "item" } },
          },
          {
            id: "itemEnd",
            kind: "end",
            label: "Signed up",
            position: { x: 720, y: 0 },
            output: {
              valid: { ref: "steps.validateEmail.output.valid" },
              userId: { ref: "steps.createUser.output.id" },
            },
          },
        ],
        edges: [
          { id: "b1", kind: "next", source: "itemStart", target: "validateEmail" },
          { id: "b2", kind: "next", source: "validateEmail", target: "createUser" },
          { id: "b3", kind: "next", source: "createUser", target: "itemEnd" },
        ],
      },
    },
    {
      id: "end",
      kind: "end",
      label: "All signed up",
      position: { x: 520, y: 80 },
      output: { users: { ref: "steps.eachEmail.output" } },
    },
  ],
  edges: [
    { id: "e1", kind: "next", source: "start", target: "eachEmail" },
    { id: "e2", kind: "next", source: "eachEmail", target: "end" },
  ],
};

const trpc = async (request: APIRequestContext, path: string, input: unknown) => {
  const response = await request.post(`/trpc/${path}`, { data: input });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()).result.data;
};

/** Imports the scenario and publishes it, as the designer's import and publish buttons do. */
const publishScenario = async (request: APIRequestContext, slug = SLUG) => {
  const created = await trpc(request, "scenarios.import", {
    json: JSON.stringify(scenario),
    slug,
  });
  await trpc(request, "scenarios.publish", {
    id: created.id,
    draftUpdatedAt: created.draftUpdatedAt,
  });
};

const step = (page: Page, label: string) =>
  page.getByRole("article", { name: new RegExp(`^Step ${label}:`) });

const runStatus = (page: Page) => page.getByRole("status", { name: "Run status" });

test.use({ viewport: { width: 1440, height: 900 } });

test("a failed item of a map is named, opened and restarted alone with an edited input", async ({
  page,
  request,
}) => {
  await publishScenario(request);
  // the function refuses taken@example.com, so the second item fails
  const started = await request.post(`/hooks/${SLUG}?wait=30`, {
    data: { emails: ["ada@example.com", "taken@example.com", "grace@example.com"] },
  });
  const { runId, status } = await started.json();
  expect(status).toBe("failed");

  await page.goto(`/runs/${runId}`);
  await expect(runStatus(page)).toHaveText("failed");
  const map = step(page, "Each email");
  await expect(map).toHaveAttribute("data-state", "failed");
  await expect(map).toHaveAccessibleName(/1 \/ 3 items/);
  await map.click();

  const panel = page.getByRole("complementary", { name: "Step Each email" });
  await expect(panel.getByRole("region", { name: "Step error", exact: true })).toContainText(
    "Item 1",
  );
  const items = panel.getByRole("list", { name: "Items" });
  await expect(items.getByRole("button", { name: "Item 0: done" })).toBeVisible();
  await expect(items.getByRole("button", { name: "Item 1: failed" })).toBeVisible();
  await expect(items.getByRole("button", { name: "Item 2: not started" })).toBeVisible();
  await expect(items).toContainText("taken@example.com");
  // the failed item is open, and its failed step with it
  const steps = panel.getByRole("list", { name: "Steps of item 1" });
  await expect(steps).toContainText("Validate email");
  await expect(steps).toContainText("already exists");
  const failedStep = panel.getByRole("region", { name: "Create user in item 1" });
  await expect(failedStep.getByRole("region", { name: "Item step input" })).toContainText(
    "taken@example.com",
  );
  await screenshot(page, "monitor-map-item-failed-light");

  await failedStep.getByRole("button", { name: "Restart this item from Create user" }).click();
  const dialog = page.getByRole("dialog", { name: /Restart item 1 from .Create user/ });
  await dialog.getByRole("checkbox", { name: /Edit the step's input/ }).check();
  const editor = dialog.getByRole("textbox", { name: "Input" });
  await expect(editor).toHaveValue(/taken@example\.com/);
  await editor.fill('{ "name": "Listed person", "email": "not an email" }');
  await expect(dialog.getByRole("list", { name: "Schema problems" })).toContainText("/email");
  await expect(dialog.getByRole("button", { name: "Restart" })).toBeDisabled();
  await editor.fill('{ "name": "Listed person", "email": "taken.2@example.com" }');
  await expect(dialog.getByText("Matches the input schema")).toBeVisible();
  await screenshot(page, "monitor-map-item-restart-light");
  await dialog.getByRole("button", { name: "Restart" }).click();
  await expect(dialog).toBeHidden();

  // the page, never reloaded, follows the item's rerun to the run's end
  await expect(runStatus(page)).toHaveText("succeeded", { timeout: 15_000 });
  await expect(map).toHaveAttribute("data-state", "succeeded");
  await expect(map).toHaveAccessibleName(/3 \/ 3 items/);
  await expect(step(page, "All signed up")).toHaveAttribute("data-state", "succeeded");
  await expect(items.getByRole("button", { name: "Item 1: done" })).toBeVisible();
  await expect(failedStep.getByRole("region", { name: "Item step output" })).toContainText(
    "taken.2@example.com",
  );
  await screenshot(page, "monitor-map-item-repaired-light");

  // the timeline has a row per item for the map's body steps; picking one opens that step
  await page.getByRole("tab", { name: "Timeline" }).click();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("Validate email · item 0");
  await timeline.getByRole("button", { name: /^Create user · item 2, run \d+: / }).click();
  await expect(page).toHaveURL(/[?&]step=createUser(&|$)/);
  const bodyStep = page.getByRole("complementary", { name: "Step Create user" });
  await expect(bodyStep.getByRole("region", { name: "Step input", exact: true })).toContainText(
    "grace@example.com",
  );
  await expect(page.getByRole("complementary", { name: "Run details" })).toBeHidden();
  await screenshot(page, "monitor-map-timeline-body-step-light");
  await page.getByRole("tab", { name: "Graph" }).click();

  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await screenshot(page, "monitor-map-item-repaired-dark");
});

test("a map running its items reads as running, with its progress, and its events name steps and items", async ({
  page,
  request,
}) => {
  // a long list on a busy machine: more than the default 30 s
  test.setTimeout(180_000);
  const slug = "map-sign-ups-running";
  await publishScenario(request, slug);
  // one item at a time: a long list keeps the map at work while the page is looked at (150
  // items took 4.8 s on a quiet CI machine, less than the page needs to be looked at)
  const emails = Array.from({ length: 600 }, (_, i) => `person.${i}.${Date.now()}@example.com`);
  const started = await request.post(`/hooks/${slug}`, { data: { emails } });
  const { runId } = await started.json();

  await page.goto(`/runs/${runId}`);
  const map = step(page, "Each email");
  await expect(map).toHaveAttribute("data-state", "waiting");
  // the engine parks the map while its items run; a person reads that as running
  await expect(map).toHaveAccessibleName(/^Step Each email: running, \d+ \/ 600 items$/);
  await expect(map).toContainText("running");
  const events = page.getByRole("list", { name: "Run events" });
  await expect(events).toContainText(/succeeded\s*Validate email · item \d+/);
  await screenshot(page, "monitor-map-running-light");
  await map.click();
  const panel = page.getByRole("complementary", { name: "Step Each email" });
  await expect(panel.getByText("running", { exact: true }).first()).toBeVisible();
  const mapEvents = panel.getByRole("list", { name: "Step events" });
  await expect(mapEvents).toContainText(/running its items\s*600 items/);
  await screenshot(page, "monitor-map-running-panel-light");
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await screenshot(page, "monitor-map-running-1024-dark");
  await page.setViewportSize({ width: 1440, height: 900 });

  // the runs list counts the scenario's own steps, never the items
  await page.goto("/runs");
  const row = page.getByRole("row").filter({ has: page.locator(`a[href="/runs/${runId}"]`) });
  await expect(row.getByText(/^[0-3]\/3 steps$/)).toBeVisible();
  await screenshot(page, "runs-map-running-dark");
  await expect(row.getByText("3/3 steps", { exact: true })).toBeVisible({ timeout: 150_000 });
  await expect(row.getByText("succeeded")).toBeVisible();
});
