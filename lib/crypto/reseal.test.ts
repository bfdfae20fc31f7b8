import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { comps, users } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/current-user";
import { addCoachNote, openForCoach, replyToCheckin, claimCheckin } from "@/lib/checkins/coach";
import { myCheckin, submitCheckin } from "@/lib/checkins/member";
import { mySavedExMessages, readExMessage } from "@/lib/ex-reply/member";
import { resealAll } from "./reseal";
import { setDataKeyForTests } from "./sealed";

describe.each(testDatabases())("re-sealing after a DATA_KEY rotation on $kind", (target) => {
  let handle: DbHandle;
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  let member: CurrentUser;
  let coach: CurrentUser;
  let checkinId = "";

  beforeAll(async () => {
    setDataKeyForTests(oldKey);
    handle = await openFreshTestDatabase(target);
    const [m] = await handle.db.insert(users).values({ email: "member@example.com", role: "member" }).returning({ id: users.id });
    const [c] = await handle.db.insert(users).values({ email: "coach@example.com", role: "coach" }).returning({ id: users.id });
    member = { id: m?.id ?? "", email: "member@example.com", role: "member", timeZone: "UTC", sessionToken: "t" };
    coach = { id: c?.id ?? "", email: "coach@example.com", role: "coach", timeZone: "UTC", sessionToken: "t" };
    await handle.db.insert(comps).values({ userId: member.id, endsAt: new Date(Date.now() + 86_400_000) });
    const sent = await submitCheckin(member, { mood: 2, sendTo: "coach", happened: "He texted at 2 a.m. I did not answer.", win: "", hard: "", question: "" });
    if (!sent.ok) throw new Error(sent.error);
    checkinId = sent.id;
    expect((await claimCheckin(coach, checkinId)).ok).toBe(true);
    expect((await replyToCheckin(coach, checkinId, { body: "That took strength. What did you do instead?" })).ok).toBe(true);
    expect((await addCoachNote(coach, member.id, { body: "Check in again on Friday." })).ok).toBe(true);
    const saved = await readExMessage(member, { kind: "check_in", afraid: "no", ties: ["none"], want: "move_on", message: "Hey, how have you been?", save: "yes" });
    expect(saved).toMatchObject({ ok: true, savedId: expect.any(String) });
  });
  afterAll(async () => {
    setDataKeyForTests(undefined);
    await handle.close();
  });

  const prefixes = async () => {
    const result = (await handle.db.execute(
      sql`select split_part(content_enc, '.', 2) as kid from checkins union all select split_part(body_enc, '.', 2) from checkin_replies union all select split_part(body_enc, '.', 2) from coach_notes union all select split_part(content_enc, '.', 2) from saved_ex_messages`,
    )) as unknown;
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { kid: string }[];
    return new Set(rows.map((r) => r.kid));
  };

  it("moves every sealed value to the new key, readable throughout, and then the old key can go", async () => {
    const oldKids = await prefixes();
    expect(oldKids.size).toBe(1);
    // Rotation: the new key in DATA_KEY, the old one in DATA_KEY_PREVIOUS. Everything still reads.
    setDataKeyForTests(newKey, [oldKey]);
    expect((await myCheckin(member, checkinId))?.content.happened).toBe("He texted at 2 a.m. I did not answer.");

    const report = await resealAll(1);
    expect(report).toEqual([
      { table: "checkins", resealed: 1, unreadable: 0 },
      { table: "checkin_replies", resealed: 1, unreadable: 0 },
      { table: "coach_notes", resealed: 1, unreadable: 0 },
      { table: "saved_ex_messages", resealed: 1, unreadable: 0 },
    ]);
    const newKids = await prefixes();
    expect(newKids.size).toBe(1);
    expect([...newKids][0]).not.toBe([...oldKids][0]);
    // Run again: nothing left to do.
    expect((await resealAll()).map((r) => r.resealed)).toEqual([0, 0, 0, 0]);

    // The old key removed: the member and the coach read everything as written.
    setDataKeyForTests(newKey);
    const mine = await myCheckin(member, checkinId);
    expect(mine?.content.happened).toBe("He texted at 2 a.m. I did not answer.");
    expect(mine?.replies.map((r) => r.body)).toEqual(["That took strength. What did you do instead?"]);
    const seen = await openForCoach(coach, checkinId);
    expect(seen?.notes.map((n) => n.body)).toEqual(["Check in again on Friday."]);
    expect((await mySavedExMessages(member)).map((m) => m.message)).toEqual(["Hey, how have you been?"]);
  });
});
