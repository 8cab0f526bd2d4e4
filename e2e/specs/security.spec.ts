import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { largeOrderInput } from "../../examples/inputs.ts";

test.use({ viewport: { width: 1440, height: 900 } });

/**
 * Every Content-Security-Policy violation a page of the context reports, from its first
 * script on: the browser's own console errors and the `securitypolicyviolation` events.
 */
const watchViolations = async (context: BrowserContext) => {
  const violations: string[] = [];
  // runs in the page, before its own scripts
  await context.addInitScript({
    content: `document.addEventListener("securitypolicyviolation", (event) => {
      console.error("CSP violation: " + event.effectiveDirective + " blocked " +
        (event.blockedURI || "inline") + " (" + event.sourceFile + ":" + event.lineNumber + ")");
    });`,
  });
  const watch = (page: Page) =>
    page.on("console", (message) => {
      if (/CSP violation|Content Security Policy/i.test(message.text())) {
        violations.push(`${page.url()}: ${message.text()}`);
      }
    });
  context.on("page", watch);
  for (const page of context.pages()) watch(page);
  return violations;
};

/** The id of the open task of a run, once the run has come to it. */
const openTaskOf = async (page: Page, runId: string): Promise<string> => {
  let id: string | undefined;
  await expect
    .poll(async () => {
      const input = encodeURIComponent(JSON.stringify({ status: "open" }));
      const open = await page.request.get(`/trpc/tasks.list?input=${input}`);
      const { items } = (await open.json()).result.data as {
        items: { id: string; run: { id: string } }[];
      };
      id = items.find((task) => task.run.id === runId)?.id;
      return id;
    })
    .toBeDefined();
  return id!;
};

const heading = (page: Page, name: string | RegExp) =>
  expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();

test.describe("Content-Security-Policy", () => {
  test("the sign-in page runs under it without a violation", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const violations = await watchViolations(context);
    const page = await context.newPage();
    const response = await page.goto("/");
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' /);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.getByLabel("Email").fill("nobody@example.com");
    await page.getByLabel("Password").fill("a wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    expect(violations).toEqual([]);
    await context.close();
  });

  test("every page of the app runs under it without a violation", async ({
    page,
    context,
    request,
  }) => {
    const violations = await watchViolations(context);
    const started = await request.post("/hooks/order", { data: largeOrderInput() });
    expect(started.status()).toBe(202);
    const { runId } = (await started.json()) as { runId: string };

    const response = await page.goto("/catalog");
    expect(response?.headers()["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
    await heading(page, "Catalog");
    await page.getByRole("table", { name: "Functions" }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Catalog");
    await page.goto("/scenarios");
    await heading(page, "Scenarios");
    await page.goto("/scenarios/order");
    await expect(page.getByRole("article", { name: /^Start step / })).toBeVisible();
    await page.goto(`/runs/${runId}`);
    await expect(page.getByRole("status", { name: "Run status" })).toBeVisible();
    await page.goto("/runs");
    await heading(page, "Runs");
    await page.goto("/tasks");
    await heading(page, "Tasks");
    await page.goto("/users");
    await heading(page, "Users");
    await page.goto("/audit");
    await heading(page, /Audit/);

    // a task's form checks its input with Ajv in the browser (the administrator is an approver)
    await page.goto(`/tasks/${await openTaskOf(page, runId)}`);
    await page.getByLabel(/note/i).fill("x".repeat(501));
    await page.getByRole("button", { name: "Approve" }).click();
    await page.getByLabel(/note/i).fill("Fine");
    await page.getByRole("button", { name: "Approve" }).click();
    await expect(page.getByRole("status", { name: "Task status" })).toHaveText("approved");
    await page.goto(`/runs/${runId}`);
    await expect(page.getByRole("status", { name: "Run status" })).toHaveText(/succeeded/i);

    expect(violations).toEqual([]);
  });
});
