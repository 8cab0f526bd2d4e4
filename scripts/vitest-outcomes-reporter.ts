import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Reporter, TestModule } from "vitest/node";
import type { TTestOutcome } from "./test-outcomes.ts";

/**
 * Writes every test's outcome, by name, to VITEST_OUTCOMES_FILE for `npm test`'s summary:
 * Vitest's JSON report tells neither which tests passed only on a retry nor, in its
 * counts, the skipped ones apart from those still pending.
 */
export default class OutcomesReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const file = process.env.VITEST_OUTCOMES_FILE;
    if (!file) return;
    const outcomes: TTestOutcome[] = modules.flatMap((module) =>
      [...module.children.allTests()].map((test) => {
        const state = test.result().state;
        return {
          name: `${path.relative(process.cwd(), module.moduleId)} › ${test.fullName}`,
          state: state === "pending" ? "failed" : state,
          flaky: test.diagnostic()?.flaky ?? false,
        };
      }),
    );
    writeFileSync(file, JSON.stringify(outcomes));
  }
}
