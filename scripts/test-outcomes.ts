import { readFile } from "node:fs/promises";

/** One test as the summary of `npm test` sees it; `flaky` when it passed only on a retry. */
export type TTestOutcome = { name: string; state: "passed" | "failed" | "skipped"; flaky: boolean };

export type TOutcomes = {
  passed: number;
  failed: string[];
  skipped: string[];
  flaky: string[];
};

export const tally = (tests: readonly TTestOutcome[]): TOutcomes => ({
  passed: tests.filter((t) => t.state === "passed").length,
  failed: tests.filter((t) => t.state === "failed").map((t) => t.name),
  skipped: tests.filter((t) => t.state === "skipped").map((t) => t.name),
  flaky: tests.filter((t) => t.state === "passed" && t.flaky).map((t) => t.name),
});

/** What scripts/vitest-outcomes-reporter.ts wrote. */
export const readVitestOutcomes = async (file: string): Promise<TOutcomes> =>
  tally(JSON.parse(await readFile(file, "utf8")) as TTestOutcome[]);

type TPlaywrightSuite = {
  title: string;
  file?: string;
  suites?: TPlaywrightSuite[];
  specs?: {
    title: string;
    file: string;
    tests: { projectName: string; status: "expected" | "unexpected" | "flaky" | "skipped" }[];
  }[];
};

/** Playwright's JSON report: a test that passed on a retry has the status `flaky`. */
export const playwrightOutcomes = (report: { suites?: TPlaywrightSuite[] }): TOutcomes => {
  const tests: TTestOutcome[] = [];
  const walk = (suite: TPlaywrightSuite, titles: string[]) => {
    const inner = suite.file && suite.title === suite.file ? titles : [...titles, suite.title];
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        tests.push({
          name: `${spec.file} › ${[...inner, spec.title].join(" › ")} [${test.projectName}]`,
          state:
            test.status === "skipped"
              ? "skipped"
              : test.status === "unexpected"
                ? "failed"
                : "passed",
          flaky: test.status === "flaky",
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child, inner);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  return tally(tests);
};

export const readPlaywrightOutcomes = async (file: string): Promise<TOutcomes> =>
  playwrightOutcomes(JSON.parse(await readFile(file, "utf8")));
