import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { inspectorOf, stepNode } from "../support/designer.ts";
import { screenshot } from "../support/screenshot.ts";

// A quote service of the newcomer's own: an OpenAPI document whose schemas live in
// `components` and are used through `$ref` and `allOf`, and whose first two attempts of
// every call answer HTTP 500 (the attempt is the last part of the idempotency key).
const SLUG = "e2e-quote-retries";

const openapi = (url: string) => ({
  openapi: "3.0.3",
  info: { title: "Quotes", version: "1.0.0" },
  servers: [{ url }],
  paths: {
    "/quotes": {
      post: {
        operationId: "createQuote",
        summary: "Price a basket for a customer",
        parameters: [
          { name: "currency", in: "query", schema: { $ref: "#/components/schemas/Currency" } },
        ],
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { $ref: "#/components/schemas/QuoteRequest" } },
          },
        },
        responses: {
          "201": {
            description: "The quote",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Quote" } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Currency: { type: "string", enum: ["EUR", "USD"] },
      Money: {
        type: "object",
        required: ["amountCents", "currency"],
        properties: {
          amountCents: { type: "integer", minimum: 0 },
          currency: { $ref: "#/components/schemas/Currency" },
        },
      },
      QuoteLine: {
        type: "object",
        required: ["sku", "quantity"],
        properties: { sku: { type: "string" }, quantity: { type: "integer", minimum: 1 } },
      },
      QuoteRequest: {
        type: "object",
        required: ["customerId", "lines"],
        properties: {
          customerId: { type: "string" },
          lines: { type: "array", items: { $ref: "#/components/schemas/QuoteLine" } },
        },
      },
      Quote: {
        allOf: [
          { $ref: "#/components/schemas/QuoteRequest" },
          {
            type: "object",
            required: ["id", "total"],
            properties: {
              id: { type: "string", format: "uuid" },
              total: { $ref: "#/components/schemas/Money" },
            },
          },
        ],
      },
    },
  },
});

const scenario = {
  format: "baton.scenario/v1",
  slug: SLUG,
  name: "Quote with retries",
  nodes: [
    {
      id: "start",
      kind: "start",
      label: "Start",
      position: { x: 0, y: 80 },
      inputSchema: {
        type: "object",
        properties: { customerId: { type: "string", minLength: 1 } },
        required: ["customerId"],
      },
    },
    {
      id: "quote",
      kind: "function",
      label: "Quote",
      position: { x: 320, y: 40 },
      function: "quotes/createQuote",
      input: {
        customerId: { ref: "input.customerId" },
        lines: { literal: [{ sku: "MUG-001", quantity: 2 }] },
      },
      retry: { maxAttempts: 3, initialIntervalMs: 200, jitter: false },
    },
    {
      id: "end",
      kind: "end",
      label: "End",
      position: { x: 640, y: 80 },
      output: { total: { ref: "steps.quote.output.total.amountCents" } },
    },
  ],
  edges: [
    { id: "e1", kind: "next", source: "start", target: "quote" },
    { id: "e2", kind: "next", source: "quote", target: "end" },
  ],
};

let server: Server;
let url: string;

