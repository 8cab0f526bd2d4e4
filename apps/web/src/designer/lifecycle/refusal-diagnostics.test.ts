import { describe, expect, it } from "vitest";
import { refusalDiagnostics } from "./refusal-diagnostics.ts";

describe("refusalDiagnostics", () => {
  it("reads the diagnostics of a refused publish", () => {
    const diagnostic = { severity: "error", code: "missing-input", message: "x", nodeId: "a" };
    const error = { data: { details: { diagnostics: [diagnostic, { nonsense: true }] } } };
    expect(refusalDiagnostics(error)).toEqual([diagnostic]);
  });

  it("finds none in other errors", () => {
    expect(refusalDiagnostics(new Error("network"))).toEqual([]);
    expect(refusalDiagnostics({ data: { details: undefined } })).toEqual([]);
  });
});
