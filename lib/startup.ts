import "server-only";
import { seed } from "@/db/seed";
import { getDb, getDbKind } from "@/lib/db";
import { env } from "@/lib/env";
import { startBackgroundWork } from "@/lib/jobs/background";

const slot = globalThis as unknown as { __dojoStarted?: boolean };

/**
 * Validates the environment, opens, migrates and seeds the database, and (unless
 * WORKERS=off, for web instances beside `npm run worker`) starts the background
 * work. A bad variable or a database owned by another process stops the server
 * here with one clear message.
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
  if (env().WORKERS === "off") {
    console.log("background work: off here (WORKERS=off); run `npm run worker` beside this server");
    return;
  }
  startBackgroundWork();
}
