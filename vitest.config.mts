import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts", "app/**/*.test.ts"],
    testTimeout: 60_000,
    // Vitest leaves one core free by default, so on CI's two cores it ran one file at a time; the files wait on child
    // processes, worker threads and the disk as much as on the CPU, and two at a time take ~40 s less of the CI run.
    maxWorkers: 2,
  },
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // Query modules import "server-only"; outside Next it would throw, so tests get an empty module.
      "server-only": path.resolve(__dirname, "db/testing/server-only-stub.ts"),
    },
  },
});
