// `npm run db:migrate`: applies drizzle/ migrations to DATABASE_URL, or to the
// PGlite folder when it is unset. The app also migrates itself on start.
import { openPglite, openPostgres } from "../db/client";

const handle = process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL, { max: 1 }) : openPglite(process.env.PGLITE_DIR || ".data/pglite");
try {
  await handle.migrate();
  console.log(`migrations applied (${handle.kind})`);
} finally {
  await handle.close();
}
