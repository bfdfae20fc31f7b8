// Migrations run once per deployment even when every process starts at once:
// `npm run db:migrate`, app instances and workers all take the same advisory
// lock, so the first applies what is new and the rest find nothing to do.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { MIGRATION_LOCK, openPostgres } from "./client";
import { createEmptyDatabase } from "./testing";

const serverUrl = process.env.DATABASE_URL;
const migrationCount = (JSON.parse(fs.readFileSync(path.join("drizzle", "meta", "_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;

function migrateCommand(url: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "db-migrate.ts")], { env: { ...process.env, DATABASE_URL: url } });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe.skipIf(!serverUrl)("migrations on postgres", () => {
  it("applies each migration once when four processes migrate an empty database at the same moment", async () => {
    const { url, drop } = await createEmptyDatabase(serverUrl ?? "", "dojo_migrate");
    try {
      // Four `npm run db:migrate` processes, started together (each takes the same time to boot, so they overlap).
      const results = await Promise.all(Array.from({ length: 4 }, () => migrateCommand(url)));
      for (const r of results) expect(r.code, r.output).toBe(0);
      const check = postgres(url, { max: 1, onnotice: () => {} });
      const [row] = await check`select count(*)::int as n from drizzle.__drizzle_migrations`;
      await check.end();
      expect(row?.n).toBe(migrationCount);
    } finally {
      await drop();
    }
  });

  it("waits for another process holding the migration lock instead of migrating beside it", async () => {
    const { url, drop } = await createEmptyDatabase(serverUrl ?? "", "dojo_migrate");
    const holder = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await holder`select pg_advisory_lock(hashtext(${MIGRATION_LOCK}))`;
      const app = openPostgres(url, { max: 2 });
      let done = false;
      const migrating = app.migrate().then(() => (done = true));
      await new Promise((r) => setTimeout(r, 1500));
      expect(done, "migrated while another process held the lock").toBe(false);
      await holder`select pg_advisory_unlock(hashtext(${MIGRATION_LOCK}))`;
      await migrating;
      expect(done).toBe(true);
      await app.close();
    } finally {
      await holder.end();
      await drop();
    }
  });
});
