// The system the outside-in suite attacks: the production build (`next build`
// output in the repository) started with `next start` exactly as the e2e stack
// and `npm start` start it, the Stripe emulator and the SMTP sink from dev/, on a
// database of its own: a fresh PGlite folder, or a fresh database on the
// PostgreSQL server in DATABASE_URL. Tests talk to it over HTTP only; the
// database is read from outside to prove what changed (see ./database.ts).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { nextStartArgs } from "../../scripts/next-start.mjs";
import { freePort, start, tsNode, waitForOutput, waitForUrl, type Proc } from "../../scripts/lib/procs";
import { createEngineDatabase, type Engine, type EngineDatabase } from "./database";
import { startWebhookRelay, type WebhookRelay } from "./webhook-relay";

export const REPO = path.resolve(import.meta.dirname, "../..");

export const outsideSecrets = {
  webhook: "whsec_outside_emulator_secret",
  stripeKey: "sk_test_outside",
  auth: "outside-only-secret-0123456789abcdef0123456789",
  dataKey: Buffer.from("outside-only-data-key-32-bytes!!").toString("base64"),
};

/** Coaches and admins: ADMIN_EMAILS makes these addresses admin when they sign in by link. */
export const ADMIN_EMAIL = "owner@outside.example";

export interface StackOptions {
  engine: Engine;
  /** `next start` processes on the one database (PostgreSQL only for more than one). */
  instances?: number;
  /** Extra environment for every app instance (rate limits, say). */
  env?: Record<string, string>;
  /** Runs against the database before any server starts (PGlite has one owner at a time). */
  prepare?: (db: EngineDatabase) => Promise<void>;
  /**
   * How to start an app instance on `port`, when not `next start` in the repository (the image
   * test runs the standalone server this way). The stack's environment is added to `env`.
   */
  server?: (port: number) => Launch;
  /** `npm run worker` processes beside the app (PostgreSQL only); the app instances then run with WORKERS=off. */
  workers?: number;
  /** How to start a worker, when not `scripts/worker.ts` in the repository. */
  worker?: () => Launch;
}

export interface Launch {
  cwd: string;
  cmd: string;
  args: string[];
  env?: Record<string, string>;
}

export interface AppInstance {
  url: string;
  proc: Proc;
}

export interface Stack {
  engine: Engine;
  instances: AppInstance[];
  /** The first instance's URL. */
  url: string;
  stripeUrl: string;
  sinkUrl: string;
  /** The `npm run worker` processes, if the stack has any. */
  workers: Proc[];
  /** Between the emulator and the first instance: see every delivery, or hold them. */
  webhooks: WebhookRelay;
  db: EngineDatabase;
  /** The environment the app instances run with (for a worker process of the app). */
  appEnv: Record<string, string>;
  /**
   * Stops every app instance, runs `fn` against the database, starts them again.
   * On PostgreSQL `fn` simply runs (the database is shared); on PGlite the folder
   * has one owner, so the servers step aside while the test reads it.
   */
  withServersStopped<T>(fn: (db: EngineDatabase) => Promise<T>): Promise<T>;
  /** SIGKILLs app instance `i` (no shutdown of any kind), as a crash would. */
  crash(i?: number): Promise<void>;
  /** Starts app instance `i` again on its port and waits until it answers. */
  restart(i?: number): Promise<void>;
  stop(): Promise<void>;
}

const NEXT_BUILD_ID = path.join(REPO, ".next", "BUILD_ID");

