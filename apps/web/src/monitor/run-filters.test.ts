import { describe, expect, it } from "vitest";
import { readRunFilters, runListInput, runScopeInput, writeRunFilters } from "./run-filters.ts";

describe("run filters", () => {
  it("round-trips through the address and ignores unknown values", () => {
    const filters = { status: "failed" as const, scenarioId: "s-1", range: "24h" as const };
    expect(readRunFilters(writeRunFilters(filters))).toEqual(filters);
    expect(readRunFilters(new URLSearchParams("status=bogus&range=1y"))).toEqual({
      status: undefined,
      scenarioId: undefined,
      range: "all",
    });
  });

  it("keeps test runs apart: asked for only on the test runs tab", () => {
    const now = Date.parse("2026-11-21T10:30:45.123Z");
    const tests = readRunFilters(new URLSearchParams("kind=test&scenario=x"));
    expect(tests).toEqual({ status: undefined, scenarioId: "x", range: "all", test: true });
    expect(writeRunFilters(tests).get("kind")).toBe("test");
    expect(runScopeInput(tests, now)).toEqual({ test: true, scenarioId: "x" });
    expect(runScopeInput(readRunFilters(new URLSearchParams("scenario=x")), now)).toEqual({
      scenarioId: "x",
    });
  });

  it("asks for runs since the start of the range, rounded to the minute", () => {
    const now = Date.parse("2026-11-21T10:30:45.123Z");
    expect(runListInput({ status: undefined, scenarioId: undefined, range: "1h" }, now)).toEqual({
      limit: 50,
      since: new Date("2026-11-21T09:30:00.000Z"),
    });
    expect(runListInput({ status: "running", scenarioId: "x", range: "all" }, now)).toEqual({
      limit: 50,
      status: "running",
      scenarioId: "x",
    });
  });

  it("scopes the counts by scenario and time but not by status", () => {
    const now = Date.parse("2026-11-21T10:30:45.123Z");
    expect(runScopeInput({ status: "failed", scenarioId: "x", range: "1h" }, now)).toEqual({
      scenarioId: "x",
      since: new Date("2026-11-21T09:30:00.000Z"),
    });
  });
});
