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
