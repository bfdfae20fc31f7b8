import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { claimedQuizResults, comps, contactEvents, quizResults, savedExMessages, users } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { deleteMyAccount, exportMyData } from "@/lib/account/data";
import type { CurrentUser } from "@/lib/auth/current-user";
import { logContactEvent, myContactLog } from "@/lib/checkins/member";
import { setDataKeyForTests } from "@/lib/crypto/sealed";
import { deleteMySavedExMessage, mySavedExMessages, readExMessage, tiesFromQuiz } from "./member";

const DAY = 86_400_000;
const answers = { kind: "logistics", afraid: "no", ties: ["children"], want: "civil" };
const today = () => new Date().toISOString().slice(0, 10);

describe.each(testDatabases())("saved ex messages on $kind", (target) => {
  let handle: DbHandle;
  const people: Record<"owner" | "other" | "lapsed", CurrentUser> = {} as never;

  async function person(key: keyof typeof people, paying: boolean) {
    const email = `${key}@example.com`;
    const [row] = await handle.db.insert(users).values({ email, role: "member" }).returning({ id: users.id });
    const id = row?.id ?? "";
    if (paying) await handle.db.insert(comps).values({ userId: id, endsAt: new Date(Date.now() + 30 * DAY) });
    people[key] = { id, email, role: "member", timeZone: "UTC", sessionToken: "t" };
  }
  const count = async (userId: string) => (await handle.db.select().from(savedExMessages).where(eq(savedExMessages.userId, userId))).length;

  beforeAll(async () => {
    setDataKeyForTests(randomBytes(32));
    handle = await openFreshTestDatabase(target);
    await person("owner", true);
    await person("other", true);
    await person("lapsed", false);
  });
  afterAll(async () => {
    setDataKeyForTests(undefined);
    await handle.close();
  });

  it("reads a pasted message and stores nothing when the member didn't ask", async () => {
    const read = await readExMessage(people.owner, { ...answers, message: "Can you take Mia on Friday at 5?", note: "" });
    expect(read).toMatchObject({ ok: true, danger: false, savedId: null });
    if (read.ok) expect(read.notes.join(" ")).toMatch(/asks you something/);
    expect(await handle.db.select().from(savedExMessages)).toHaveLength(0);
  });

  it("seals a saved message: a raw SELECT shows no plaintext, and the member reads it back", async () => {
    const read = await readExMessage(people.owner, { ...answers, message: "Pick up Mia at the Oak Street school", note: "Be calm", save: "yes" });
    if (!read.ok || !read.savedId) throw new Error("not saved");
    const raw = await handle.db.execute(sql`select * from saved_ex_messages`);
    expect(JSON.stringify(raw)).not.toContain("Oak Street");
    expect(JSON.stringify(raw)).not.toContain("Be calm");
    const row = await handle.db.query.savedExMessages.findFirst({ where: eq(savedExMessages.id, read.savedId) });
    expect(row).toMatchObject({ rulesVersion: 1, answers, userId: people.owner.id, contactEventId: null });
    const mine = await mySavedExMessages(people.owner);
    expect(mine.map((m) => [m.message, m.note])).toEqual([["Pick up Mia at the Oak Street school", "Be calm"]]);
    // The export carries it, opened.
    const exported = await exportMyData(people.owner);
    expect(exported.savedExMessages.map((m) => m.message)).toEqual(["Pick up Mia at the Oak Street school"]);
  });

  it("lets no other member read or delete it", async () => {
    const [mine] = await mySavedExMessages(people.owner);
    if (!mine) throw new Error("missing");
    expect(await mySavedExMessages(people.other)).toEqual([]);
    expect(await deleteMySavedExMessage(people.other, mine.id)).toBe(false);
    expect(await count(people.owner.id)).toBe(1);
    expect(await deleteMySavedExMessage(people.owner, "not-a-uuid")).toBe(false);
  });

  it("logging the contact adds exactly one row, and a message saved that day is linked to it", async () => {
    const before = (await handle.db.select().from(contactEvents)).length;
    expect(await logContactEvent(people.owner, { kind: "ex_reached_out", onDate: today() })).toEqual({ ok: true });
    const after = await handle.db.select().from(contactEvents);
    expect(after.length).toBe(before + 1);
    expect((await myContactLog(people.owner)).map((e) => [e.kind, e.onDate])).toEqual([["ex_reached_out", today()]]);
    const read = await readExMessage(people.owner, { ...answers, message: "Running late, 5:30?", save: "on" });
    if (!read.ok || !read.savedId) throw new Error("not saved");
    expect((await mySavedExMessages(people.owner))[0]).toMatchObject({ id: read.savedId, loggedOn: today() });
  });

  it("turns a threatening message into safety, and still saves it as a record when asked", async () => {
    const read = await readExMessage(people.owner, { ...answers, message: "You'll regret this. I know where you live.", save: "yes" });
    expect(read).toMatchObject({ ok: true, danger: true });
    expect(await count(people.owner.id)).toBe(3);
  });

  it("refuses bad input, a lapsed membership and missing answers, and stores nothing", async () => {
    const before = await count(people.owner.id);
    expect(await readExMessage(people.owner, { ...answers, message: "x".repeat(5001), save: "yes" })).toMatchObject({ ok: false, fieldErrors: { message: expect.any(String) } });
    expect(await readExMessage(people.owner, { ...answers, message: "   ", save: "yes" })).toMatchObject({ ok: false, fieldErrors: { message: expect.any(String) } });
    expect(await readExMessage(people.owner, { kind: "plea", message: "hi", save: "yes" })).toMatchObject({ ok: false });
    expect(await readExMessage(people.owner, { ...answers, kind: "nonsense", message: "hi", save: "yes" })).toMatchObject({ ok: false });
    expect(await count(people.owner.id)).toBe(before);
    expect(await readExMessage(people.lapsed, { ...answers, message: "hi", save: "yes" })).toMatchObject({ ok: false, error: expect.stringMatching(/membership/) });
    expect(await count(people.lapsed.id)).toBe(0);
  });

  it("prefills the situation from a quiz result the member kept", async () => {
    expect(await tiesFromQuiz(people.other)).toBeNull();
    const tokenHash = "h".repeat(64);
    await handle.db.insert(quizResults).values({ tokenHash, definitionVersion: 1, answers: { ties: ["work", "friends"] }, prescriptionId: "limited_contact", result: {} });
    await handle.db.insert(claimedQuizResults).values({ userId: people.other.id, tokenHash });
    expect(await tiesFromQuiz(people.other)).toEqual(["work"]);
  });

  it("goes with the account when the member deletes it", async () => {
    expect(await count(people.owner.id)).toBeGreaterThan(0);
    expect(await deleteMyAccount(people.owner, people.owner.email)).toEqual({ ok: true });
    expect(await count(people.owner.id)).toBe(0);
  });
});
