import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx", "addin/**/*.test.ts", "addin/**/*.test.tsx", "lib/**/*.test.ts", "templates/**/*.test.ts", "adapters/**/*.test.ts", "cli/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: "forks",
    reporters: ["default", "./test/support/summaryReporter.ts"],
  },
});
