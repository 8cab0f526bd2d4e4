import path from "node:path";
import { type APIRequestContext, expect, type Page } from "@playwright/test";

/** The first administrator, created through the first-start page by the setup project. */
export const ADMIN = {
  name: "Ada Admin",
  email: "ada.admin@example.com",
  password: "e2e admin password",
};

/** Where the setup project leaves the administrator's signed-in browser state. */
export const ADMIN_STATE = path.resolve(import.meta.dirname, "..", "artifacts", "admin-state.json");

/** The webhook secret the e2e server is started with (BATON_HOOK_TOKEN). */
export const HOOK_TOKEN = "e2e-webhook-token-0123456789abcdef";

export const PASSWORD = "e2e user password";

type TRole = "admin" | "designer" | "operator" | "approver" | "viewer";

/** Adds a user through the API as the signed-in administrator of `request`. */
export const addUser = async (request: APIRequestContext, name: string, roles: TRole[]) => {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@example.com`;
  const response = await request.post("/trpc/users.create", {
    data: { name, email, roles, password: PASSWORD },
  });
  expect(response.status(), await response.text()).toBe(200);
  return { name, email };
};

/** Signs in through the sign-in page, as a person would. */
export const signIn = async (page: Page, email: string, password = PASSWORD) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
};
