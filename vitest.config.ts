import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` },
      // Tests run outside React's server environment; the marker has nothing to guard there.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    include: ["*.test.ts", "lib/**/*.test.ts", "db/**/*.test.ts", "app/**/*.test.ts", "dev/**/*.test.ts", "scripts/**/*.test.ts", "e2e/**/*.test.ts"],
    environment: "node",
    // next-auth imports "next/server" without an extension; inlining lets Vite resolve it as Next's bundler would.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
