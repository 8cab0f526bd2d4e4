import { defineConfig } from "vitest/config";

const ignored = ["**/node_modules/**", "**/dist/**", "e2e/**"];

// Unit tests run in parallel; integration tests touch real databases and processes,
// so they get longer timeouts. `npm test` runs both (see scripts/test.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "{apps,packages}/*/{src,test}/**/*.test.{ts,tsx}",
            "bench/**/*.test.ts",
            "scripts/**/*.test.ts",
          ],
          exclude: [...ignored, "**/*.integration.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["{apps,packages}/*/{src,test}/**/*.integration.test.ts"],
          exclude: ignored,
          globalSetup: ["test/postgres-global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two cores: databases and child processes compete, so keep files serial.
          fileParallelism: false,
        },
      },
    ],
  },
});
