import { describe, expect, it } from "vitest";
import { formatDiagnostics } from "./format-diagnostics.ts";

describe("formatDiagnostics", () => {
  it("lists errors first, with place, message and fix, then a summary", () => {
    const text = formatDiagnostics([
      {
        severity: "warning",
        code: "unreachable-node",
        nodeId: "lonely",
        message: '"lonely" can never run.',
      },
      {
        severity: "error",
        code: "type-mismatch",
        nodeId: "validateEmail",
        path: "input.email",
        message:
          "input.email: Validate email needs a string (format email); Create user.output.email can be null",
        fix: "Map a value of the right type.",
      },
      {
        severity: "error",
        code: "dangling-edge",
        edgeId: "e9",
        message: "Edge e9 connects to nothing.",
      },
    ]);
    expect(text).toBe(
      [
        "error   node validateEmail [type-mismatch]",
        "  input.email: Validate email needs a string (format email); Create user.output.email can be null",
        "  fix: Map a value of the right type.",
        "error   edge e9 [dangling-edge]",
        "  Edge e9 connects to nothing.",
        "warning node lonely [unreachable-node]",
        '  "lonely" can never run.',
        "",
        "2 errors, 1 warning",
      ].join("\n"),
    );
  });

  it("says so when there is nothing to report", () => {
    expect(formatDiagnostics([])).toBe("No problems found.");
  });
});
