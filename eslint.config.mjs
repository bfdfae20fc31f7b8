import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "drizzle/**", "test-results/**", "playwright-report/**"]),
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without a where clause touches every row: never what we mean.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Architecture: the app layer never reaches the database directly, and nothing in the app imports dev/.
    files: ["app/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts", "instrumentation*.ts"],
    // Tests may start the dev/ stand-ins (and so may lib/**/testing.ts, helpers only tests import); the app never does.
    ignores: ["**/*.test.ts", "lib/**/testing.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/dev/*", "**/dev/*"], message: "dev/ holds local stand-ins; only scripts and tests start them." }] }],
    },
  },
  {
    // Every journey runs under the CSP guard (e2e/csp-guard.ts), which comes with ./fixtures' `test`.
    files: ["e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "@playwright/test", importNames: ["test", "expect"], message: "import test and expect from ./fixtures: they watch for CSP violations." }] }],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/db/*", "**/db/*", "drizzle-orm", "drizzle-orm/*"], message: "app/ goes through lib/, which checks the actor's rights." },
            { group: ["@/dev/*", "**/dev/*"], message: "dev/ holds local stand-ins; only scripts and tests start them." },
          ],
        },
      ],
    },
  },
]);
