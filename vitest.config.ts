import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // A bound, not a measurement: a test that reads PDFs, starts a child process or a local
    // server can take 10–20 s on a shared 2-core machine under load; a hang still fails.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
