// The newsletter sender and the email worker as a process of their own
// (`npm run newsletter:sender`):
//   node --conditions=react-server --import tsx scripts/newsletter-sender.ts
// (react-server: the lib/ modules it starts are marked server-only.) The crash test runs it
// against PostgreSQL and kills it mid-send; it can also run beside the web
// server as a dedicated worker. Configured by the app's environment variables;
// EMAIL_LEASE_SECONDS shortens how long a crashed send holds its rows.
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { startEmailWorker } from "@/lib/email/worker";
import { startNewsletterWorker } from "@/lib/newsletter/sending";

let lease: number;
try {
  lease = env().EMAIL_LEASE_SECONDS;
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}

await getDb(); // opens and migrates, or fails here with one clear message
const stopEmail = startEmailWorker({ intervalMs: 200, leaseSeconds: lease });
const stopNewsletter = startNewsletterWorker({ intervalMs: 500 });
console.log("newsletter sender: running");

// The workers' timers do not keep a process alive; this one does until a signal.
const keepAlive = setInterval(() => {}, 60_000);
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  clearInterval(keepAlive);
  await stopNewsletter();
  await stopEmail(); // finishes the sends in flight, so a clean stop repeats nothing
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
