import { expect, type Locator, type Page, test } from "@playwright/test";
import { largeOrderInput } from "../../examples/inputs.ts";
import { canvasOf, deselect, dropFromPalette, inspectorOf, stepNode } from "../support/designer.ts";
import { screenshot } from "../support/screenshot.ts";

// What a fit never goes below: a step's 13 px name is drawn at 8 px (apps/web/src/lib/readable-fit.ts).
const READABLE_ZOOM = 0.6;

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

const edge = (page: Page, source: string, target: string) =>
  page.getByRole("group", { name: `Edge from ${source} to ${target}` });

/** The zoom of a React Flow view, from its transform. */
const zoomOf = async (flow: Locator) => {
  const style = (await flow.locator(".react-flow__viewport").getAttribute("style")) ?? "";
  return Number(/scale\(([0-9.]+)\)/.exec(style)?.[1]);
};

/** Whether `inner` lies whole inside `outer` on screen. */
const within = async (inner: Locator, outer: Locator) => {
  const a = (await inner.boundingBox())!;
  const b = (await outer.boundingBox())!;
  return (
    a.x >= b.x - 1 &&
    a.y >= b.y - 1 &&
    a.x + a.width <= b.x + b.width + 1 &&
    a.y + a.height <= b.y + b.height + 1
  );
};

const overlap = async (a: Locator, b: Locator) => {
  const p = (await a.boundingBox())!;
  const q = (await b.boundingBox())!;
  return p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
};

/** A scenario of `length` wait steps in one long row, imported through the API. */
const importChain = async (page: Page, slug: string, length: number) => {
  const ids = ["start", ...Array.from({ length }, (_, i) => `w${i + 1}`), "end"];
  const nodes = ids.map((id, i) => ({
    id,
    kind: id === "start" ? "start" : id === "end" ? "end" : "wait",
    label: id === "start" ? "Start" : id === "end" ? "End" : `Pause ${i}`,
    position: { x: i * 320, y: 0 },
    ...(id.startsWith("w") ? { duration: "PT1S" } : {}),
  }));
  const edges = ids.slice(1).map((id, i) => ({
    id: `e${i}`,
    kind: "next",
    source: ids[i],
    target: id,
  }));
  const json = JSON.stringify({
    format: "baton.scenario/v1",
    slug,
    name: "Long chain",
    nodes,
    edges,
  });
  const response = await page.request.post("/trpc/scenarios.import", { data: { json } });
  expect(response.status(), await response.text()).toBe(200);
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
  await expect(edge(page, "choice", "end")).toBeVisible();
});

test("builds from the keyboard: Enter adds a step after the selected one, wired; moves undo; Escape closes", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await newScenario(page, "Keyboard flow", "keyboard-flow");
  // an empty canvas says what to do first
  const hint = canvasOf(page).getByRole("note", { name: "How to start" });
  await expect(hint).toContainText("Drag a function from the palette");
  await expect(hint).toContainText("press Enter");
  await screenshot(page, "designer-ux-1-empty-canvas");

  const palette = page.getByRole("complementary", { name: "Palette" });
  await stepNode(page, "Start", "Start").click();
  await palette.getByRole("button", { name: "ValidateEmail", exact: true }).press("Enter");
  const validate = stepNode(page, "Function", "Validate email");
  await expect(validate).toBeVisible();
  await expect(hint).toHaveCount(0);
  // in between the start and the end, on a spot of its own
  await expect(edge(page, "start", "validateEmail")).toBeVisible();
  await expect(edge(page, "validateEmail", "end")).toBeVisible();
  await expect(edge(page, "start", "end")).toHaveCount(0);
  // the new step is selected, so the next one goes after it
  await palette.getByRole("button", { name: "Wait", exact: true }).press("Enter");
  const wait = stepNode(page, "Wait", "Wait");
  await expect(edge(page, "validateEmail", "wait")).toBeVisible();
  await expect(edge(page, "wait", "end")).toBeVisible();
  for (const [a, b] of [
    [validate, wait],
    [validate, stepNode(page, "End", "End")],
    [wait, stepNode(page, "End", "End")],
    [validate, stepNode(page, "Start", "Start")],
  ] as const) {
    expect(await overlap(a, b)).toBe(false);
  }
  await screenshot(page, "designer-ux-2-keyboard-chain");

  // arrow keys move the selected step, and undo puts it back
  await wait.click();
  const before = (await wait.boundingBox())!;
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await expect.poll(async () => (await wait.boundingBox())!.y).toBeGreaterThan(before.y + 20);
  await page.keyboard.press("Control+z");
  await expect.poll(async () => (await wait.boundingBox())!.y).toBeCloseTo(before.y, 0);

  // Escape leaves a field first, keeping what was typed, then closes the inspector
  const name = inspectorOf(page).getByLabel("Step name");
  await name.fill("Pause a second");
  await name.press("Escape");
  await expect(name).not.toBeFocused();
  await expect(inspectorOf(page)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(inspectorOf(page)).toHaveCount(0);
  await expect(stepNode(page, "Wait", "Pause a second")).toBeVisible();
});

