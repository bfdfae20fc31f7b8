import "server-only";
import { enqueueCoachDigest } from "@/lib/checkins/coach";
import { purgeDeadSessions } from "@/lib/auth/sessions";
import { startEmailWorker } from "@/lib/email/worker";
import { purgeOldEmails } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { startNewsletterWorker } from "@/lib/newsletter/sending";
import { purgeExpiredQuizResults } from "@/lib/quiz/results";
import { purgeOldRateLimits } from "@/lib/rate-limit";
import { log, reason } from "@/lib/log";

// Everything the app does on its own schedule, whoever runs it: a web instance
// with WORKERS=on (one machine, the default) or `npm run worker` (any number of
// them beside web instances with WORKERS=off). Every piece is safe to run in
// several processes at once: rows are claimed, issues started and digests
// queued under the database's locks and unique keys.

const DAY_MS = 86_400_000;

async function housekeeping() {
  const purged = await purgeExpiredQuizResults();
  // One digest a day per coach: the outbox's dedupe key makes a second run that day a no-op.
  await enqueueCoachDigest();
  await Promise.all([purgeOldRateLimits(), purgeDeadSessions(), purgeOldEmails()]);
  if (purged > 0) log.info("housekeeping: purged unclaimed quiz results", { count: purged });
}

export interface BackgroundOptions {
  /** How often an idle email loop looks for due emails. */
  emailIntervalMs?: number;
  /** How often an idle newsletter loop looks for due issues. */
  newsletterIntervalMs?: number;
}

/**
 * Starts the email outbox, the newsletter sender and the daily housekeeping.
 * The returned function stops all three and resolves once the sends in flight
 * have finished (a clean stop repeats nothing).
 */
export function startBackgroundWork(opts: BackgroundOptions = {}): () => Promise<void> {
  const stopEmail = startEmailWorker({ intervalMs: opts.emailIntervalMs, leaseSeconds: env().EMAIL_LEASE_SECONDS });
  const stopNewsletter = startNewsletterWorker({ intervalMs: opts.newsletterIntervalMs });
  const run = () => housekeeping().catch((err: unknown) => log.error("housekeeping failed", { reason: reason(err) }));
  void run();
  const daily = setInterval(run, DAY_MS);
  daily.unref();
  return async () => {
    clearInterval(daily);
    await stopNewsletter();
    await stopEmail();
  };
}
