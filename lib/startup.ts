import "server-only";
import { getDbKind } from "@/lib/db";
import { env } from "@/lib/env";
import { purgeExpiredQuizResults } from "@/lib/quiz/results";
import { purgeOldRateLimits } from "@/lib/rate-limit";

const DAY_MS = 86_400_000;

async function housekeeping() {
  const purged = await purgeExpiredQuizResults();
  await purgeOldRateLimits();
  if (purged > 0) console.log(`housekeeping: purged ${purged} unclaimed quiz result(s)`);
}

/**
 * Validates the environment, opens and migrates the database, and schedules the
 * daily purge. A bad variable or a database owned by another process stops the
 * server here with one clear message instead of failing on the first request.
 */
export async function startServer(): Promise<void> {
  try {
    env();
    const kind = await getDbKind();
    console.log(`database ready (${kind})`);
  } catch (err) {
    console.error(`\n${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  housekeeping().catch((err) => console.error("housekeeping failed:", err));
  setInterval(() => housekeeping().catch((err) => console.error("housekeeping failed:", err)), DAY_MS).unref();
}