test("at 1024 px: panels fold, the header keeps to one line, a dropped step stays in view", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await newScenario(page, "Narrow window", "narrow-window");
  // the navigation starts folded to icons, names kept for screen readers and tooltips
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Scenarios" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Expand the navigation" })).toBeVisible();
  // the designer's header holds every action on one line
  const header = page
    .locator("header")
    .filter({ has: page.getByRole("navigation", { name: "Breadcrumb" }) });
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(49);
  for (const name of ["About", "Import", "Export", "Publish"]) {
    expect(await within(header.getByRole("button", { name, exact: true }), header)).toBe(true);
  }
  expect((await header.getByRole("status").boundingBox())!.height).toBeLessThan(24);
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await screenshot(page, "designer-ux-3-narrow-empty-dark");
  await page.getByRole("button", { name: "Switch to light theme" }).click();

  // a step dropped near the right edge: the inspector opens beside it, not over it
  await dropFromPalette(page, "StoreUserData", 0.93, 0.5);
  const store = stepNode(page, "Function", "Store user data");
  await expect(inspectorOf(page)).toBeVisible();
  await expect.poll(() => within(store, canvasOf(page))).toBe(true);
  expect(await overlap(store, inspectorOf(page))).toBe(false);
  await screenshot(page, "designer-ux-3-narrow-inspector-light");

  const canvasWidth = async () => (await canvasOf(page).boundingBox())!.width;
  const withBoth = await canvasWidth();
  await page.getByRole("button", { name: "Fold the palette" }).click();
  await expect(page.getByRole("button", { name: "Show the palette" })).toBeVisible();
  await page.getByRole("button", { name: "Fold the inspector" }).click();
  await expect(inspectorOf(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Show the inspector" })).toBeVisible();
  expect(await canvasWidth()).toBeGreaterThan(withBoth + 400);
  await screenshot(page, "designer-ux-4-narrow-folded");
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await screenshot(page, "designer-ux-4-narrow-folded-dark");
  await page.getByRole("button", { name: "Switch to light theme" }).click();
  await page.getByRole("button", { name: "Show the inspector" }).click();
  await expect(inspectorOf(page).getByLabel("Step name")).toHaveValue("Store user data");
  await page.getByRole("button", { name: "Close the inspector" }).click();
  await expect(inspectorOf(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Show the palette" }).click();
  await expect(
    page.getByRole("complementary", { name: "Palette" }).getByRole("searchbox"),
  ).toBeVisible();
  // the choices are remembered
  await page.getByRole("button", { name: "Expand the navigation" }).click();
  await page.reload();
  await expect(page.getByRole("button", { name: "Fold the navigation" })).toBeVisible();
});

test("fits a long graph at a readable zoom, lays it out wrapped or top down; the monitor does the same", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await importChain(page, "long-chain", 24);
  await page.goto("/scenarios/long-chain");
  const canvas = canvasOf(page);
  const start = stepNode(page, "Start", "Start");
  await expect(start).toBeVisible();
  // too long to read whole: it opens on its start, readable, and the rest is a pan away
  await expect.poll(() => zoomOf(canvas)).toBeGreaterThanOrEqual(READABLE_ZOOM);
  expect(await within(start, canvas)).toBe(true);
  await page.getByRole("button", { name: "Fit view" }).click();
  await expect.poll(() => zoomOf(canvas)).toBeGreaterThanOrEqual(READABLE_ZOOM);
  await screenshot(page, "designer-ux-5-long-chain-fit");

  // auto-layout wraps the chain into rows that fit: start and end both in view, readable
  await page.getByRole("button", { name: "Auto-layout" }).click();
  const end = stepNode(page, "End", "End");
  await expect.poll(() => within(end, canvas)).toBe(true);
  expect(await within(start, canvas)).toBe(true);
  expect(await zoomOf(canvas)).toBeGreaterThanOrEqual(READABLE_ZOOM);
  await screenshot(page, "designer-ux-6-long-chain-wrapped");

  // top down: each step below the one before it in a column
  await page.getByRole("button", { name: "Layout options" }).click();
  await page.getByRole("radio", { name: "Top down" }).click();
  const first = page.getByRole("article", { name: "Wait step Pause 1", exact: true });
  const second = page.getByRole("article", { name: "Wait step Pause 2", exact: true });
  await expect
    .poll(async () => (await second.boundingBox())!.y - (await first.boundingBox())!.y)
    .toBeGreaterThan(40);
  expect(await zoomOf(canvas)).toBeGreaterThanOrEqual(READABLE_ZOOM);
  await screenshot(page, "designer-ux-7-long-chain-top-down");
  await page.getByRole("button", { name: "Layout options" }).click();
  await expect(page.getByRole("radio", { name: "Top down" })).toBeChecked();
  await page.keyboard.press("Escape");

  // the monitor opens a run's graph readable too, on the step that matters
  await page.setViewportSize({ width: 1024, height: 768 });
  const response = await page.request.post("/hooks/order", { data: largeOrderInput() });
  const { runId } = await response.json();
  await page.goto(`/runs/${runId}`);
  const graph = page.getByRole("application", { name: "Run graph" });
  const waiting = page.getByRole("article", { name: /^Step Approve order:/ });
  await expect(waiting).toHaveAttribute("data-state", "waiting");
  // opened again now that it waits for a person, it opens there
  await page.reload();
  await expect(waiting).toHaveAttribute("data-state", "waiting");
  await expect.poll(() => zoomOf(graph)).toBeGreaterThanOrEqual(READABLE_ZOOM);
  expect(await within(waiting, graph)).toBe(true);
  await graph.getByRole("button", { name: "Zoom Out" }).click();
  await graph.getByRole("button", { name: "Zoom Out" }).click();
  await graph.getByRole("button", { name: "Zoom Out" }).click();
  await graph.getByRole("button", { name: "Fit view" }).click();
  await expect.poll(() => zoomOf(graph)).toBeGreaterThanOrEqual(READABLE_ZOOM);
  await expect.poll(() => within(waiting, graph)).toBe(true);
  await screenshot(page, "designer-ux-8-monitor-readable-1024");
});

test("shows the webhook address with a call that works, and a toolbar with names", async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/scenarios/user-sign-up");
  await expect(stepNode(page, "Function", "Create user")).toBeVisible();
  // room enough: the toolbar's buttons say what they do; narrower, their icons do, with tooltips
  const toolbar = page.getByRole("toolbar", { name: "Canvas tools" });
  const named = async (label: string) =>
    ((await toolbar.getByRole("button", { name: label, exact: true }).locator("span").boundingBox())
      ?.width ?? 0) > 20;
  for (const label of ["Undo", "Auto-layout", "Fit view", "Webhook"]) {
    expect(await named(label)).toBe(true);
  }
  await expect(toolbar.getByRole("button", { name: "Undo", exact: true })).toHaveAttribute(
    "title",
    /Undo \((Ctrl|⌘)\+Z\)/,
  );

  await toolbar.getByRole("button", { name: "Webhook", exact: true }).click();
  const popover = page.getByRole("dialog", { name: "Webhook" });
  const origin = new URL(page.url()).origin;
  await expect(popover.getByRole("figure", { name: "Webhook address" })).toHaveText(
    `POST ${origin}/hooks/user-sign-up`,
  );
  const call = popover.getByRole("figure", { name: "Example call" });
  await expect(call).toContainText(`curl -X POST '${origin}/hooks/user-sign-up'`);
  await expect(call).toContainText("$BATON_HOOK_TOKEN");
  await popover.getByRole("button", { name: "Copy Example call" }).click();
  const copied = await page.evaluate("navigator.clipboard.readText()");
  expect(copied).toBe(await call.locator("pre").textContent());
  await screenshot(page, "designer-ux-9-webhook");

  // the example's body is an input this scenario takes: the webhook starts a run with it
  const body = JSON.parse(/-d '(.*)'$/s.exec(String(copied))![1]!);
  const started = await page.request.post(`/hooks/user-sign-up`, { data: body });
  expect(started.status(), await started.text()).toBe(202);

  // the same, in the dark theme, at 1024 px with a step selected: icons with tooltips
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Switch to dark theme" }).click();
  await page.setViewportSize({ width: 1024, height: 768 });
  await stepNode(page, "Function", "Create user").click();
  await expect(inspectorOf(page)).toBeVisible();
  expect(await named("Undo")).toBe(false);
  await toolbar.getByRole("button", { name: "Webhook", exact: true }).click();
  await screenshot(page, "designer-ux-10-webhook-dark-1024");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Switch to light theme" }).click();
});

test("an empty catalog says where functions come from and offers to add a connection", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // this server always has the example functions: ask for a page of functions that is empty
  await page.route(/\/trpc\/[^?]*catalog\.functions/, async (route) => {
    const url = new URL(route.request().url());
    const procedures = url.pathname.slice("/trpc/".length).split(",");
    const input = JSON.parse(url.searchParams.get("input") ?? "{}") as Record<string, object>;
    procedures.forEach((procedure, i) => {
      if (procedure === "catalog.functions")
        input[i] = { ...input[i], search: "nothing-matches-zq" };
    });
    url.searchParams.set("input", JSON.stringify(input));
    await route.continue({ url: url.toString() });
  });
  await page.goto("/catalog");
  const empty = page.getByRole("heading", { name: "No functions yet" });
  await expect(empty).toBeVisible();
  await expect(page.getByText("a connection in error above says why")).toBeVisible();
  await screenshot(page, "designer-ux-11-empty-catalog");
  await page.getByRole("button", { name: "Add a connection" }).click();
  await expect(page.getByRole("dialog", { name: "Add a connection" })).toBeVisible();
});
