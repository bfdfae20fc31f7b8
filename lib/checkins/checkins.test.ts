import { randomBytes } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { checkinReads, checkins, comps, emailOutbox, users } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { ForbiddenError, type CurrentUser } from "@/lib/auth/current-user";
import { setDataKeyForTests, UnsealError } from "@/lib/crypto/sealed";
import { claimCheckin, openForCoach, QUEUE_PAGE_SIZE, readAudit, replyToCheckin, reviewQueue } from "./coach";
import { openContent } from "./content";
import { deleteMyCheckin, getDraft, myCheckin, myCheckins, saveDraft, submitCheckin } from "./member";

const DAY = 86_400_000;

describe.each(testDatabases())("check-ins on $kind", (target) => {
  let handle: DbHandle;
  const people: Record<"owner" | "other" | "coach" | "coach2" | "admin" | "lapsed", CurrentUser> = {} as never;

  async function person(key: keyof typeof people, role: CurrentUser["role"], access: "yes" | "no" | "lapsed") {
    const email = `${key}@example.com`;
    const [row] = await handle.db.insert(users).values({ email, role, name: key === "coach" ? "Coach Kim" : null }).returning({ id: users.id });
    const id = row?.id ?? "";
    if (access !== "no") await handle.db.insert(comps).values({ userId: id, endsAt: new Date(Date.now() + 30 * DAY) });
    people[key] = { id, email, role, timeZone: "UTC", sessionToken: "t" };
  }
  const send = (who: CurrentUser, text: string, sendTo: "coach" | "private" = "coach") => submitCheckin(who, { mood: 4, sendTo, happened: text, win: "", hard: "", question: "" });

  beforeAll(async () => {
    setDataKeyForTests(randomBytes(32));
    handle = await openFreshTestDatabase(target);
    await person("owner", "member", "yes");
    await person("other", "member", "yes");
    await person("coach", "coach", "no");
    await person("coach2", "coach", "no");
    await person("admin", "admin", "no");
    await person("lapsed", "member", "lapsed");
  });
  afterAll(async () => {
    setDataKeyForTests(undefined);
    await handle.close();
  });

  it("keeps no plaintext in the database, and a ciphertext moved to another row does not open", async () => {
    const sent = await send(people.owner, "Secret words about the handover");
    if (!sent.ok) throw new Error("not sent");
    const raw = await handle.db.execute(sql`select * from checkins`);
    expect(JSON.stringify(raw)).not.toContain("Secret words");
    const row = await handle.db.query.checkins.findFirst({ where: eq(checkins.id, sent.id) });
    expect(openContent(row?.contentEnc ?? "", sent.id).happened).toBe("Secret words about the handover");
    expect(() => openContent(row?.contentEnc ?? "", "00000000-0000-4000-8000-000000000000")).toThrow(UnsealError);
  });

  it("marks when a member last wrote to a coach (the dashboard's quiet list), and a private entry does not count", async () => {
    const lastOf = async () => (await handle.db.query.users.findFirst({ columns: { lastCheckinAt: true }, where: eq(users.id, people.lapsed.id) }))?.lastCheckinAt ?? null;
    const mine = { ...people.owner };
    const before = (await handle.db.query.users.findFirst({ columns: { lastCheckinAt: true }, where: eq(users.id, mine.id) }))?.lastCheckinAt ?? null;
    const at = new Date(Date.now() + 60_000);
    expect((await submitCheckin(mine, { mood: 4, sendTo: "private", happened: "just for me" }, at)).ok).toBe(true);
    expect((await handle.db.query.users.findFirst({ columns: { lastCheckinAt: true }, where: eq(users.id, mine.id) }))?.lastCheckinAt ?? null).toEqual(before);
    expect((await submitCheckin(mine, { mood: 4, sendTo: "coach", happened: "for the coach" }, at)).ok).toBe(true);
    expect((await handle.db.query.users.findFirst({ columns: { lastCheckinAt: true }, where: eq(users.id, mine.id) }))?.lastCheckinAt).toEqual(at);
    expect(await lastOf()).toBeNull(); // someone who never wrote
  });

  it("autosaves a draft that survives a reload, and sending uses it", async () => {
    expect((await saveDraft(people.other, { happened: "half a thought", win: "", hard: "", question: "", mood: 6 })).ok).toBe(true);
    expect(await getDraft(people.other)).toMatchObject({ happened: "half a thought", mood: 6 });
    expect((await saveDraft(people.other, { happened: "a whole thought", win: "", hard: "", question: "", mood: 7 })).ok).toBe(true);
    const drafts = await handle.db.select().from(checkins).where(sql`${checkins.userId} = ${people.other.id} and ${checkins.status} = 'draft'`);
    expect(drafts).toHaveLength(1);
    const sent = await send(people.other, "a whole thought");
    expect(sent.ok).toBe(true);
    expect(await getDraft(people.other)).toBeNull();
  });

  it("refuses bad input and stores nothing", async () => {
    const before = (await handle.db.select().from(checkins)).length;
    expect(await submitCheckin(people.owner, { mood: 11, sendTo: "coach", happened: "x" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await submitCheckin(people.owner, { mood: 5, sendTo: "everyone", happened: "x" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await submitCheckin(people.owner, { mood: 5, sendTo: "coach" })).toMatchObject({ ok: false, reason: "invalid" });
    expect((await handle.db.select().from(checkins)).length).toBe(before);
  });

  it("puts words of danger at the top of the queue, marked urgent", async () => {
    await send(people.owner, "an ordinary Tuesday");
    const urgent = await send(people.owner, "honestly I want to die");
    expect(urgent).toMatchObject({ ok: true, urgent: true });
    const queue = (await reviewQueue(people.coach)).items;
    expect(queue[0]?.id).toBe(urgent.ok ? urgent.id : "");
    expect(queue[0]?.urgent).toBe(true);
    // The rest follow oldest first.
    const rest = queue.slice(1).map((q) => q.submittedAt?.getTime() ?? 0);
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
  });

  it("never shows private journal entries to coaches", async () => {
    const journal = await send(people.owner, "just for me", "private");
    if (!journal.ok) throw new Error("not saved");
    expect((await reviewQueue(people.coach, { status: "all" })).items.some((q) => q.id === journal.id)).toBe(false);
    expect(await openForCoach(people.coach, journal.id)).toBeNull();
    expect(await openForCoach(people.admin, journal.id)).toBeNull();
    expect((await myCheckin(people.owner, journal.id))?.content.happened).toBe("just for me");
  });

  describe("a long queue", () => {
    // Sixty waiting at the same moment, so only the tie-break keeps the pages apart; ten answered ones for the other views.
    const same = new Date(Date.now() - 3 * DAY);
    const waitingIds: string[] = [];
    const repliedIds: string[] = [];
    beforeAll(async () => {
      const rows = Array.from({ length: 70 }, (_, i) => ({
        id: crypto.randomUUID(),
        userId: people.other.id,
        status: i < 60 ? ("waiting" as const) : ("replied" as const),
        contentEnc: "not opened by the queue",
        submittedAt: i < 60 ? same : new Date(same.getTime() + i * 60_000),
        repliedAt: i < 60 ? null : new Date(same.getTime() + DAY),
      }));
      await handle.db.insert(checkins).values(rows);
      for (const r of rows) (r.status === "waiting" ? waitingIds : repliedIds).push(r.id);
    });
    afterAll(async () => {
      await handle.db.delete(checkins).where(inArray(checkins.id, [...waitingIds, ...repliedIds]));
    });

    async function everyPage(filter: Record<string, string>) {
      const pages = [];
      for (let page = 1; page < 10; page++) {
        const result = await reviewQueue(people.coach, { ...filter, page: String(page) });
        pages.push(result);
        if (!result.hasMore) break;
      }
      return pages;
    }

    it("comes in pages of 50 that never repeat or skip a check-in", async () => {
      const pages = await everyPage({});
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(pages[0]?.items).toHaveLength(QUEUE_PAGE_SIZE);
      expect(pages[0]?.hasMore).toBe(true);
      expect(pages[1]?.firstNumber).toBe(QUEUE_PAGE_SIZE + 1);
      const ids = pages.flatMap((p) => p.items.map((q) => q.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(waitingIds));
      // Across the pages: urgent ones first, then the longest waiting.
      const order = pages.flatMap((p) => p.items.map((q) => [q.urgent ? 0 : 1, q.submittedAt?.getTime() ?? 0] as const));
      expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    });

    it("shows answered check-ins newest first, and finds a member by email in any case", async () => {
      const replied = (await reviewQueue(people.coach, { status: "replied", member: "OTHER@Example.com" })).items;
      expect(replied.map((q) => q.id)).toEqual([...repliedIds].reverse());
      const all = await everyPage({ status: "all", member: "other@example.com" });
      const times = all.flatMap((p) => p.items.map((q) => q.submittedAt?.getTime() ?? 0));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(all.flatMap((p) => p.items).every((q) => q.memberEmail === "other@example.com")).toBe(true);
    });

    it("treats a page number it cannot read as the first page", async () => {
      const first = (await reviewQueue(people.coach)).items.map((q) => q.id);
      for (const page of ["0", "-3", "abc", "1e9"]) expect((await reviewQueue(people.coach, { page })).items.map((q) => q.id)).toEqual(first);
    });
  });

  describe("the access matrix", () => {
    let id = "";
    const snapshot = async () => handle.db.query.checkins.findFirst({ where: eq(checkins.id, id) });
    beforeAll(async () => {
      const sent = await send(people.owner, "matrix check-in");
      if (!sent.ok) throw new Error("not sent");
      id = sent.id;
    });

    it("list: each member sees only their own; coaches and admins see it in the queue", async () => {
      expect((await myCheckins(people.owner)).some((c) => c.id === id)).toBe(true);
      expect((await myCheckins(people.other)).some((c) => c.id === id)).toBe(false);
      expect((await myCheckins(people.lapsed)).some((c) => c.id === id)).toBe(false);
      expect((await reviewQueue(people.coach)).items.some((q) => q.id === id)).toBe(true);
      expect((await reviewQueue(people.admin)).items.some((q) => q.id === id)).toBe(true);
      await expect(reviewQueue(people.other)).rejects.toBeInstanceOf(ForbiddenError);
    });

    it("read: the owner and coaches (audited); anyone else finds nothing and changes nothing", async () => {
      const before = await snapshot();
      expect(await myCheckin(people.other, id)).toBeNull();
      expect(await myCheckin(people.lapsed, id)).toBeNull();
      await expect(openForCoach(people.other, id)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await snapshot()).toEqual(before);
      expect((await handle.db.select().from(checkinReads).where(eq(checkinReads.checkinId, id))).length).toBe(0);

      const seen = await openForCoach(people.coach, id);
      expect(seen?.content.happened).toBe("matrix check-in");
      expect(await snapshot()).toEqual(before); // a read writes its audit row and nothing else
      const reads = await handle.db.select().from(checkinReads).where(eq(checkinReads.checkinId, id));
      expect(reads.map((r) => r.coachName)).toEqual(["Coach Kim"]);
      expect((await myCheckin(people.owner, id))?.reads.map((r) => r.coachName)).toEqual(["Coach Kim"]);
    });

    it("audit view: the owner and admins only", async () => {
      expect((await readAudit(people.owner, id))?.length).toBe(1);
      expect(await readAudit(people.admin, id)).not.toBeNull();
      expect(await readAudit(people.other, id)).toBeNull();
      expect(await readAudit(people.coach, id)).toBeNull();
    });

    it("edit: a draft belongs to its writer; nobody else's save reaches this check-in", async () => {
      const before = await snapshot();
      await saveDraft(people.other, { happened: "overwrite?", win: "", hard: "", question: "", mood: 1 });
      expect(await snapshot()).toEqual(before);
    });

    it("reply: coaches only, one coach at a time, once", async () => {
      const before = await snapshot();
      await expect(replyToCheckin(people.owner, id, { body: "hi" })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(replyToCheckin(people.other, id, { body: "hi" })).rejects.toBeInstanceOf(ForbiddenError);
      expect(await snapshot()).toEqual(before);

      // Opening it above claimed nothing: reading is not answering.
      expect((await openForCoach(people.coach2, id))?.takenBy).toBeNull();
      expect((await openForCoach(people.coach, id))?.mine).toBe(false);
      await expect(claimCheckin(people.owner, id)).rejects.toBeInstanceOf(ForbiddenError);

      // Coach Kim starts a reply and holds it; the second coach sees that and can neither claim nor answer.
      expect(await claimCheckin(people.coach, id)).toEqual({ ok: true });
      expect((await openForCoach(people.coach, id))?.mine).toBe(true);
      const second = await openForCoach(people.coach2, id);
      expect(second?.takenBy).toBe("Coach Kim");
      expect(await claimCheckin(people.coach2, id)).toEqual({ ok: false, error: expect.stringContaining("Coach Kim has just started answering") });
      expect(await replyToCheckin(people.coach2, id, { body: "me too" })).toMatchObject({ ok: false, reason: "taken" });

      expect(await replyToCheckin(people.coach, id, { body: "Thank you for writing. **One step** at a time." })).toEqual({ ok: true });
      expect(await replyToCheckin(people.admin, id, { body: "late" })).toMatchObject({ ok: false, reason: "answered" });

      const mine = await myCheckin(people.owner, id);
      expect(mine?.status).toBe("replied");
      expect(mine?.replies.map((r) => r.body)).toEqual(["Thank you for writing. **One step** at a time."]);
      const [mail] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, people.owner.email));
      expect(mail?.subject).toBe("You have a new reply in the Dojo");
      expect(`${mail?.textBody} ${mail?.htmlBody}`).not.toMatch(/matrix check-in|One step/);
    });

    it("delete: the owner only — even after their membership lapses", async () => {
      const before = await snapshot();
      expect(await deleteMyCheckin(people.other, id)).toBe(false);
      expect(await deleteMyCheckin(people.coach, id)).toBe(false);
      expect(await deleteMyCheckin(people.admin, id)).toBe(false);
      expect(await snapshot()).toEqual(before);
      expect(await deleteMyCheckin(people.owner, id)).toBe(true);
      expect(await snapshot()).toBeUndefined();
    });
  });

  it("a lapsed member reads past check-ins but cannot send new ones", async () => {
    const past = await send(people.lapsed, "from when I was a member");
    if (!past.ok) throw new Error("not sent");
    await handle.db.update(comps).set({ revokedAt: new Date() }).where(eq(comps.userId, people.lapsed.id));
    expect((await myCheckin(people.lapsed, past.id))?.content.happened).toBe("from when I was a member");
    expect(await send(people.lapsed, "new one")).toMatchObject({ ok: false, reason: "no_access" });
    expect((await saveDraft(people.lapsed, { happened: "a draft", win: "", hard: "", question: "", mood: 1 })).ok).toBe(false);
    expect(await deleteMyCheckin(people.lapsed, past.id)).toBe(true);
  });
});
