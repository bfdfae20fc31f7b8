import "server-only";
import { seed } from "@/db/seed";
import { getDb, getDbKind } from "@/lib/db";
import { env } from "@/lib/env";
import { startBackgroundWork } from "@/lib/jobs/background";
import { log } from "@/lib/log";
import { putSeedFile } from "@/lib/products/storage/configured";

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
    await seed(await getDb(), putSeedFile);
    log.info("database ready", { db: await getDbKind() });
  } catch (err) {
    // A configuration problem, meant to be read whole (it names every bad variable).
    log.error("cannot start", { problem: err instanceof Error ? err.message : String(err) });
    process.exit(1);
  }
  if (env().WORKERS === "off") {
    log.info("background work: off here (WORKERS=off); run `npm run worker` beside this server");
    return;
  }
  startBackgroundWork();
}
