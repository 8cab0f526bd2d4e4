import { describe, expect, it } from "vitest";
import { credentialsToReenter } from "./credentials-to-reenter.ts";
import type { TProviderForm } from "./types.ts";

const form: TProviderForm = {
  kind: "aws-lambda",
  label: "AWS Lambda",
  description: "",
  fields: [
    { key: "regions", label: "Regions", type: "list", required: true, destination: true },
    { key: "endpoint", label: "Endpoint", type: "url", destination: true },
    { key: "namePrefix", label: "Name prefix", type: "text" },
  ],
  secretFields: [
    { key: "accessKeyId", label: "Access key ID" },
    { key: "secretAccessKey", label: "Secret access key" },
  ],
};
const stored = { regions: "eu-west-1, us-east-1", endpoint: "http://127.0.0.1:3002" };
const setKeys = ["accessKeyId", "secretAccessKey"];

describe("credentialsToReenter", () => {
  it("asks for nothing while the address stays, however it is typed", () => {
    const current = { ...stored, regions: "us-east-1,eu-west-1 ", namePrefix: "orders-" };
    expect(credentialsToReenter(form, stored, current, setKeys, {})).toEqual({
      moved: [],
      keys: [],
    });
  });

  it("asks for every stored credential once an address changes", () => {
    const current = { ...stored, endpoint: "https://evil.example" };
    expect(credentialsToReenter(form, stored, current, setKeys, {})).toEqual({
      moved: ["Endpoint"],
      keys: ["accessKeyId", "secretAccessKey"],
    });
    const cleared = { regions: stored.regions };
    expect(credentialsToReenter(form, stored, cleared, setKeys, {}).moved).toEqual(["Endpoint"]);
  });

  it("is satisfied by credentials typed again or removed", () => {
    const current = { ...stored, regions: "eu-west-1" };
    const edits = {
      accessKeyId: { value: "AKIA-NEW", remove: false },
      secretAccessKey: { value: "  ", remove: false },
    };
    expect(credentialsToReenter(form, stored, current, setKeys, edits).keys).toEqual([
      "secretAccessKey",
    ]);
    const removed = { ...edits, secretAccessKey: { value: "", remove: true } };
    expect(credentialsToReenter(form, stored, current, setKeys, removed).keys).toEqual([]);
  });
});