test.beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const send = (status: number, value: unknown) =>
        response
          .writeHead(status, { "content-type": "application/json" })
          .end(JSON.stringify(value));
      if (request.url === "/openapi.json") return send(200, openapi(url));
      const attempt = Number(String(request.headers["idempotency-key"]).split(":").at(-1));
      if (attempt <= 2) return send(500, { message: "The pricing database is warming up" });
      const { customerId, lines } = JSON.parse(body) as { customerId: string; lines: unknown[] };
      send(201, {
        id: "5f0c6f0e-8d1b-4a59-9f4e-3a6f1c2b7d10",
        customerId,
        lines,
        total: { amountCents: 4_200, currency: "EUR" },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const trpc = async (request: APIRequestContext, path: string, input: unknown) => {
  const response = await request.post(`/trpc/${path}`, { data: input });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()).result.data;
};

const draftOf = async (request: APIRequestContext) => {
  const input = encodeURIComponent(JSON.stringify({ slug: SLUG }));
  const response = await request.get(`/trpc/scenarios.get?input=${input}`);
  expect(response.ok()).toBe(true);
  return (await response.json()).result.data as {
    id: string;
    draftUpdatedAt: string;
    draft: typeof scenario;
  };
};

/** Both widths a newcomer may use: screenshots of the page at 1440 and 1024 px. */
const screenshots = async (page: Page, name: string) => {
  for (const width of [1440, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
};

test.use({ viewport: { width: 1440, height: 900 } });

test("an OpenAPI service with $ref components: typed fields, flat input, a 500 retried and shown", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);

  // The connection, added as a person would: its one operation is a function.
  await page.goto("/catalog");
  await page.getByRole("button", { name: "Add connection" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a connection" });
  await dialog.getByLabel("Provider").selectOption("http");
  await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("quotes");
  await dialog
    .getByRole("textbox", { name: "OpenAPI document", exact: true })
    .fill(`${url}/openapi.json`);
  await dialog.getByRole("button", { name: "Add", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("region", { name: "Refresh of quotes" })).toContainText(
    "quotes/createQuote",
  );

  // Its input is flat: the query parameter beside the body's fields, the older form noted.
  await page
    .getByRole("table", { name: "Functions" })
    .getByRole("link", { name: "createQuote" })
    .click();
  const inputType = page.getByRole("region", { name: "Input type" });
  await expect(inputType).toContainText("customerId");
  await expect(inputType).toContainText("currency");
  await expect(inputType).toContainText('also accepts: Older form with the body under "body"');
  await expect(page.getByRole("region", { name: "Output type" })).toContainText("amountCents");
  await screenshots(page, "openapi-function");

  await trpc(request, "scenarios.import", { json: JSON.stringify(scenario) });
  await page.goto(`/scenarios/${SLUG}`);

  // The end sees the quote's output field by field, typed through its components.
  await stepNode(page, "End", "End").click();
  const data = inspectorOf(page).getByRole("list", { name: "Available data" });
  await data.getByRole("button", { name: "Expand steps.quote.output.total" }).click();
  await expect(data.getByRole("button", { name: "steps.quote.output.id" })).toContainText(
    "string (uuid)",
  );
  await expect(
    data.getByRole("button", { name: "steps.quote.output.total.amountCents" }),
  ).toContainText("integer");
  await expect(
    data.getByRole("button", { name: "steps.quote.output.total.currency" }),
  ).toContainText('"EUR" | "USD"');
  // and so does autocomplete
  const reference = inspectorOf(page).getByRole("combobox", { name: "output.total reference" });
  await reference.fill("quote.output.total.");
  const option = page.getByRole("option", { name: /steps\.quote\.output\.total\.amountCents/ });
  await expect(option).toContainText("integer");
  await screenshots(page, "openapi-available-data");
  await option.click();
  await expect(reference).toHaveValue("steps.quote.output.total.amountCents");

  // The quote step maps the flat fields; its retry policy adds HTTP 500.
  await stepNode(page, "Function", "Quote").click();
  const inspector = inspectorOf(page);
  await expect(inspector.getByRole("group", { name: "Field customerId" })).toBeVisible();
  await expect(inspector.getByRole("group", { name: "Field lines" })).toBeVisible();
  await expect(inspector.getByRole("group", { name: "Field body" })).toHaveCount(0);
  await inspector.getByRole("button", { name: "Retry and timeout" }).click();
  const retryOn = inspector.getByRole("group", { name: "Retry on" });
  await expect(retryOn.getByRole("checkbox", { name: "Timeout" })).toBeChecked();
  await expect(retryOn.getByRole("checkbox", { name: "Function error" })).not.toBeChecked();
  const statuses = retryOn.getByRole("textbox", { name: "HTTP statuses" });
  await statuses.fill("5xx");
  await expect(retryOn.getByRole("alert")).toContainText("5xx is not an HTTP status");
  await statuses.fill("500");
  await expect(retryOn.getByRole("alert")).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Draft saved" })).toBeVisible();
  await retryOn.evaluate((element) => element.scrollIntoView({ block: "center" }));
  await screenshots(page, "openapi-retry-policy");
  await expect
    .poll(async () => (await draftOf(request)).draft.nodes[1])
    .toMatchObject({ retry: { retryOn: ["timeout", "throttled", "unavailable", 500] } });

  const saved = await draftOf(request);
  await trpc(request, "scenarios.publish", {
    id: saved.id,
    draftUpdatedAt: saved.draftUpdatedAt,
  });
  const started = await request.post(`/hooks/${SLUG}?wait=30`, {
    data: { customerId: "c-42" },
  });
  const run = await started.json();
  expect(run).toMatchObject({ status: "succeeded", output: { total: 4_200 } });

  // The monitor shows each failed attempt's HTTP status and classification.
  await page.goto(`/runs/${run.runId}`);
  await expect(page.getByRole("status", { name: "Run status" })).toHaveText("succeeded");
  await page.getByRole("article", { name: /^Step Quote:/ }).click();
  const attempts = page
    .getByRole("complementary", { name: "Step Quote" })
    .getByRole("table", { name: "Attempts" });
  const rows = attempts.getByRole("row");
  await expect(rows).toHaveCount(4);
  for (const row of [rows.nth(1), rows.nth(2)]) {
    await expect(row).toContainText("HTTP 500");
    await expect(row).toContainText("function_error");
    await expect(row).toContainText("retried");
    await expect(row).toContainText("The pricing database is warming up");
  }
  await expect(rows.nth(3)).toContainText("succeeded");
  await screenshots(page, "openapi-retry-monitor");
});