export async function startStack(opts: StackOptions): Promise<Stack> {
  if (!fs.existsSync(NEXT_BUILD_ID)) throw new Error("the outside-in suite runs against the production build: run `next build` first");
  const count = opts.instances ?? 1;
  if ((count > 1 || opts.workers) && opts.engine === "pglite") throw new Error("PGlite has one owner: more than one process needs PostgreSQL");

  const db = await createEngineDatabase(opts.engine);
  const procs: Proc[] = [];
  let firstUrl = "";
  const relay = await startWebhookRelay(() => `${firstUrl}/api/stripe/webhook`);
  try {
    await db.open();
    await opts.prepare?.(db);
    if (opts.engine === "pglite") await db.close();

    const appPorts = await Promise.all(Array.from({ length: count }, () => freePort()));
    const [stripePort, smtpPort, sinkPort] = await Promise.all([freePort(), freePort(), freePort()]);
    const urls = appPorts.map((p) => `http://127.0.0.1:${p}`);
    const urlOf = (i: number) => urls[i] ?? "";
    firstUrl = urlOf(0);

    const stripe = start("stripe-emulator", ...tsNode("dev/stripe-emulator/main.ts"), {
      cwd: REPO,
      env: {
        STRIPE_EMULATOR_PORT: String(stripePort),
        STRIPE_WEBHOOK_URL: relay.url,
        STRIPE_WEBHOOK_SECRET: outsideSecrets.webhook,
        STRIPE_EMULATOR_RETRY_BASE_MS: "200",
      },
    });
    procs.push(stripe);
    const sink = start("smtp-sink", ...tsNode("dev/smtp-sink/main.ts"), {
      cwd: REPO,
      // Enough to count a 10,000-reader newsletter message by message.
      env: { SMTP_SINK_PORT: String(smtpPort), SMTP_SINK_HTTP_PORT: String(sinkPort), SMTP_SINK_KEEP: "30000" },
    });
    procs.push(sink);

    const appEnv: Record<string, string> = {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: urlOf(0),
      AUTH_SECRET: outsideSecrets.auth,
      EMAIL_SERVER: `smtp://127.0.0.1:${smtpPort}`,
      STRIPE_SECRET_KEY: outsideSecrets.stripeKey,
      STRIPE_WEBHOOK_SECRET: outsideSecrets.webhook,
      STRIPE_API_URL: `http://127.0.0.1:${stripePort}`,
      DATA_KEY: outsideSecrets.dataKey,
      ADMIN_EMAILS: ADMIN_EMAIL,
      // Shared by the stack's instances, as an S3 bucket would be.
      PRODUCT_FILES_DIR: path.join(os.tmpdir(), `dojo-outside-files-${process.pid}-${Date.now()}`),
      ...(opts.workers ? { WORKERS: "off" } : {}),
      ...db.appEnv,
      ...opts.env,
    };

    const instances: AppInstance[] = [];
    const launch = (i: number): AppInstance => {
      // The runner's own DATABASE_URL names the server the suite creates databases on, never the app's:
      // a PGlite stack must not inherit it.
      const env = { ...appEnv, DATABASE_URL: appEnv.DATABASE_URL };
      const port = appPorts[i] ?? 0;
      const how = opts.server?.(port) ?? { cwd: REPO, cmd: process.execPath, args: nextStartArgs(port) };
      const proc = start(`app-${i}`, how.cmd, how.args, { cwd: how.cwd, env: { ...how.env, ...env } });
      procs.push(proc);
      return { url: urlOf(i), proc };
    };
    for (let i = 0; i < count; i++) instances.push(launch(i));
    const workers: Proc[] = [];
    const startWorker = (): Proc => {
      const [cmd, args] = tsNode("scripts/worker.ts", ["react-server"]);
      const how = opts.worker?.() ?? { cwd: REPO, cmd, args };
      const proc = start(`worker-${workers.length}`, how.cmd, how.args, { cwd: how.cwd, env: { ...how.env, ...appEnv, DATABASE_URL: appEnv.DATABASE_URL } });
      procs.push(proc);
      workers.push(proc);
      return proc;
    };
    for (let i = 0; i < (opts.workers ?? 0); i++) startWorker();
    const instance = (i: number): AppInstance => {
      const found = instances[i];
      if (!found) throw new Error(`there is no app instance ${i} (the stack has ${count})`);
      return found;
    };
    const healthy = (i: number) => waitForUrl(`${urlOf(i)}/api/ready`, instance(i).proc, 90_000);
    await Promise.all([
      waitForUrl(`http://127.0.0.1:${stripePort}/v1/prices`, stripe, 60_000, { authorization: `Bearer ${outsideSecrets.stripeKey}` }),
      waitForUrl(`http://127.0.0.1:${sinkPort}/messages`, sink),
      ...instances.map((_, i) => healthy(i)),
      ...workers.map((w) => waitForOutput(w, "worker: running", 60_000)),
    ]);
    if (opts.engine === "postgres") await db.open();

    const stack: Stack = {
      engine: opts.engine,
      instances,
      url: urlOf(0),
      stripeUrl: `http://127.0.0.1:${stripePort}`,
      sinkUrl: `http://127.0.0.1:${sinkPort}`,
      webhooks: relay,
      workers,
      db,
      appEnv,
      async withServersStopped(fn) {
        if (opts.engine === "postgres") return fn(db);
        await Promise.all(instances.map((inst) => inst.proc.stop()));
        await db.open();
        try {
          return await fn(db);
        } finally {
          await db.close();
          for (let i = 0; i < count; i++) instances[i] = launch(i);
          await Promise.all(instances.map((_, i) => healthy(i)));
        }
      },
      async crash(i = 0) {
        await instance(i).proc.kill();
      },
      async restart(i = 0) {
        instances[i] = launch(i);
        await healthy(i);
      },
      async stop() {
        await Promise.all(procs.map((p) => p.stop()));
        await relay.close();
        await db.close();
        await db.destroy();
      },
    };
    return stack;
  } catch (err) {
    await Promise.all(procs.map((p) => p.stop()));
    await relay.close();
    await db.close().catch(() => {});
    await db.destroy().catch(() => {});
    throw err;
  }
}

/** The engines this machine can run the suite on: PGlite always, PostgreSQL when DATABASE_URL names a server. */
export function enginesToTest(): Engine[] {
  return process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}
