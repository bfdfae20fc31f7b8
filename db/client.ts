import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { acquirePgliteLock } from "./pglite-lock";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = "pglite" | "postgres";

export interface DbHandle {
  kind: DbKind;
  db: Db;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "drizzle");

/**
 * Held while migrations run, so app instances, workers and `npm run db:migrate` started together
 * take turns: the first applies what is new, the others find nothing left to do.
 */
export const MIGRATION_LOCK = "breakup-dojo:migrations";

export function openPostgres(url: string, opts: { max?: number } = {}): DbHandle {
  // onnotice: re-running migrations prints "already exists, skipping" notices otherwise.
  const client = postgres(url, { max: opts.max ?? 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema });
  return {
    kind: "postgres",
    db: db as unknown as Db,
    async migrate() {
      // A session-level advisory lock on a connection of its own (so a pool of one still has a
      // connection to migrate with); ending that connection releases the lock even after a failure.
      const holder = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await holder`select pg_advisory_lock(hashtext(${MIGRATION_LOCK}))`;
        await migratePostgres(db, { migrationsFolder });
      } finally {
        await holder.end({ timeout: 5 });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** `dataDir` undefined → in memory (tests). */
export function openPglite(dataDir?: string): DbHandle {
  const release = dataDir ? acquirePgliteLock(dataDir) : () => {};
  const client = new PGlite(dataDir);
  const db = drizzlePglite(client, { schema });
  return {
    kind: "pglite",
    db: db as unknown as Db,
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: async () => {
      await client.close();
      release();
    },
  };
}

// Cached on globalThis: Next bundles route handlers and instrumentation
// separately, so a module-level variable would open the database twice.
const slot = globalThis as unknown as { __dojoDb?: DbHandle; __dojoDbReady?: Promise<DbHandle>; __dojoDbState?: DbState };

/** Where the process's database stands: not opened yet, migrating (or waiting for another process's migrations), or ready. */
export type DbState = "closed" | "migrating" | "ready";

export function databaseState(): DbState {
  return slot.__dojoDbState ?? (slot.__dojoDb ? "ready" : "closed");
}

export interface DbConfig {
  DATABASE_URL?: string;
  PGLITE_DIR: string;
}

/** Opens (once per process) and migrates the configured database. Lazy: nothing opens at import or build time. */
export function connect(config: DbConfig): Promise<DbHandle> {
  slot.__dojoDbReady ??= (async () => {
    const handle = config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openPglite(config.PGLITE_DIR);
    slot.__dojoDbState = "migrating";
    await handle.migrate();
    slot.__dojoDb = handle;
    slot.__dojoDbState = "ready";
    return handle;
  })();
  slot.__dojoDbReady.catch(() => {
    slot.__dojoDbReady = undefined; // let the next request try again
    slot.__dojoDbState = "closed";
  });
  return slot.__dojoDbReady;
}

/** Tests point the app's code at a database of their own. */
export function setTestDatabase(handle: DbHandle | undefined): void {
  slot.__dojoDb = handle;
  slot.__dojoDbReady = handle ? Promise.resolve(handle) : undefined;
  slot.__dojoDbState = handle ? "ready" : "closed";
}
