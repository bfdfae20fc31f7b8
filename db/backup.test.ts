// Backups are only as good as their restore: a database with members, their
// sealed check-ins, a coach's reply and newsletter readers is dumped with
// pg_dump (custom format, as the README's operations section says), restored
// with pg_restore into a new database, and the app reads it there as before.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openPostgres, setTestDatabase } from "./client";
import { comps, newsletterSubscribers, users } from "./schema";
import { createEmptyDatabase } from "./testing";
import type { CurrentUser } from "@/lib/auth/current-user";
import { claimCheckin, replyToCheckin } from "@/lib/checkins/coach";
import { myCheckin, submitCheckin } from "@/lib/checkins/member";
import { setDataKeyForTests } from "@/lib/crypto/sealed";

const serverUrl = process.env.DATABASE_URL;
const hasTools = (() => {
  try {
    execFileSync("pg_dump", ["--version"], { stdio: "ignore" });
    execFileSync("pg_restore", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!serverUrl || !hasTools)("backup and restore on postgres", () => {
  it("restores a pg_dump into another database that the app reads exactly as before", async () => {
    const source = await createEmptyDatabase(serverUrl ?? "", "dojo_backup");
    const target = await createEmptyDatabase(serverUrl ?? "", "dojo_restored");
    const dump = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dojo-backup-")), "dojo.dump");
    setDataKeyForTests(randomBytes(32));
    try {
      const original = openPostgres(source.url, { max: 2 });
      await original.migrate();
      setTestDatabase(original);
      const [m] = await original.db.insert(users).values({ email: "member@example.com", role: "member" }).returning({ id: users.id });
      const [c] = await original.db.insert(users).values({ email: "coach@example.com", role: "coach" }).returning({ id: users.id });
      const member: CurrentUser = { id: m?.id ?? "", email: "member@example.com", role: "member", timeZone: "UTC", sessionToken: "t" };
      const coach: CurrentUser = { id: c?.id ?? "", email: "coach@example.com", role: "coach", timeZone: "UTC", sessionToken: "t" };
      await original.db.insert(comps).values({ userId: member.id, endsAt: new Date(Date.now() + 86_400_000) });
      await original.db.insert(newsletterSubscribers).values({ email: "reader@example.com", status: "confirmed", source: "import", subscribedAt: new Date() });
      const sent = await submitCheckin(member, { mood: 3, sendTo: "coach", happened: "Moved my things out today.", win: "", hard: "", question: "" });
      if (!sent.ok) throw new Error(sent.error);
      await claimCheckin(coach, sent.id);
      await replyToCheckin(coach, sent.id, { body: "A big day. Be gentle with yourself tonight." });
      const counts = async (db: typeof original.db) => {
        const result = (await db.execute(
          sql`select (select count(*) from users) as users, (select count(*) from checkins) as checkins, (select count(*) from checkin_replies) as replies, (select count(*) from newsletter_subscribers) as readers, (select count(*) from drizzle.__drizzle_migrations) as migrations`,
        )) as unknown as Record<string, string>[];
        return result[0];
      };
      const before = await counts(original.db);
      setTestDatabase(undefined);
      await original.close();

      execFileSync("pg_dump", ["--format=custom", "--no-owner", `--file=${dump}`, source.url]);
      execFileSync("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${target.url}`, dump]);

      const restored = openPostgres(target.url, { max: 2 });
      setTestDatabase(restored);
      try {
        expect(await counts(restored.db)).toEqual(before);
        // Nothing left to migrate, and the member's sealed words and the coach's reply read as written.
        await restored.migrate();
        expect(await counts(restored.db)).toEqual(before);
        const mine = await myCheckin(member, sent.id);
        expect(mine?.content.happened).toBe("Moved my things out today.");
        expect(mine?.replies.map((r) => r.body)).toEqual(["A big day. Be gentle with yourself tonight."]);
      } finally {
        setTestDatabase(undefined);
        await restored.close();
      }
    } finally {
      setDataKeyForTests(undefined);
      await source.drop();
      await target.drop();
      fs.rmSync(path.dirname(dump), { recursive: true, force: true });
    }
  });
});
