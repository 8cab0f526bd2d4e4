import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { screenshot } from "../support/screenshot.ts";

// A function that declares its input but not its output: the catalog infers the output
// from the call made with "try it".
const greetModule = `
export const description = "Greets someone by name";
export const tags = ["e2e", "greeting"];
export const timeoutMs = 5000;
export const memoryMb = 64;
export const input = {
  type: "object",
  properties: {
    name: { type: "string", minLength: 1, description: "Who to greet" },
    excited: { type: "boolean" },
  },
  required: ["name"],
};
export async function handler(input) {
  return { greeting: "Hello, " + input.name + (input.excited ? "!" : "."), length: input.name.length };
}
`;

let folder: string;

test.beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "baton-e2e-functions-"));
  await writeFile(path.join(folder, "Greet.mjs"), greetModule);
});

test.afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const setTheme = async (page: Page, theme: "light" | "dark") => {
  const html = page.locator("html");
  const isDark = ((await html.getAttribute("class")) ?? "").includes("dark");
  if (isDark !== (theme === "dark")) {
    await page.getByRole("button", { name: `Switch to ${theme} theme` }).click();
  }
  await expect(html).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark)/);
};

test.describe("catalog connections and functions", () => {
  test("add a local connection, test it, try its function, remove it", async ({ page }) => {
    await page.goto("/catalog");
    await expect(page.getByRole("listitem", { name: "Connection examples" })).toBeVisible();

    // add: test first (nothing saved), then add
    await page.getByRole("button", { name: "Add connection" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a connection" });
    await expect(dialog.getByLabel("Provider")).toHaveValue("local");
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("e2e-local");
    await dialog.getByRole("button", { name: "Test" }).click();
    await expect(dialog.getByRole("alert")).toContainText("Folder: required");
    await dialog.getByRole("textbox", { name: "Folder", exact: true }).fill(folder);
    await dialog.getByRole("button", { name: "Test" }).click();
    const result = dialog.getByRole("status", { name: "Test result" });
    await expect(result).toContainText("Found 1 function");
    await expect(result).toContainText("Greet");
    await screenshot(page, "catalog-connection-test-light");
    await expect(page.getByRole("listitem", { name: "Connection e2e-local" })).toHaveCount(0);
    await dialog.getByRole("button", { name: "Add", exact: true }).click();
    await expect(dialog).toBeHidden();

    const report = page.getByRole("region", { name: "Refresh of e2e-local" });
    await expect(report).toContainText("New (1)");
    await expect(report).toContainText("e2e-local/Greet");
    const card = page.getByRole("listitem", { name: "Connection e2e-local" });
    await expect(card).toContainText("1 function");
    await expect(card).toContainText("ok");

    // filter by connection, then by tag
    await page.getByRole("combobox", { name: "Connection" }).selectOption({ label: "e2e-local" });
    const table = page.getByRole("table", { name: "Functions" });
    await expect(table.getByRole("row")).toHaveCount(2);
    await expect(table).toContainText("Greet");
    await page
      .getByRole("combobox", { name: "Connection" })
      .selectOption({ label: "All connections" });
    await page.getByRole("combobox", { name: "Tag" }).selectOption("greeting");
    await expect(table.getByRole("row")).toHaveCount(2);
    await screenshot(page, "catalog-connections-light");

    // open the function
    await table.getByRole("link", { name: "Greet" }).click();
    await expect(page).toHaveURL(/\/catalog\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "Greet", level: 1 })).toBeVisible();
    const inputType = page.getByRole("region", { name: "Input type" });
    await expect(inputType).toContainText("name");
    await expect(inputType).toContainText("Who to greet");
    const outputCard = page.getByRole("region", { name: "Output", exact: true });
    await expect(outputCard).toContainText("no schema");
    await expect(page.getByRole("region", { name: "Output type" })).toContainText("Any JSON");
    await expect(page.getByRole("region", { name: "Cost hints" })).toContainText("64 MB");
    await expect(page.getByRole("region", { name: "Source" })).toContainText("e2e-local");
    await expect(page.getByRole("region", { name: "Source" })).toContainText("try it to infer");

    // try it from the form generated from the input schema
    await page.getByLabel("name", { exact: false }).first().fill("Ada");
    await page.getByRole("checkbox", { name: "excited" }).check();
    await page.getByRole("button", { name: "Run" }).click();
    const output = page.getByRole("region", { name: "Call output" });
    await expect(output).toContainText("Hello, Ada!");
    await expect(page.getByText(/took \d/)).toBeVisible();
    // the output was undeclared: now it is inferred from this call
    await expect(page.getByRole("region", { name: "Output type" })).toContainText("greeting");
    await expect(outputCard).toContainText("inferred");
    await expect(page.getByRole("region", { name: "Source" })).toContainText(
      "inferred from 1 call",
    );
    await screenshot(page, "catalog-function-light");

    // a call that breaks the input schema gets a classified error
    await page.getByRole("button", { name: "JSON" }).click();
    await page.getByRole("textbox", { name: "Input" }).fill('{ "name": 42 }');
    await page.getByRole("button", { name: "Run" }).click();
    await expect(page.getByRole("region", { name: "Call error" })).toContainText("rejected_input");

    await setTheme(page, "dark");
    await screenshot(page, "catalog-function-dark");
    await page.getByRole("button", { name: "Annotate" }).click();
    await expect(page.getByRole("dialog", { name: "Annotate Greet" })).toBeVisible();
    await screenshot(page, "catalog-annotate-dark");
    await page.getByRole("button", { name: "Cancel" }).click();

    // back to the catalog: edit shows credentials and settings, then remove
    await page.getByRole("link", { name: "Catalog" }).first().click();
    await page.getByRole("button", { name: "Edit e2e-local" }).click();
    const edit = page.getByRole("dialog", { name: "Edit connection “e2e-local”" });
    await expect(edit.getByRole("textbox", { name: "Folder", exact: true })).toHaveValue(folder);
    await screenshot(page, "catalog-connection-edit-dark");
    await edit.getByRole("button", { name: "Cancel" }).click();

    await page.getByRole("button", { name: "Remove examples" }).click();
    const refused = page.getByRole("dialog", { name: "Remove connection “examples”" });
    await expect(refused).toContainText("It stays: these scenarios use its functions");
    await screenshot(page, "catalog-remove-refused-dark");
    await refused.getByRole("button", { name: "Close" }).click();

    await page.getByRole("button", { name: "Remove e2e-local" }).click();
    const remove = page.getByRole("dialog", { name: "Remove connection “e2e-local”" });
    await expect(remove).toContainText("No scenario uses it");
    await remove.getByRole("button", { name: "Remove" }).click();
    await expect(remove).toBeHidden();
    await expect(page.getByRole("listitem", { name: "Connection e2e-local" })).toHaveCount(0);
    await expect(page.getByRole("table", { name: "Functions" })).toContainText("CreateUser");
    await screenshot(page, "catalog-list-dark");
    await setTheme(page, "light");
  });

  test("credentials are never sent back", async ({ page }) => {
    await page.goto("/catalog");
    await page.getByRole("button", { name: "Add connection" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a connection" });
    // an OpenAPI service's credentials are named after its security schemes
    await dialog.getByLabel("Provider").selectOption("http");
    await dialog.getByRole("textbox", { name: "Security scheme name" }).fill("apiKeyAuth");
    await dialog.getByRole("button", { name: "Add scheme" }).click();
    await expect(dialog.getByLabel("apiKeyAuth", { exact: true })).toHaveAttribute(
      "placeholder",
      "not set",
    );
    // and headers such as X-Api-Key are credentials too, never a plain setting
    await dialog.getByRole("textbox", { name: "Header name" }).fill("X-Api-Key");
    await dialog.getByRole("button", { name: "Add header" }).click();
    await expect(dialog.getByLabel("Header x-api-key", { exact: true })).toHaveAttribute(
      "type",
      "password",
    );
    await expect(dialog.getByRole("textbox", { name: "Headers" })).toHaveCount(0);
    await screenshot(page, "catalog-connection-http-light");
    await dialog.getByLabel("Provider").selectOption("openfaas");
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill("e2e-faas");
    await dialog.getByRole("textbox", { name: "Gateway", exact: true }).fill("http://127.0.0.1:9");
    await dialog.getByLabel("Password", { exact: true }).fill("e2e-top-secret");
    await screenshot(page, "catalog-connection-add-light");
    await dialog.getByRole("button", { name: "Add", exact: true }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "could not be refreshed" }),
    ).toBeVisible();
    const card = page.getByRole("listitem", { name: "Connection e2e-faas" });
    await expect(card).toContainText("error");
    await expect(card).toContainText("1 credential(s) set");

    const answer = await page.request.get("/trpc/catalog.connections");
    expect(await answer.text()).not.toContain("e2e-top-secret");
    await page.getByRole("button", { name: "Edit e2e-faas" }).click();
    const edit = page.getByRole("dialog", { name: "Edit connection “e2e-faas”" });
    await expect(edit.getByLabel("Password", { exact: true })).toHaveValue("");
    await expect(edit.getByLabel("Password", { exact: true })).toHaveAttribute(
      "placeholder",
      /set — type to replace/,
    );
    // a new gateway gets the password only if it is typed again
    await edit.getByRole("textbox", { name: "Gateway", exact: true }).fill("http://127.0.0.1:10");
    await expect(edit.getByRole("alert")).toContainText(
      "Gateway changed: re-enter the credentials to send them to the new address, or remove them (password).",
    );
    await expect(edit.getByRole("button", { name: "Save" })).toBeDisabled();
    await expect(edit.getByRole("button", { name: "Test" })).toBeDisabled();
    await expect(edit.getByLabel("Password", { exact: true })).toHaveAttribute(
      "placeholder",
      "re-enter for the new address, or remove",
    );
    await screenshot(page, "catalog-connection-reenter-light");
    await edit.getByLabel("Password", { exact: true }).fill("e2e-new-secret");
    await expect(edit.getByRole("alert")).toHaveCount(0);
    await expect(edit.getByRole("button", { name: "Save" })).toBeEnabled();
    await edit.getByRole("button", { name: "Cancel" }).click();
    await page.getByRole("button", { name: "Remove e2e-faas" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
    await expect(card).toHaveCount(0);
  });
});
