import { readdir, readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { TCatalog } from "../src/catalog.ts";
import { checkScenario } from "../src/check/check-scenario.ts";
import type { TDiagnostic } from "../src/check/diagnostic.ts";
import type { TEdge, TFunctionNode, TManualNode, TNode, TScenario } from "../src/scenario.ts";

const examples = new URL("../../../examples/", import.meta.url);

/** The demo functions as a catalog, the way local discovery sees them. */
const loadCatalog = async (): Promise<TCatalog> => {
  const catalog: Record<string, TCatalog[string]> = {};
  for (const file of (await readdir(new URL("functions/", examples))).filter((f) =>
    f.endsWith(".ts"),
  )) {
    const name = file.slice(0, -3);
    const module = (await import(new URL(`functions/${file}`, examples).href)) as {
      input: TCatalog[string]["inputSchema"];
      output: TCatalog[string]["outputSchema"];
    };
    catalog[`examples/${name}`] = {
      ref: `examples/${name}`,
      name,
      inputSchema: module.input,
      outputSchema: module.output,
    };
  }
  return catalog;
};

const loadScenario = async (name: string): Promise<TScenario> =>
  JSON.parse(await readFile(new URL(`scenarios/${name}.json`, examples), "utf8")) as TScenario;

const node = <T extends TNode>(scenario: TScenario, id: string): T =>
  scenario.nodes.find((n) => n.id === id) as T;

const summary = (diagnostics: readonly TDiagnostic[]) =>
  diagnostics.map(({ severity, code, nodeId, edgeId, path, message }) => ({
    severity,
    code,
    at: nodeId ?? edgeId,
    ...(path ? { path } : {}),
    message,
  }));

let catalog: TCatalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

describe("examples/scenarios/signup.json", () => {
  it("checks clean against the example functions", async () => {
    expect(checkScenario(await loadScenario("signup"), catalog)).toEqual([]);
  });

  it("reports exactly what a broken copy gets wrong", async () => {
    const broken = structuredClone(await loadScenario("signup"));
    // ValidateEmail takes at most 254 characters; CreateUser's email has no limit.
    node<TFunctionNode>(broken, "validateEmail").input = {
      email: { ref: "steps.createUser.output.email" },
    };
    // A typo in the function ref.
    node<TFunctionNode>(broken, "notifyWebhook").function = "examples/NotifyWebhok";
    // Without the edge into the join, Store user data can no longer read Validate contacts.
    broken.edges = broken.edges.filter((edge: TEdge) => edge.id !== "e5");
    expect(summary(checkScenario(broken, catalog))).toEqual([
      {
        severity: "warning",
        code: "dead-end",
        at: "validateContacts",
        message: 'When "Validate contacts" succeeds, the run goes nowhere from it.',
      },
      {
        severity: "error",
        code: "type-mismatch",
        at: "validateEmail",
        path: "input.email",
        message:
          "input.email: Validate email needs a string (format email, at most 254 characters); Create user.output.email can be longer than 254 characters",
      },
      {
        severity: "error",
        code: "not-ancestor",
        at: "storeUserData",
        path: "input.emailVerified",
        message:
          'steps.validateContacts.output (read by an expression): "Validate contacts" runs on a parallel branch, not before "Store user data", so its output may not exist yet.',
      },
      {
        severity: "error",
        code: "unknown-function",
        at: "notifyWebhook",
        message: '"Notify webhook" calls examples/NotifyWebhok, which is not in the catalog.',
      },
      {
        severity: "error",
        code: "not-ancestor",
        at: "notifyWebhook",
        path: "input.payload.contactIssues",
        message:
          'steps.validateContacts.output.issues: "Validate contacts" runs on a parallel branch, not before "Notify webhook", so its output may not exist yet.',
      },
    ]);
  });
});

describe("examples/scenarios/order.json", () => {
  it("checks clean against the example functions", async () => {
    expect(checkScenario(await loadScenario("order"), catalog)).toEqual([]);
  });

  it("reports exactly what a broken copy gets wrong", async () => {
    const broken = structuredClone(await loadScenario("order"));
    const { default: _, ...withoutDefault } = node<TNode & { kind: "choice" }>(
      broken,
      "checkAmount",
    );
    broken.nodes = broken.nodes.map((n) => (n.id === "checkAmount" ? withoutDefault : n));
    const { reservationId: __, ...shipInput } =
      node<TFunctionNode>(broken, "shipOrder").input ?? {};
    node<TFunctionNode>(broken, "shipOrder").input = shipInput;
    node<TFunctionNode>(broken, "refundShipping").input = {
      ...node<TFunctionNode>(broken, "refundShipping").input,
      note: { ref: "steps.shipOrder.output.trackingNumber" },
    };
    node<TManualNode>(broken, "approveOrder").form = {
      type: "object",
      properties: { note: { type: "string", maxLength: -1 } },
    };
    expect(summary(checkScenario(broken, catalog))).toEqual([
      {
        severity: "error",
        code: "choice-without-default",
        at: "checkAmount",
        message:
          'The choice "Large order?" has no default branch, so a run where no rule holds would stop there.',
      },
      {
        severity: "error",
        code: "unknown-branch",
        at: "checkAmount",
        message: 'Edge e5 follows the branch "auto", which "Large order?" does not have.',
      },
      {
        severity: "error",
        code: "invalid-form",
        at: "approveOrder",
        path: "form",
        message:
          'The form of "Approve order" is not a valid JSON Schema: field "note" has maxLength -1, which must be a whole number of 0 or more.',
      },
      {
        severity: "error",
        code: "missing-input",
        at: "shipOrder",
        path: "input.reservationId",
        message: "input.reservationId: Ship order needs a value; the mapping does not provide it",
      },
      {
        severity: "error",
        code: "unavailable-output",
        at: "refundShipping",
        path: "input.note",
        message:
          'steps.shipOrder.output.trackingNumber: "Refund (not shipped)" only runs after "Ship order" failed, so there is no output to read.',
      },
    ]);
  });
});
