// Test databases: a fresh in-memory PGlite always, and a fresh database on the
// PostgreSQL server named by DATABASE_URL when there is one, so every database
// test runs on both engines.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openPglite, openPostgres, setTestDatabase, type DbHandle, type DbKind } from "./client";

export interface TestDatabase {
  kind: DbKind;
  open(): Promise<DbHandle>;
}

export interface EmptyDatabase {
  name: string;
  url: string;
  /** Drops it, closing any connection still open to it. */
  drop(): Promise<void>;
}

/** A new, empty database (not migrated) on the PostgreSQL server `serverUrl` names, for one test or suite. */
export async function createEmptyDatabase(serverUrl: string, prefix = "dojo_test"): Promise<EmptyDatabase> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const onServer = async (statement: string) => {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe(statement);
    } finally {
      await admin.end();
    }
  };
  await onServer(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => onServer(`drop database if exists ${name} with (force)`) };
}

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [
    {
      kind: "pglite",
      async open() {
        const handle = openPglite();
        await handle.migrate();
        return handle;
      },
    },
  ];
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    list.push({
      kind: "postgres",
      async open() {
        const database = await createEmptyDatabase(serverUrl);
        const handle = openPostgres(database.url, { max: 5 });
        await handle.migrate();
        return {
          ...handle,
          async close() {
            await handle.close();
            await database.drop();
          },
        };
      },
    });
  }
  return list;
}

/** Opens a fresh database and makes the app's code use it until `close`. */
export async function openFreshTestDatabase(target: TestDatabase): Promise<DbHandle> {
  const handle = await target.open();
  setTestDatabase(handle);
  return {
    ...handle,
    async close() {
      setTestDatabase(undefined);
      await handle.close();
    },
  };
}
