// `npm run db:migrate`: applies drizzle/ migrations to DATABASE_URL, or to the
// PGlite folder when it is unset — once per deployment, before the new version
// takes traffic. App instances and workers also migrate on start; all of them
// take the same advisory lock (db/client.ts), so starting together is safe.
import { openPglite, openPostgres } from "../db/client";

const handle = process.env.DATABASE_URL ? openPostgres(process.env.DATABASE_URL, { max: 1 }) : openPglite(process.env.PGLITE_DIR || ".data/pglite");
try {
  await handle.migrate();
  console.log(`migrations applied (${handle.kind})`);
} finally {
  await handle.close();
}
