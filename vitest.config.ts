import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "test/**/*.test.ts",
      "test/**/*.test.tsx",
      "addin/**/*.test.ts",
      "addin/**/*.test.tsx",
      "lib/**/*.test.ts",
      "templates/**/*.test.ts",
      "adapters/**/*.test.ts",
      "journeys/**/*.test.ts",
      "cli/**/*.test.ts",
    ],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    // Two test files at a time on CI's two cores: most files wait on LibreOffice or Chromium in
    // a child process, so one worker left a core idle (18 min instead of ≈ 13). Tests wait for
    // conditions with generous timeouts, never for fixed times, so they hold under this load.
    maxWorkers: 2,
    reporters: ["default", "./test/support/summaryReporter.ts"],
    // a folder for the one task pane build the browser and release tests share (built on first use)
    globalSetup: ["./test/support/paneBuildSetup.ts"],
  },
});
