import "server-only";
import { connect, type Db, type DbKind } from "@/db/client";
import { env } from "@/lib/env";

export type { Db, DbKind };
export * as tables from "@/db/schema";

/** The app's database, opened on first use. */
export async function getDb(): Promise<Db> {
  return (await connect(env())).db;
}

export async function getDbKind(): Promise<DbKind> {
  return (await connect(env())).kind;
}

/**
 * A statement built and prepared once per database (the app has one; tests
 * swap theirs in), for the queries every signed-in page runs. Building a
 * query with drizzle costs more CPU than PostgreSQL takes to answer these,
 * so the hot paths build theirs once and pass values as placeholders.
 * Timestamps go in as ISO strings: placeholders skip the column's encoder.
 */
export function preparedStatement<T>(build: (db: Db) => T): () => Promise<T> {
  const byDb = new WeakMap<Db, T>();
  return async () => {
    const db = await getDb();
    let statement = byDb.get(db);
    if (!statement) {
      statement = build(db);
      byDb.set(db, statement);
    }
    return statement;
  };
}

/** The rows of a raw `db.execute(sql…)`: postgres.js returns them as the result itself, PGlite under `.rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}
