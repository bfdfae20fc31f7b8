// Modules that count from the member's no-contact start instead of their Dojo start: the
// dates in the member's own zone, what a restart does (and does not do) to lessons, and
// that a locked no-contact lesson is refused everywhere a member could reach it.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { comps, contactEvents, lessonUnlocks, memberDojo, users } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/current-user";
import { exportMyData } from "@/lib/account/data";
import { logContactEvent } from "@/lib/checkins/member";
import { createLesson, createModule, lessonForEditing, listCurriculum, saveLesson, setModuleAnchor } from "./editor";
import { dojoOverview, lessonForReader, searchLessons, setLessonDone, setNoContactStart } from "./member";

const at = (iso: string) => new Date(iso);

describe.each(testDatabases())("the no-contact drip on $kind", (target) => {
  let handle: DbHandle;
  let coach: CurrentUser;
  const moduleIds: Record<string, number> = {};
  const lessonIds: Record<string, number> = {};

  async function person(email: string, role: CurrentUser["role"], timeZone = "America/New_York"): Promise<CurrentUser> {
    const [row] = await handle.db.insert(users).values({ email, role, timeZone }).returning({ id: users.id });
    return { id: row?.id ?? "", email, role, timeZone, sessionToken: "t" };
  }
  /** A paying member whose Dojo started on `startDate`. */
  async function member(email: string, startDate: string, timeZone = "America/New_York") {
    const user = await person(email, "member", timeZone);
    await handle.db.insert(comps).values({ userId: user.id, endsAt: at("2027-12-31T00:00:00Z") });
    await handle.db.insert(memberDojo).values({ userId: user.id, startDate });
    return user;
  }
  async function lesson(moduleId: number, key: string, title: string, body: string, offset: number) {
    const created = await createLesson(coach, { moduleId, title });
    if (!created.ok) throw new Error(created.error);
    lessonIds[key] = created.id;
    const saved = await saveLesson(coach, created.id, { title, slug: key, bodyMd: body, exerciseMd: "One line is enough.", releaseOffsetDays: offset, status: "published" });
    if (!saved.ok) throw new Error(saved.error);
  }
  const kind = async (user: CurrentUser, slug: string, now: Date) => (await lessonForReader(user, slug, now)).kind;
  const settings = (user: CurrentUser) => handle.db.query.memberDojo.findFirst({ where: eq(memberDojo.userId, user.id) });
  const kept = async (user: CurrentUser) =>
    (await handle.db.query.lessonUnlocks.findMany({ columns: { lessonId: true }, where: eq(lessonUnlocks.userId, user.id) })).map((r) => r.lessonId).sort();

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    coach = await person("coach@example.com", "coach");
    for (const [key, title] of [["start", "From the first day"], ["space", "While you keep your distance"], ["side", "A side path"]] as const) {
      const mod = await createModule(coach, { title });
      if (!mod.ok) throw new Error(mod.error);
      moduleIds[key] = mod.id;
    }
    await lesson(moduleIds.start!, "welcome", "Welcome", "Kettle on. Settle in.", 0);
    await lesson(moduleIds.space!, "day-zero", "Day zero", "The first quiet evening is the loudest.", 0);
    await lesson(moduleIds.space!, "day-three", "Day three", "Quokka: the word only day three holds.", 3);
    await lesson(moduleIds.space!, "day-ten", "Day ten", "Pangolin: the word only day ten holds.", 10);
    await lesson(moduleIds.side!, "side-step", "Side step", "Axolotl: the word only the side path holds.", 3);
    for (const key of ["space", "side"]) expect(await setModuleAnchor(coach, { moduleId: moduleIds[key], releaseAnchor: "no_contact" })).toEqual({ ok: true });
  });
  afterAll(() => handle.close());

  it("shows the coach each module's anchor, and refuses a bad one without changing anything", async () => {
    const anchors = (await listCurriculum(coach)).map((m) => m.releaseAnchor);
    expect(anchors).toEqual(["start", "no_contact", "no_contact"]);
    expect((await lessonForEditing(coach, lessonIds["day-three"]!))?.lesson.releaseAnchor).toBe("no_contact"); // the editor says what day N counts from
    const bad = await setModuleAnchor(coach, { moduleId: moduleIds.space, releaseAnchor: "whenever" });
    expect(bad.ok).toBe(false);
    expect(await setModuleAnchor(coach, { moduleId: 999_999, releaseAnchor: "start" })).toEqual({ ok: false, error: "That module no longer exists." });
    expect((await listCurriculum(coach)).map((m) => m.releaseAnchor)).toEqual(anchors);
  });

  it("counts from the Dojo start until the member gives a no-contact date", async () => {
    const newcomer = await member("newcomer@example.com", "2026-02-20");
    const now = at("2026-02-22T17:00:00Z"); // day 2
    expect(await kind(newcomer, "day-zero", now)).toBe("open");
    expect(await lessonForReader(newcomer, "day-three", now)).toEqual({ kind: "locked", title: "Day three", moduleTitle: "While you keep your distance", opensOn: "2026-02-23" });
    const overview = await dojoOverview(newcomer, now);
    expect(overview.anchorChosen).toBe(false);
    expect(overview.noContactAnchor).toBe("2026-02-20");
    expect(overview.hasNoContactLessons).toBe(true);
  });

  it("opens a no-contact lesson N days after the no-contact start, at local midnight, across New York's clock change", async () => {
    const ny = await member("ny@example.com", "2026-03-05");
    expect(await setNoContactStart(ny, "2026-03-05", undefined, at("2026-03-05T15:00:00Z"))).toEqual({ ok: true });
    expect((await settings(ny))?.noContactAnchor).toBe("2026-03-05"); // the first date becomes the anchor

    // Day 3 is Sunday 8 March, the day clocks spring forward: it opens at midnight EST.
    expect(await kind(ny, "day-three", at("2026-03-08T04:59:00Z"))).toBe("locked");
    expect(await kind(ny, "day-three", at("2026-03-08T05:00:00Z"))).toBe("open");
    // Day 10 is after the change: midnight is now EDT, an hour earlier in UTC.
    const before = at("2026-03-15T03:59:00Z");
    const after = at("2026-03-15T04:00:00Z");
    expect(await lessonForReader(ny, "day-ten", before)).toMatchObject({ kind: "locked", opensOn: "2026-03-15" });
    expect((await dojoOverview(ny, before)).nextToOpen).toMatchObject({ slug: "day-ten", opensOn: "2026-03-15" });
    expect(await searchLessons(ny, "pangolin", before)).toEqual([]);
    expect(await setLessonDone(ny, "day-ten", true, before)).toBe(false);
    expect(await kind(ny, "day-ten", after)).toBe("open");
    expect((await searchLessons(ny, "pangolin", after)).map((r) => r.slug)).toEqual(["day-ten"]);
    expect(await setLessonDone(ny, "day-ten", true, after)).toBe(true);
  });

  it("counts in London's own days across its clock change on 29 March", async () => {
    const london = await member("london@example.com", "2026-03-25", "Europe/London");
    await setNoContactStart(london, "2026-03-25", undefined, at("2026-03-25T09:00:00Z"));
    expect(await kind(london, "day-three", at("2026-03-27T23:59:00Z"))).toBe("locked");
    expect(await kind(london, "day-three", at("2026-03-28T00:00:00Z"))).toBe("open"); // midnight GMT
    expect(await kind(london, "day-ten", at("2026-04-03T22:59:00Z"))).toBe("locked");
    expect(await kind(london, "day-ten", at("2026-04-03T23:00:00Z"))).toBe("open"); // midnight BST
  });

  it("restarting with the lessons moves the count, keeps what was open, and makes later lessons wait", async () => {
    const r = await member("restart@example.com", "2026-03-01");
    await setNoContactStart(r, "2026-03-01", undefined, at("2026-03-01T17:00:00Z"));
    const day4 = at("2026-03-05T17:00:00Z");
    expect(await kind(r, "day-three", day4)).toBe("open");

    // Changing the date without saying what happens to the lessons is refused, and changes nothing.
    const before = await settings(r);
    const refused = await setNoContactStart(r, "2026-03-05", undefined, day4);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { lessons: expect.stringContaining("Choose") } });
    expect(await settings(r)).toEqual(before);

    expect(await setNoContactStart(r, "2026-03-05", "restart", day4)).toEqual({ ok: true });
    expect(await settings(r)).toMatchObject({ noContactStart: "2026-03-05", noContactAnchor: "2026-03-05" });
    expect(await kept(r)).toEqual([lessonIds["day-three"], lessonIds["side-step"]].sort());
    // The member's download says what their lessons count from, and which were kept open.
    const exported = await exportMyData(r);
    expect(exported.dojo).toMatchObject({ noContactStart: "2026-03-05", noContactAnchor: "2026-03-05" });
    expect(exported.dojo.lessonsKeptOpen.map((k) => k.lesson).sort()).toEqual(["Day three", "Side step"]);

    const day11 = at("2026-03-12T17:00:00Z"); // day 11 of the old count, day 7 of the new one
    expect(await kind(r, "day-three", day11)).toBe("open"); // opened before the restart: stays open
    expect(await setLessonDone(r, "day-three", true, day11)).toBe(true);
    expect((await searchLessons(r, "quokka", day11)).map((r) => r.slug)).toEqual(["day-three"]);
    expect(await lessonForReader(r, "day-ten", day11)).toEqual({ kind: "locked", title: "Day ten", moduleTitle: "While you keep your distance", opensOn: "2026-03-15" });
    expect(await searchLessons(r, "pangolin", day11)).toEqual([]);
    expect(await setLessonDone(r, "day-ten", true, day11)).toBe(false);
    expect(await kind(r, "welcome", day11)).toBe("open"); // modules counting from the Dojo start are untouched
    expect(await kind(r, "day-ten", at("2026-03-15T04:00:00Z"))).toBe("open");
  });

  it("restarting and keeping the lessons changes nothing for them; clearing the date locks nothing", async () => {
    const k = await member("keep@example.com", "2026-03-01");
    await setNoContactStart(k, "2026-03-01", undefined, at("2026-03-01T17:00:00Z"));
    const day4 = at("2026-03-05T17:00:00Z");
    expect(await setNoContactStart(k, "2026-03-05", "keep", day4)).toEqual({ ok: true });
    expect(await settings(k)).toMatchObject({ noContactStart: "2026-03-05", noContactAnchor: "2026-03-01" });
    expect(await kept(k)).toEqual([]);
    expect((await dojoOverview(k, day4)).noContactDays).toBe(0); // the count restarted…
    expect(await lessonForReader(k, "day-ten", day4)).toMatchObject({ kind: "locked", opensOn: "2026-03-11" }); // …the lessons did not

    expect(await setNoContactStart(k, null, undefined, day4)).toEqual({ ok: true });
    expect(await settings(k)).toMatchObject({ noContactStart: null, noContactAnchor: "2026-03-01" });
    expect(await kind(k, "day-three", day4)).toBe("open");
    expect(await kind(k, "day-ten", at("2026-03-11T05:00:00Z"))).toBe("open");
  });

  it("keeps lessons open when a first no-contact date comes after the Dojo start", async () => {
    const late = await member("late@example.com", "2026-03-01");
    const day4 = at("2026-03-05T17:00:00Z");
    expect(await kind(late, "day-three", day4)).toBe("open"); // counted from the Dojo start so far
    await setNoContactStart(late, "2026-03-05", undefined, day4);
    expect(await kind(late, "day-three", day4)).toBe("open");
    expect(await lessonForReader(late, "day-ten", day4)).toMatchObject({ kind: "locked", opensOn: "2026-03-15" });
  });

  it("restarts from the contact log only with the member's choice about lessons", async () => {
    const c = await member("logged@example.com", "2026-03-01");
    await setNoContactStart(c, "2026-03-01", undefined, at("2026-03-01T17:00:00Z"));
    const day4 = at("2026-03-05T17:00:00Z");
    const refused = await logContactEvent(c, { kind: "i_reached_out", onDate: "2026-03-04", restart: "yes" }, day4);
    expect(refused).toMatchObject({ ok: false, fieldErrors: { lessons: expect.any(String) } });
    expect(await handle.db.query.contactEvents.findMany({ where: eq(contactEvents.userId, c.id) })).toEqual([]);

    expect(await logContactEvent(c, { kind: "i_reached_out", onDate: "2026-03-04", restart: "yes", lessons: "restart" }, day4)).toEqual({ ok: true });
    expect(await settings(c)).toMatchObject({ noContactStart: "2026-03-04", noContactAnchor: "2026-03-04" });
    expect(await kind(c, "day-three", day4)).toBe("open"); // open before, kept open
    expect(await lessonForReader(c, "day-ten", day4)).toMatchObject({ kind: "locked", opensOn: "2026-03-14" });

    // Logged without a restart: nothing moves.
    expect(await logContactEvent(c, { kind: "i_reached_out", onDate: "2026-03-05" }, day4)).toEqual({ ok: true });
    expect(await settings(c)).toMatchObject({ noContactStart: "2026-03-04", noContactAnchor: "2026-03-04" });
  });

  it("lets a coach read every lesson, whatever the count", async () => {
    const now = at("2026-03-05T17:00:00Z");
    expect(await kind(coach, "day-ten", now)).toBe("open");
    expect((await searchLessons(coach, "pangolin", now)).map((r) => r.slug)).toEqual(["day-ten"]);
  });

  it("keeps members' open lessons open when a coach switches the module's anchor", async () => {
    // No contact began well before joining: the side path's day 3 is open by the no-contact count only.
    const early = await member("early@example.com", "2026-03-10");
    const now = at("2026-03-10T17:00:00Z");
    await setNoContactStart(early, "2026-03-01", undefined, now);
    expect(await kind(early, "side-step", now)).toBe("open");
    const other = await member("other@example.com", "2026-03-10"); // nothing open there yet: stays locked
    expect(await kind(other, "side-step", now)).toBe("locked");

    expect(await setModuleAnchor(coach, { moduleId: moduleIds.side, releaseAnchor: "start" }, now)).toEqual({ ok: true });
    expect(await kind(early, "side-step", now)).toBe("open");
    expect(await handle.db.query.lessonUnlocks.findFirst({ where: and(eq(lessonUnlocks.userId, early.id), eq(lessonUnlocks.lessonId, lessonIds["side-step"]!)) })).toBeDefined();
    expect(await kind(other, "side-step", now)).toBe("locked");
    expect(await lessonForReader(other, "side-step", now)).toMatchObject({ opensOn: "2026-03-13" });
  });
});
