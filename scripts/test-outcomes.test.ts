import { describe, expect, it } from "vitest";
import { playwrightOutcomes, tally } from "./test-outcomes.ts";

describe("test outcomes for the summary of npm test", () => {
  it("names skipped, failed and flaky tests, counting a flaky one as passed", () => {
    expect(
      tally([
        { name: "a", state: "passed", flaky: false },
        { name: "b", state: "passed", flaky: true },
        { name: "c", state: "skipped", flaky: false },
        { name: "d", state: "failed", flaky: false },
      ]),
    ).toEqual({ passed: 2, failed: ["d"], skipped: ["c"], flaky: ["b"] });
  });

  it("reads Playwright's report, nested suites included", () => {
    const spec = (title: string, status: "expected" | "unexpected" | "flaky" | "skipped") => ({
      title,
      file: "specs/runs.spec.ts",
      tests: [{ projectName: "app", status }],
    });
    const report = {
      suites: [
        {
          title: "specs/runs.spec.ts",
          file: "specs/runs.spec.ts",
          specs: [spec("starts a run", "expected"), spec("retried", "flaky")],
          suites: [
            {
              title: "monitor",
              file: "specs/runs.spec.ts",
              specs: [spec("skipped one", "skipped"), spec("broken", "unexpected")],
            },
          ],
        },
      ],
    };
    expect(playwrightOutcomes(report)).toEqual({
      passed: 2,
      failed: ["specs/runs.spec.ts › monitor › broken [app]"],
      skipped: ["specs/runs.spec.ts › monitor › skipped one [app]"],
      flaky: ["specs/runs.spec.ts › retried [app]"],
    });
  });
});
