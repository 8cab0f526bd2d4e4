import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import type { TCatalog } from "../src/catalog.ts";
import { analyzeScenario } from "../src/check/check-scenario.ts";

const catalog: TCatalog = {
  "crm/GetUser": {
    ref: "crm/GetUser",
    name: "GetUser",
    inputSchema: { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
    outputSchema: {
      type: "object",
      properties: {
        name: { type: "string" },
        email: { type: "string", format: "email" },
        tier: { enum: ["gold", "silver"] },
      },
      required: ["name", "email", "tier"],
    },
  },
  "mail/Send": {
    ref: "mail/Send",
    name: "Send",
    inputSchema: {
      type: "object",
      properties: { to: { type: "string", format: "email" }, subject: { type: "string" } },
      required: ["to", "subject"],
      additionalProperties: false,
    },
    outputSchema: { type: "object", properties: { sent: { type: "boolean" } }, required: ["sent"] },
  },
};

it("the full example in the README checks clean, with the output it describes", async () => {
  const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
  const section = readme.slice(readme.indexOf("### A full example"));
  const json = section.slice(
    section.indexOf("```json") + 7,
    section.indexOf("```", section.indexOf("```json") + 7),
  );
  const analysis = analyzeScenario(JSON.parse(json), catalog);
  expect(analysis.diagnostics).toEqual([]);
  expect(analysis.outputSchema("end")).toEqual({
    type: "object",
    properties: { sent: { type: "boolean" }, called: { enum: ["approved", "rejected"] } },
    required: ["sent"],
    additionalProperties: false,
  });
});
