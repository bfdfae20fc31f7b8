// The system under test, started the way playwright.config.ts starts the e2e
// stack: the Stripe emulator, the SMTP sink and `next start` of the production
// build with production settings. The app server is pinned to CPU 1; the
// runner, autocannon and the stand-ins stay on CPU 0 (what is measured on its
// own rather than as load on the server gets ALL_CPUS, below).
import os from "node:os";
import { assertBenchDatabase } from "./database";
import { nextStartArgs } from "../../scripts/next-start.mjs";
import { freePort, start, tsNode, waitForUrl, type Proc } from "./procs";

export const secrets = {
  webhook: "whsec_bench_emulator_secret",
  stripeKey: "sk_test_bench",
  auth: "bench-only-secret-0123456789abcdef0123456789",
  dataKey: Buffer.from("bench-only-data-key-32-bytes-ok!").toString("base64"),
};

export const SERVER_CPU = "1";
export const CLIENT_CPU = "0";
/**
 * Every core, for work measured on its own rather than as load on the server:
 * a child inherits the runner's pin to CPU 0, and a process squeezed onto one
 * core shares it with its own GC and I/O threads.
 */
export const ALL_CPUS = `0-${os.cpus().length - 1}`;

export interface Stack {
  appUrl: string;
  helloUrl: string;
  stripeUrl: string;
  sinkStatsUrl: string;
  server: Proc;
  /** The app's environment, for other processes of the app (the newsletter sender). */
  appEnv: Record<string, string>;
  stop(): Promise<void>;
}

export async function startStack(opts: { repo: string; buildDir: string; databaseUrl: string; adminEmail: string }): Promise<Stack> {
  assertBenchDatabase(opts.databaseUrl);
  const [appPort, helloPort, stripePort, smtpPort, statsPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const appUrl = `http://127.0.0.1:${appPort}`;
  const procs: Proc[] = [];
  try {
    const stripe = start("stripe-emulator", ...tsNode("dev/stripe-emulator/main.ts"), {
      cwd: opts.repo,
      env: {
        STRIPE_EMULATOR_PORT: String(stripePort),
        STRIPE_WEBHOOK_URL: `${appUrl}/api/stripe/webhook`,
        STRIPE_WEBHOOK_SECRET: secrets.webhook,
        STRIPE_EMULATOR_RETRY_BASE_MS: "200",
      },
    });
    procs.push(stripe);
    const sink = start("smtp-sink", ...tsNode("bench/fixtures/smtp-sink.ts"), {
      cwd: opts.repo,
      env: { SMTP_SINK_PORT: String(smtpPort), SINK_STATS_PORT: String(statsPort) },
    });
    procs.push(sink);
    const hello = start("hello-server", ...tsNode("bench/fixtures/hello-server.ts"), {
      cpus: SERVER_CPU,
      env: { PORT: String(helloPort) },
      cwd: opts.repo,
    });
    procs.push(hello);
    const appEnv: Record<string, string> = {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: appUrl,
      DATABASE_URL: opts.databaseUrl,
      AUTH_SECRET: secrets.auth,
      EMAIL_SERVER: `smtp://127.0.0.1:${smtpPort}`,
      STRIPE_SECRET_KEY: secrets.stripeKey,
      STRIPE_WEBHOOK_SECRET: secrets.webhook,
      STRIPE_API_URL: `http://127.0.0.1:${stripePort}`,
      DATA_KEY: secrets.dataKey,
      ADMIN_EMAILS: opts.adminEmail,
      // "Rate limit lifted for the run": the quiz API is measured, not its limiter's refusals.
      QUIZ_RATE_LIMIT_PER_MINUTE: "100000000",
      BENCH_ROUTES: "1",
    };
    // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": extra Node flags for the app server (profiling).
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
    const server = start("next-server", process.execPath, [...nodeArgs, ...nextStartArgs(appPort)], {
      cwd: opts.buildDir,
      cpus: SERVER_CPU,
      env: appEnv,
    });
    procs.push(server);
    await Promise.all([
      waitForUrl(`http://127.0.0.1:${stripePort}/v1/prices`, stripe, 60_000, { authorization: `Bearer ${secrets.stripeKey}` }),
      waitForUrl(`http://127.0.0.1:${statsPort}/stats`, sink),
      waitForUrl(`http://127.0.0.1:${helloPort}/`, hello),
      waitForUrl(`${appUrl}/api/ready`, server, 90_000),
    ]);
    return {
      appUrl,
      helloUrl: `http://127.0.0.1:${helloPort}`,
      stripeUrl: `http://127.0.0.1:${stripePort}`,
      sinkStatsUrl: `http://127.0.0.1:${statsPort}`,
      server,
      appEnv,
      stop: async () => {
        await Promise.all(procs.map((p) => p.stop()));
      },
    };
  } catch (err) {
    await Promise.all(procs.map((p) => p.stop()));
    throw err;
  }
}
