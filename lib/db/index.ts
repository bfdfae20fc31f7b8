import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { connect, type Db, type DbKind } from "@/db/client";
import { env } from "@/lib/env";

export type { Db, DbKind };
/** A transaction handle, so a caller can make its writes part of the transaction of the effect they belong to. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;
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

// Hand-written SQL names its columns through the table objects, so renaming a column
// in db/schema fails the typecheck instead of the query. Inside sql`` a column renders
// as "table"."column" (or "alias"."column" for a table made with drizzle's `alias`).

/** A column's bare name, where PostgreSQL refuses a qualified one: INSERT column lists, UPDATE/ON CONFLICT SET targets. */
export const columnName = (column: AnyPgColumn): SQLWrapper => sql.identifier(column.name);

/** The row an ON CONFLICT DO UPDATE was about to insert: `excluded.<column>`. */
export const excluded = (column: AnyPgColumn): SQL => sql`excluded.${sql.identifier(column.name)}`;

/**
 * `json_build_object('key', value, …)` whose keys are exactly those of `T`, the type
 * the caller casts the JSON to: a key missing, extra or misspelt fails the typecheck.
 * The keys are written into the SQL (not passed as parameters), as a hand-written one would be.
 */
export function jsonBuildObject<T>(fields: { [K in keyof T]-?: SQLWrapper }): SQL {
  const pairs = Object.entries<SQLWrapper>(fields).map(([key, value]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`unexpected JSON key ${key}`);
    return sql`${sql.raw(`'${key}'`)}, ${value}`;
  });
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}
