// `npm run data:reseal`: after a DATA_KEY rotation (new key in DATA_KEY, the old
// one in DATA_KEY_PREVIOUS), seals every check-in, reply and coach note again
// with the new key. Safe while the app runs, and safe to run twice. When it
// reports nothing unreadable, DATA_KEY_PREVIOUS can be removed.
//   node --conditions=react-server --import tsx scripts/data-reseal.ts
import { getDb } from "@/lib/db";
import { resealAll } from "@/lib/crypto/reseal";
import { log } from "@/lib/log";

try {
  await getDb();
  const reports = await resealAll();
  for (const r of reports) log.info("reseal: done", { table: r.table, resealed: r.resealed, unreadable: r.unreadable });
  process.exit(reports.some((r) => r.unreadable > 0) ? 1 : 0);
} catch (err) {
  log.error("reseal failed", { problem: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}
