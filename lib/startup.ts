import "server-only";
import { seed } from "@/db/seed";
import { purgeDeadSessions } from "@/lib/auth/current-user";
import { enqueueCoachDigest } from "@/lib/checkins/coach";
import { getDb, getDbKind } from "@/lib/db";
import { startEmailWorker } from "@/lib/email/worker";
import { purgeOldEmails } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { startNewsletterWorker } from "@/lib/newsletter/sending";
import { purgeExpiredQuizResults } from "@/lib/quiz/results";
import { purgeOldRateLimits } from "@/lib/rate-limit";

const DAY_MS = 86_400_000;

async function housekeeping() {
  const purged = await purgeExpiredQuizResults();
  // One digest a day per coach: the outbox's dedupe key makes a second run that day a no-op.
  await enqueueCoachDigest();
  await Promise.all([purgeOldRateLimits(), purgeDeadSessions(), purgeOldEmails()]);
  if (purged > 0) console.log(`housekeeping: purged ${purged} unclaimed quiz result(s)`);
}

const slot = globalThis as unknown as { __dojoStarted?: boolean };

/**
 * Validates the environment, opens, migrates and seeds the database, starts
 * the email worker and schedules the daily purge. A bad variable or a database
 * owned by another process stops the server here with one clear message.
 */
export async function startServer(): Promise<void> {
  if (slot.__dojoStarted) return;
  slot.__dojoStarted = true;
  try {
    env();
    await seed(await getDb());
    console.log(`database ready (${await getDbKind()})`);
  } catch (err) {
    console.error(`\n${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  startEmailWorker({ leaseSeconds: env().EMAIL_LEASE_SECONDS });
  startNewsletterWorker();
  housekeeping().catch((err) => console.error("housekeeping failed:", err));
  setInterval(() => housekeeping().catch((err) => console.error("housekeeping failed:", err)), DAY_MS).unref();
}
