// `npm run db:seed`: migrates, then adds the plans and the starter curriculum if they are missing.
import { openPglite, openPostgres } from "../db/client";
import { seed } from "../db/seed";

const handle = process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL, { max: 1 }) : openPglite(process.env.PGLITE_DIR || ".data/pglite");
try {
  await handle.migrate();
  await seed(handle.db);
  console.log(`seeded (${handle.kind})`);
} finally {
  await handle.close();
}
