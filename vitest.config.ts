import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Unit tests run outside React Server Components; the guard is Next's concern.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // Budgets for real work (migrations, bcrypt, SMTP) on a slow or loaded
    // machine; a test that hangs still fails, with the budget's message.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
