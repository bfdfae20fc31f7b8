import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { e2ePorts } from "./e2e/ports";
import { nextStartArgs } from "./scripts/next-start.mjs";

// Debian's Chromium when present (browsers cannot be downloaded on our CI machines), else Playwright's own.
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

const { app, stripe, smtp, smtpHttp } = e2ePorts;
const baseURL = `http://127.0.0.1:${app}`;
// E2E_SCALE=1 (PostgreSQL only): the production shape. Two app instances with WORKERS=off and two workers
// behind a round-robin balancer on the usual port, so every journey's requests alternate between instances.
const scale = process.env.E2E_SCALE === "1" && Boolean(process.env.DATABASE_URL);
const instancePorts = scale ? [app + 10, app + 11] : [app];
// Each run starts on an empty database: a fresh PGlite folder, or the server in DATABASE_URL.
const pgliteDir = path.join(os.tmpdir(), `dojo-e2e-${process.pid}-${Date.now()}`);
const tsx = "node node_modules/tsx/dist/cli.mjs";

export const e2eSecrets = { webhook: "whsec_e2e_emulator_secret", stripeKey: "sk_test_e2e" };

const appEnv: Record<string, string> = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  APP_URL: baseURL,
  PGLITE_DIR: pgliteDir,
  PRODUCT_FILES_DIR: `${pgliteDir}-files`,
  AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789",
  EMAIL_SERVER: `smtp://127.0.0.1:${smtp}`,
  STRIPE_SECRET_KEY: e2eSecrets.stripeKey,
  STRIPE_WEBHOOK_SECRET: e2eSecrets.webhook,
  STRIPE_API_URL: `http://127.0.0.1:${stripe}`,
  // One coach account per test that needs one, so parallel tests never read each other's sign-in links.
  ADMIN_EMAILS: ["owner@example.com", ...Array.from({ length: 15 }, (_, i) => `coach${i + 1}@example.com`)].join(","),
  DATA_KEY: "ZTJlLW9ubHktZGF0YS1rZXktMzItYnl0ZXMtbG9uZyE=",
  QUIZ_RATE_LIMIT_PER_MINUTE: "1000",
  SIGNIN_LIMIT_PER_IP_HOUR: "1000",
  NEWSLETTER_LIMIT_PER_IP_HOUR: "1000",
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
};

export default defineConfig({
  testDir: "e2e",
  // Journeys only: e2e/*.test.ts are Vitest checks of the suite itself (e2e/coach-accounts.test.ts).
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 45_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
    },
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"] } }],
  // The outside services the app uses, as local stand-ins speaking the real protocols, then the production build.
  webServer: [
    {
      command: `${tsx} dev/stripe-emulator/main.ts`,
      url: `http://127.0.0.1:${stripe}/v1/prices`,
      reuseExistingServer: false,
      env: {
        STRIPE_EMULATOR_PORT: String(stripe),
        STRIPE_WEBHOOK_URL: `${baseURL}/api/stripe/webhook`,
        STRIPE_WEBHOOK_SECRET: e2eSecrets.webhook,
        STRIPE_EMULATOR_RETRY_BASE_MS: "200",
      },
    },
    {
      command: `${tsx} dev/smtp-sink/main.ts`,
      url: `http://127.0.0.1:${smtpHttp}/messages`,
      reuseExistingServer: false,
      env: { SMTP_SINK_PORT: String(smtp), SMTP_SINK_HTTP_PORT: String(smtpHttp) },
    },
    ...instancePorts.map((port) => ({
      command: ["node", ...nextStartArgs(port)].join(" "),
      url: `http://127.0.0.1:${port}/api/ready`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe" as const,
      env: { ...appEnv, ...(scale ? { WORKERS: "off" } : {}) },
    })),
    ...(scale
      ? [
          ...[1, 2].map(() => ({
            command: `node --conditions=react-server --import tsx scripts/worker.ts`,
            wait: { stdout: /worker: running/ },
            reuseExistingServer: false,
            stdout: "pipe" as const,
            env: appEnv,
          })),
          {
            command: `node --import tsx e2e/round-robin.ts`,
            url: `${baseURL}/api/health`,
            reuseExistingServer: false,
            env: { ROUND_ROBIN_PORT: String(app), ROUND_ROBIN_TARGETS: instancePorts.map((p) => `http://127.0.0.1:${p}`).join(",") },
          },
        ]
      : []),
  ],
});
