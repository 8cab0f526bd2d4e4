import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { ADMIN } from "../support/auth.ts";
import { deselect, dropFromPalette, inspectorOf, stepNode } from "../support/designer.ts";
import { screenshot } from "../support/screenshot.ts";

// #18's journey, in one go, as a newcomer walks it on the fresh server the e2e run starts
// (the setup project is their first start: it creates them as the first administrator):
// their own OpenAPI service, a scenario dragged together, published twice, run, approved,
// failed on an HTTP 500 the policy retried, reworked, exported and imported again.

/** A customer the credit bureau cannot answer for: every credit check of theirs is an HTTP 500. */
const UNLUCKY = "c-unlucky";
const UNIT_PRICE_CENTS = 2_500;

const money = { $ref: "#/components/schemas/Money" };

const operation = (id: string, summary: string, request: string, response: string) => ({
  post: {
    operationId: id,
    summary,
    requestBody: {
      required: true,
      content: { "application/json": { schema: { $ref: `#/components/schemas/${request}` } } },
    },
    responses: {
      "200": {
        description: summary,
        content: { "application/json": { schema: { $ref: `#/components/schemas/${response}` } } },
      },
    },
  },
});

/** A sales service of the newcomer's own, its schemas in `components`, used through `$ref`. */
const openapi = (url: string) => ({
  openapi: "3.0.3",
  info: { title: "Sales", version: "1.0.0" },
  servers: [{ url }],
  paths: {
    "/quotes": operation("priceQuote", "Price a quantity for a customer", "QuoteRequest", "Quote"),
    "/credit-checks": operation(
      "checkCredit",
      "Check a customer's credit for an amount",
      "CreditCheckRequest",
      "CreditCheck",
    ),
    "/invoices": operation("issueInvoice", "Invoice a quote", "InvoiceRequest", "Invoice"),
  },
  components: {
    schemas: {
      Money: {
        type: "object",
        required: ["amountCents", "currency"],
        properties: {
          amountCents: { type: "integer", minimum: 0 },
          currency: { type: "string", enum: ["EUR", "USD"] },
        },
      },
      QuoteRequest: {
        type: "object",
        required: ["customerId", "quantity"],
        properties: {
          customerId: { type: "string" },
          quantity: { type: "integer", minimum: 1 },
        },
      },
      Quote: {
        allOf: [
          { $ref: "#/components/schemas/QuoteRequest" },
          {
            type: "object",
            required: ["id", "total"],
            properties: { id: { type: "string", format: "uuid" }, total: money },
          },
        ],
      },
      CreditCheckRequest: {
        type: "object",
        required: ["customerId", "amountCents"],
        properties: {
          customerId: { type: "string" },
          amountCents: { type: "integer", minimum: 0 },
        },
      },
      CreditCheck: {
        type: "object",
        required: ["approved"],
        properties: { approved: { type: "boolean" }, limitCents: { type: "integer" } },
      },
      InvoiceRequest: {
        type: "object",
        required: ["quoteId", "total"],
        properties: { quoteId: { type: "string" }, total: money },
      },
      Invoice: {
        type: "object",
        required: ["number", "total"],
        properties: { number: { type: "string" }, total: money },
      },
    },
  },
});

type TBody = Record<string, unknown>;

const answer = (path: string | undefined, body: TBody): [number, unknown] => {
  switch (path) {
    case "/quotes":
      return [
        200,
        {
          ...body,
          id: "5f0c6f0e-8d1b-4a59-9f4e-3a6f1c2b7d10",
          total: { amountCents: Number(body.quantity) * UNIT_PRICE_CENTS, currency: "EUR" },
        },
      ];
    case "/credit-checks":
      return body.customerId === UNLUCKY
        ? [500, { message: "The credit bureau did not answer" }]
        : [200, { approved: true, limitCents: 1_000_000 }];
    case "/invoices":
      return [200, { number: "INV-0001", total: body.total }];
    default:
      return [404, { message: "No such route" }];
  }
};

let server: Server;
let url: string;

