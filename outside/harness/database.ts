// The stack's database, seen from outside the app: created fresh for one run
// (a PGlite folder or a PostgreSQL database of its own, never an existing one),
// migrated and seeded the way the app does on start, and read by tests to prove
// what a request changed and what it did not.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openPglite, openPostgres, type Db, type DbHandle } from "../../db/client";
import { createEmptyDatabase } from "../../db/testing";
import { seed } from "../../db/seed";

export type Engine = "pglite" | "postgres";

export interface EngineDatabase {
  engine: Engine;
  /** What the app instances need in their environment to use this database. */
  appEnv: Record<string, string>;
  /** The open handle; throws while closed (PGlite is closed while a server owns it). */
  readonly db: Db;
  open(): Promise<void>;
  close(): Promise<void>;
  /** Removes the folder or drops the database. */
  destroy(): Promise<void>;
  /** Rows of a raw query. */
  rows<T>(query: ReturnType<typeof sql>): Promise<T[]>;
  /** Row count and a digest of the contents of every table: equal snapshots mean nothing was written. */
  snapshot(): Promise<Snapshot>;
  /**
   * PostgreSQL only: takes an exclusive lock on `tables` in a transaction of its own, so the
   * app's next request touching them waits inside the database. `waiting()` counts the app's
   * backends blocked on it; `release()` rolls the transaction back.
   */
  holdLock(tables: string[]): Promise<{ waiting(): Promise<number>; release(): Promise<void> }>;
  /** PostgreSQL only: cuts every connection the app has to this database (pg_terminate_backend). */
  terminateAppConnections(): Promise<number>;
}

export type Snapshot = Record<string, { rows: number; digest: string }>;

/**
 * Tables whose changes are not writes a refused request could make on a member's behalf:
 * the limiter counts attempts (refused ones too, by design), and migrations are the schema's own.
 */
const NOT_COMPARED = new Set(["rate_limits", "__drizzle_migrations"]);

/**
 * Rows the server writes on its own schedule, whatever requests arrive: the coaches'
 * daily digest is queued (and then sent) by the housekeeping each instance runs at start.
 */
const OWN_SCHEDULE: Record<string, ReturnType<typeof sql>> = {
  email_outbox: sql`where t.dedupe_key is null or t.dedupe_key not like 'coach-digest:%'`,
};

/** The application_name of the suite's own lock and kill sessions, which a cut must spare. */
const SUITE_SESSION = "outside-suite";

export async function createEngineDatabase(engine: Engine): Promise<EngineDatabase> {
  let handle: DbHandle | undefined;
  let appEnv: Record<string, string>;
  let openHandle: () => DbHandle;
  let destroy: () => Promise<void>;

  if (engine === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dojo-outside-"));
    appEnv = { PGLITE_DIR: dir };
    openHandle = () => openPglite(dir);
    destroy = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const server = process.env.DATABASE_URL;
    if (!server) throw new Error("the PostgreSQL run needs DATABASE_URL (a server the suite may create databases on)");
    const database = await createEmptyDatabase(server, "dojo_outside");
    appEnv = { DATABASE_URL: database.url };
    openHandle = () => openPostgres(database.url, { max: 4 });
    destroy = database.drop;
  }

  const serverOnly = (what: string) => {
    if (engine !== "postgres") throw new Error(`${what} needs PostgreSQL: PGlite has no other sessions`);
    return appEnv.DATABASE_URL ?? "";
  };
  let prepared = false;
  const self: EngineDatabase = {
    engine,
    appEnv,
    get db() {
      if (!handle) throw new Error("the database is closed (a PGlite folder is read only while the servers are stopped)");
      return handle.db;
    },
    async open() {
      if (handle) return;
      handle = openHandle();
      if (!prepared) {
        await handle.migrate();
        await seed(handle.db);
        prepared = true;
      }
    },
    async close() {
      const h = handle;
      handle = undefined;
      await h?.close();
    },
    destroy,
    async rows<T>(query: ReturnType<typeof sql>) {
      const result = (await self.db.execute(query)) as unknown;
      return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
    },
    async snapshot() {
      const tables = await self.rows<{ name: string }>(
        sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
      );
      const out: Snapshot = {};
      for (const { name } of tables) {
        if (NOT_COMPARED.has(name)) continue;
        const [row] = await self.rows<{ rows: number | string; digest: string | null }>(
          sql`select count(*) as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t ${OWN_SCHEDULE[name] ?? sql``}`,
        );
        out[name] = { rows: Number(row?.rows ?? 0), digest: row?.digest ?? "" };
      }
      return out;
    },
    async holdLock(names) {
      const locker = postgres(serverOnly("holdLock"), { max: 1, onnotice: () => {}, connection: { application_name: SUITE_SESSION } });
      const conn = await locker.reserve();
      await conn.unsafe("begin");
      await conn.unsafe(`lock table ${names.map((n) => `"${n}"`).join(", ")} in access exclusive mode`);
      const [{ pid } = { pid: 0 }] = await conn.unsafe<{ pid: number }[]>("select pg_backend_pid() as pid");
      return {
        async waiting() {
          const [row] = await conn.unsafe<{ n: number }[]>(
            "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> $1 and wait_event_type = 'Lock'",
            [pid],
          );
          return row?.n ?? 0;
        },
        async release() {
          await conn.unsafe("rollback").catch(() => {});
          conn.release();
          await locker.end();
        },
      };
    },
    async terminateAppConnections() {
      const killer = postgres(serverOnly("terminateAppConnections"), { max: 1, onnotice: () => {}, connection: { application_name: SUITE_SESSION } });
      try {
        // Every session on the stack's own database but the suite's own lock and this one: the suite's reader pool goes too, and reconnects.
        const rows = await killer.unsafe<{ ok: boolean }[]>(
          `select pg_terminate_backend(pid) as ok from pg_stat_activity
           where datname = current_database() and backend_type = 'client backend' and application_name <> '${SUITE_SESSION}'`,
        );
        return rows.filter((r) => r.ok).length;
      } finally {
        await killer.end();
      }
    },
  };
  return self;
}

/** The tables whose rows or contents differ between two snapshots (empty: nothing was written). */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n]?.rows !== after[n]?.rows || before[n]?.digest !== after[n]?.digest).sort();
}
