import { defineConfig } from "vitest/config";
import unit from "./vitest.config";

// `npm run test:security`: the outside-in suite (outside/), against the production
// build started by the tests themselves. One file at a time: each starts servers.
// Module resolution is the unit tests' own (the harness imports db/ and lib/).
export default defineConfig({
  resolve: unit.resolve,
  test: {
    include: ["outside/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