test.beforeAll(async () => {
  server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => {
      text += chunk;
    });
    request.on("end", () => {
      const [status, value] =
        request.url === "/openapi.json"
          ? [200, openapi(url)]
          : answer(request.url, text ? (JSON.parse(text) as TBody) : {});
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Screenshots of the page at both widths a newcomer may use, back at 1440 after. */
const screenshots = async (page: Page, name: string) => {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `journey-${name}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
};

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

/** Selects a step by its title, the part the minimap never covers. */
const select = (page: Page, kind: string, label: string) =>
  stepNode(page, kind, label).click({ position: { x: 40, y: 14 } });

const edge = (page: Page, source: string, target: string) =>
  page.getByRole("group", { name: `Edge from ${source} to ${target}` });

/** Drags a field of the inspector's Available data onto a mapping field. */
const mapByDrag = async (page: Page, reference: string, field: string) => {
  const inspector = inspectorOf(page);
  await inspector
    .getByRole("list", { name: "Available data" })
    .getByRole("button", { name: reference, exact: true })
    .dragTo(inspector.getByRole("group", { name: `Field ${field}` }));
  await expect(inspector.getByRole("group", { name: `Field ${field}` })).toHaveAttribute(
    "aria-invalid",
    "false",
  );
};

const problems = (page: Page) =>
  page
    .getByRole("toolbar", { name: "Canvas tools" })
    .getByRole("button", { name: /^(No problems|Problems:)/ });

const draftSaved = (page: Page) => page.getByRole("status").filter({ hasText: "Draft saved" });

const publish = async (page: Page, note: string, version: number) => {
  const popover = page.getByRole("dialog", { name: "Publish" });
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(popover.getByRole("heading", { name: "Publish a new version" })).toBeVisible();
  await popover.getByLabel("Note").fill(note);
  await popover.getByRole("button", { name: "Publish version" }).click();
  await expect(popover.getByRole("status")).toContainText(`Published version ${version}`);
  await page.keyboard.press("Escape");
  await expect(popover).toHaveCount(0);
};

/** Starts a run of the latest version from the designer's Run form; opens its monitor. */
const runFromDesigner = async (page: Page, customerId: string, quantity: number) => {
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const form = page.getByRole("dialog", { name: "Start a run" });
  await expect(form.getByRole("heading", { name: "Start a run of version 2" })).toBeVisible();
  await form.getByLabel(/^customerId/).fill(customerId);
  await form.getByLabel(/^quantity/).fill(String(quantity));
  await form.getByRole("button", { name: "Start run" }).click();
  await form
    .getByRole("status", { name: "Run status" })
    .getByRole("link", { name: "Open monitor" })
    .click();
  await expect(page).toHaveURL(/\/runs\/[0-9a-f-]+$/);
};

const runStatus = (page: Page) => page.getByRole("status", { name: "Run status" });
const runStep = (page: Page, label: string) =>
  page.getByRole("article", { name: new RegExp(`^Step ${label}:`) });

test.use({ viewport: { width: 1440, height: 900 } });

test("a newcomer builds, publishes twice, runs, approves, reworks and re-imports a scenario around their own OpenAPI service", async ({
  page,
}) => {
  test.setTimeout(150_000);

  // 1. Their service, added as a connection: its three operations become functions.
  await page.goto("/catalog");
  // signed in as the first administrator, who holds every role
  await expect(page.getByText(ADMIN.name)).toBeVisible();
  await expect(page.getByText("admin, designer, operator, approver")).toBeAttached();
  await page.getByRole("button", { name: "Add connection" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a connection" });
  await dialog.getByLabel("Provider").selectOption("http");
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("sales");
  await dialog
    .getByRole("textbox", { name: "OpenAPI document", exact: true })
    .fill(`${url}/openapi.json`);
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await expect(dialog).toBeHidden();
  const refreshed = page.getByRole("region", { name: "Refresh of sales" });
  for (const fn of ["priceQuote", "checkCredit", "issueInvoice"]) {
    await expect(refreshed).toContainText(`sales/${fn}`);
  }

  // 2. A new scenario, built by dragging from the palette and wiring on the canvas.
  await page.goto("/scenarios");
  await page.getByRole("button", { name: "New scenario" }).click();
  const create = page.getByRole("dialog", { name: "New scenario" });
  await create.getByLabel("Name").fill("Quote to invoice");
  await create.getByRole("button", { name: "Create and open" }).click();
  await expect(page).toHaveURL(/\/scenarios\/quote-to-invoice$/);
  await expect(stepNode(page, "Start", "Start")).toBeVisible();
  await page.getByRole("group", { name: "Edge from start to end" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Delete");
  await expect(edge(page, "start", "end")).toHaveCount(0);

  // on the left of the canvas, where the inspector that opens on each drop leaves them be
  await dropFromPalette(page, "priceQuote", 0.25, 0.2);
  await dropFromPalette(page, "checkCredit", 0.5, 0.2);
  await dropFromPalette(page, "Choice", 0.12, 0.82);
  await dropFromPalette(page, "Approval", 0.36, 0.82);
  await dropFromPalette(page, "issueInvoice", 0.6, 0.82);
  const quote = stepNode(page, "Function", "Price quote");
  await expect(quote).toBeVisible();
  await expect(stepNode(page, "Function", "Check credit")).toBeVisible();
  await expect(stepNode(page, "Function", "Issue invoice")).toBeVisible();

  // The scenario takes what a quote takes: typed fields, flat.
  await select(page, "Start", "Start");
  await inspectorOf(page)
    .getByLabel("Add the input fields of a step")
    .selectOption({ label: "priceQuote" });
  await expect(inspectorOf(page).getByText("customerId")).toBeVisible();

  // The choice sends large quotes to a person.
  await select(page, "Choice", "Choice");
  const choice = inspectorOf(page);
  await choice.getByLabel("Step name").fill("Large quote?");
  await choice.getByLabel("Rule 1 branch").fill("review");
  await choice.getByLabel("Rule 1 branch").press("Tab");
  await choice.getByLabel("Otherwise (default branch)").fill("auto");
  await choice.getByLabel("Otherwise (default branch)").press("Tab");
  await select(page, "Approval", "Approval");
  await inspectorOf(page).getByLabel("Title").fill("Approve a large quote");

  await deselect(page);
  await page.getByRole("button", { name: "Fit view" }).click();
  await connect(page, "Start next", "Price quote input");
  await connect(page, "Price quote next", "Check credit input");
  await connect(page, "Check credit next", "Large quote? input");
  await connect(page, "Large quote? branch review", "Approval input");
  await connect(page, "Large quote? branch auto", "Issue invoice input");
  await connect(page, "Approval next", "Issue invoice input");
  await connect(page, "Issue invoice next", "End input");
  await expect(edge(page, "choice", "approval")).toBeVisible();
  await expect(edge(page, "issueInvoice", "end")).toBeVisible();

  // Fields mapped from Available data: the start's flat input, the quote's typed output.
  await select(page, "Function", "Price quote");
  await mapByDrag(page, "input.customerId", "customerId");
  await mapByDrag(page, "input.quantity", "quantity");
  await select(page, "Function", "Check credit");
  await mapByDrag(page, "input.customerId", "customerId");
  const data = inspectorOf(page).getByRole("list", { name: "Available data" });
  await data.getByRole("button", { name: "Expand steps.priceQuote.output.total" }).click();
  await expect(
    data.getByRole("button", { name: "steps.priceQuote.output.total.amountCents" }),
  ).toContainText("integer");
  await mapByDrag(page, "steps.priceQuote.output.total.amountCents", "amountCents");
  await select(page, "Function", "Issue invoice");
  await mapByDrag(page, "steps.priceQuote.output.id", "quoteId");
  await mapByDrag(page, "steps.priceQuote.output.total", "total");
  // what the approver checks: with nothing mapped they would see no data at all
  await select(page, "Approval", "Approval");
  const approval = inspectorOf(page);
  await approval.getByRole("button", { name: "Shown to the person" }).click();
  await expect(approval.getByText("Nothing mapped: the person sees no data.")).toBeVisible();
  for (const [field, reference] of [
    ["customer", "input.customerId"],
    ["total", "steps.priceQuote.output.total"],
  ] as const) {
    await approval.getByRole("textbox", { name: "New input field" }).fill(field);
    await approval.getByRole("button", { name: "Add", exact: true }).click();
    await mapByDrag(page, reference, field);
  }
  await select(page, "Choice", "Large quote?");
  const rule = inspectorOf(page).getByRole("group", { name: "Rule 1" });
  await rule.getByRole("combobox", { name: "Rule 1 reference" }).fill("priceQuote.output.total.am");
  await page.getByRole("option", { name: /steps\.priceQuote\.output\.total\.amountCents/ }).click();
  await rule.getByLabel("Rule 1 operator").selectOption("gte");
  await rule.getByLabel("Rule 1 value").fill("10000");

  await page.getByRole("button", { name: "Auto-layout" }).click();
  await deselect(page);
  await expect(problems(page)).toHaveAccessibleName("No problems");
  await expect(draftSaved(page)).toBeVisible();
  await screenshots(page, "1-canvas-built");

  // 3. Tried as a draft, before any version exists: a test run of a small quote goes the
  //    automatic way through the real service and is kept apart from real runs.
  await page.getByRole("button", { name: "Test run", exact: true }).click();
  const trial = page.getByRole("dialog", { name: "Test run" });
  await trial.getByLabel(/^customerId/).fill("c-42");
  await trial.getByLabel(/^quantity/).fill("1");
  await trial.getByRole("button", { name: "Start test run" }).click();
  const tried = trial.getByRole("status", { name: "Test run status" });
  await expect(tried).toContainText("succeeded", { timeout: 20_000 });
  await tried.getByRole("link", { name: "Open monitor" }).click();
  await expect(page.getByText("Test run", { exact: true })).toBeVisible();
  await expect(runStatus(page)).toHaveText("succeeded");
  await expect(runStep(page, "Issue invoice")).toHaveAttribute("data-state", "succeeded");
  await expect(runStep(page, "Approval")).toHaveAttribute("data-state", "skipped");
  await page.goto("/scenarios/quote-to-invoice");
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeEnabled();

  // 4. Published, then edited and published again without reloading: version 2 retries
  //    the credit check when the bureau answers HTTP 500.
  await publish(page, "Quote, credit check, approval, invoice", 1);
  await select(page, "Function", "Check credit");
  const inspector = inspectorOf(page);
  await inspector.getByRole("button", { name: "Retry and timeout" }).click();
  await inspector.getByLabel("Attempts").fill("2");
  await inspector.getByLabel("First wait (ms)").fill("200");
  await inspector
    .getByRole("group", { name: "Retry on" })
    .getByRole("textbox", { name: "HTTP statuses" })
    .fill("500");
  await expect(draftSaved(page)).toBeVisible();
  await publish(page, "Retry the credit check on HTTP 500", 2);

  // 5. A large quote waits for a person; the first administrator approves it from the inbox.
  await runFromDesigner(page, "c-42", 5);
  await expect(runStatus(page)).toHaveText("waiting");
  await expect(runStep(page, "Approval")).toHaveAttribute("data-state", "waiting");
  const runUrl = page.url();
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: /Tasks/ }).click();
  await page
    .getByRole("table", { name: "Open tasks" })
    .getByRole("link", { name: "Approve a large quote" })
    .click();
  await expect(page.getByRole("heading", { name: "Approve a large quote" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Task input", exact: true })).toContainText("c-42");
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByRole("region", { name: "Decision" })).toContainText(`by ${ADMIN.name}`);
  await page.getByRole("link", { name: "Open run" }).click();
  await expect(page).toHaveURL((address) => address.href.startsWith(runUrl));
  await expect(runStatus(page)).toHaveText("succeeded");
  await expect(runStep(page, "Issue invoice")).toHaveAttribute("data-state", "succeeded");
  await screenshots(page, "2-approved-run");

  // 6. The bureau fails for one customer: the 500 is retried, then the run fails and says so.
  await page.goto("/scenarios/quote-to-invoice");
  await runFromDesigner(page, UNLUCKY, 1);
  await expect(runStatus(page)).toHaveText("failed");
  await runStep(page, "Check credit").click();
  const panel = page.getByRole("complementary", { name: "Step Check credit" });
  const attempts = panel.getByRole("table", { name: "Attempts" }).getByRole("row");
  await expect(attempts).toHaveCount(3);
  await expect(attempts.nth(1)).toContainText("HTTP 500");
  await expect(attempts.nth(1)).toContainText("retried");
  await expect(attempts.nth(2)).toContainText("HTTP 500");
  await expect(panel.getByRole("region", { name: "Step error" })).toContainText(
    "The credit bureau did not answer",
  );
  await screenshots(page, "3-failed-attempts");

  // 7. Reworked: restarted from the failed step with the customer corrected.
  await panel.getByRole("button", { name: "Restart from here" }).click();
  const restart = page.getByRole("dialog", { name: /Restart from .Check credit/ });
  await restart.getByRole("checkbox", { name: /Edit the step's input/ }).check();
  const editor = restart.getByRole("textbox", { name: "Input" });
  await expect(editor).toHaveValue(new RegExp(UNLUCKY));
  await editor.fill('{ "customerId": "c-42", "amountCents": 2500 }');
  await expect(restart.getByText("Matches the input schema")).toBeVisible();
  await restart.getByRole("button", { name: "Restart" }).click();
  await expect(restart).toBeHidden();
  await expect(runStatus(page)).toHaveText("succeeded");
  await expect(runStep(page, "Issue invoice")).toHaveAttribute("data-state", "succeeded");
  await expect(panel.getByRole("list", { name: "Runs of this step" })).toContainText("superseded");
  await screenshots(page, "4-reworked-run");

  // 8. Exported from the designer, imported again under a new name.
  await page.goto("/scenarios/quote-to-invoice");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const exported = await download;
  const file = test.info().outputPath(exported.suggestedFilename());
  await exported.saveAs(file);
  await page.goto("/scenarios");
  await page.getByLabel("Scenario file", { exact: true }).setInputFiles(file);
  const importing = page.getByRole("dialog", { name: "Import quote-to-invoice.json" });
  await expect(importing).toContainText("A scenario with the slug quote-to-invoice already exists");
  await importing.getByLabel("Name").fill("Quote to invoice for resellers");
  await expect(importing.getByLabel("Slug")).toHaveValue("quote-to-invoice-for-resellers");
  await screenshots(page, "5-import-dialog");
  await importing.getByRole("button", { name: "Import as a new scenario" }).click();
  await expect(page).toHaveURL(/\/scenarios\/quote-to-invoice-for-resellers$/);
  await expect(page.getByLabel("Scenario name")).toHaveValue("Quote to invoice for resellers");
  await expect(stepNode(page, "Choice", "Large quote?")).toBeVisible();
  await expect(problems(page)).toHaveAccessibleName("No problems");
});
