import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A guard against hangs, not a speed check: landings run the suite at load 20+ on 2 cores.
    testTimeout: 120000,
    pool: "forks",
  },
});
