// `npm run worker`: the app's background work as a process of its own — the
// email outbox, the newsletter sender and the daily housekeeping
// (lib/jobs/background.ts) — for deployments whose web instances run with
// WORKERS=off. Any number may run at once; nothing is sent twice.
//   node --conditions=react-server --import tsx scripts/worker.ts
// (react-server: the lib/ modules it starts are marked server-only.)
// Configured by the app's environment variables. On SIGTERM or SIGINT it stops
// taking work, lets the sends in flight finish for up to WORKER_STOP_SECONDS
// (default 8, inside Docker's 10 s), and exits; anything still unfinished is
// retried by another worker after EMAIL_LEASE_SECONDS.
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { startBackgroundWork } from "@/lib/jobs/background";
import { log } from "@/lib/log";

try {
  env();
  await getDb(); // opens and migrates, or fails here with one clear message
} catch (err) {
  log.error("cannot start", { problem: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}
const stopSeconds = Number(process.env.WORKER_STOP_SECONDS ?? "8");
const stopWork = startBackgroundWork({ emailIntervalMs: 200, newsletterIntervalMs: 500 });
log.info("worker: running");

// The loops' timers do not keep a process alive; this one does until a signal.
const keepAlive = setInterval(() => {}, 60_000);
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  clearInterval(keepAlive);
  const started = Date.now();
  const finished = await Promise.race([
    stopWork().then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), Math.max(0, stopSeconds) * 1000).unref()),
  ]);
  if (finished) log.info("worker: stopped", { signal, ms: Date.now() - started });
  else log.warn("worker: sends still in flight at the stop deadline; another worker retries them after the lease", { signal, seconds: stopSeconds });
  process.exit(finished ? 0 : 1);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
