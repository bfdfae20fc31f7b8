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

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
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
        const name = `dojo_test_${randomBytes(6).toString("hex")}`;
        const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
        await admin.unsafe(`create database ${name}`);
        await admin.end();
        const handle = openPostgres(withDatabaseName(serverUrl, name), { max: 5 });
        await handle.migrate();
        return {
          ...handle,
          async close() {
            await handle.close();
            const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
            await dropper.unsafe(`drop database if exists ${name} with (force)`);
            await dropper.end();
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
