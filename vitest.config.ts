import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        // `server-only` throws outside React Server Components; domain modules are tested directly.
        resolve: { alias: { "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts") } },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: one test file per core; each file works in databases of its own.
          maxWorkers: 2,
        },
      },
    ],
  },
});
