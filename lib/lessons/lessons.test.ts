import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { comps, lessons, memberDojo, users } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { ForbiddenError, type CurrentUser } from "@/lib/auth/current-user";
import { createLesson, createModule, listCurriculum, lessonForEditing, moveLesson, reorderLessons, restoreVersion, saveLesson, setAllUnlocked } from "./editor";
import { dojoOverview, lessonForReader, searchLessons, setLessonDone } from "./member";

const day = 86_400_000;

describe.each(testDatabases())("lessons on $kind", (target) => {
  let handle: DbHandle;
  let coach: CurrentUser;
  let member: CurrentUser;
  let lapsed: CurrentUser;
  const ids: Record<string, number> = {};

  async function person(email: string, role: CurrentUser["role"]): Promise<CurrentUser> {
    const [row] = await handle.db.insert(users).values({ email, role, timeZone: "America/New_York" }).returning({ id: users.id });
    return { id: row?.id ?? "", email, role, timeZone: "America/New_York", sessionToken: "t" };
  }
  const publish = (id: number, fields: { title: string; slug: string; body: string; offset: number; status?: "draft" | "published" }) =>
    saveLesson(coach, id, { title: fields.title, slug: fields.slug, bodyMd: fields.body, exerciseMd: "Write one line.", releaseOffsetDays: fields.offset, status: fields.status ?? "published" });

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    coach = await person("coach@example.com", "coach");
    member = await person("member@example.com", "member");
    lapsed = await person("lapsed@example.com", "member");
    await handle.db.insert(comps).values({ userId: member.id, endsAt: new Date(Date.now() + 365 * day) });
    const mod = await createModule(coach, { title: "The first days" });
    if (!mod.ok) throw new Error(mod.error);
    for (const [key, title] of [["a", "Breathe first"], ["b", "Eat something"], ["c", "The locked one"], ["d", "Still a draft"]] as const) {
      const created = await createLesson(coach, { moduleId: mod.id, title });
      if (!created.ok) throw new Error(created.error);
      ids[key] = created.id;
    }
    await publish(ids.a!, { title: "Breathe first", slug: "breathe-first", body: "Slow breathing calms the panic. Count to four.", offset: 0 });
    await publish(ids.b!, { title: "Eat something", slug: "eat-something", body: "A sandwich counts as self-care today.", offset: 0 });
    await publish(ids.c!, { title: "The locked one", slug: "the-locked-one", body: "Zanzibar is a secret word only this lesson has.", offset: 5 });
    await publish(ids.d!, { title: "Still a draft", slug: "still-a-draft", body: "Marmalade appears only in this draft.", offset: 0, status: "draft" });
  });
  afterAll(() => handle.close());

  it("opens lessons by release day and refuses the rest on the server", async () => {
    const open = await lessonForReader(member, "breathe-first");
    expect(open.kind).toBe("open");
    expect(open.kind === "open" && open.lesson.html).toContain("Slow breathing");

    const locked = await lessonForReader(member, "the-locked-one");
    expect(locked.kind).toBe("locked");
    expect(JSON.stringify(locked)).not.toContain("Zanzibar");

    expect(await lessonForReader(member, "still-a-draft")).toEqual({ kind: "missing" });
    expect((await lessonForReader(coach, "still-a-draft")).kind).toBe("open"); // coaches preview drafts

    const later = new Date(Date.now() + 6 * day);
    expect((await lessonForReader(member, "the-locked-one", later)).kind).toBe("open");
  });

  it("searches only what the reader may open", async () => {
    expect((await searchLessons(member, "breathing")).map((r) => r.slug)).toEqual(["breathe-first"]);
    expect(await searchLessons(member, "zanzibar")).toEqual([]);
    expect(await searchLessons(member, "marmalade")).toEqual([]);
    expect((await searchLessons(coach, "marmalade")).map((r) => r.slug)).toEqual(["still-a-draft"]);
  });

  it("refuses readers without Dojo access", async () => {
    await expect(lessonForReader(lapsed, "breathe-first")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(searchLessons(lapsed, "breathing")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setLessonDone(lapsed, "breathe-first", true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createModule(member, { title: "Mine now" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("keeps progress, and lets a member undo it; locked lessons cannot be marked", async () => {
    expect(await setLessonDone(member, "breathe-first", true)).toBe(true);
    expect(await setLessonDone(member, "breathe-first", true)).toBe(true); // twice is still once
    let overview = await dojoOverview(member);
    expect(overview.done).toBe(1);
    expect(overview.total).toBe(3); // the draft is not counted for members
    expect(overview.continueWith?.slug).toBe("eat-something");
    expect(overview.nextToOpen?.slug).toBe("the-locked-one");

    expect(await setLessonDone(member, "the-locked-one", true)).toBe(false);
    expect(await setLessonDone(member, "breathe-first", false)).toBe(true);
    overview = await dojoOverview(member);
    expect(overview.done).toBe(0);
  });

  it("keeps a version on every save of a published lesson, and restores one", async () => {
    await publish(ids.b!, { title: "Eat something", slug: "eat-something", body: "Second text.", offset: 0 });
    await publish(ids.b!, { title: "Eat something small", slug: "eat-something", body: "Third text.", offset: 0 });
    const edit = await lessonForEditing(coach, ids.b!);
    expect(edit?.versions.map((v) => v.title)).toEqual(["Eat something", "Eat something"]);
    const open = await lessonForReader(member, "eat-something");
    expect(open.kind === "open" && open.lesson.html).toContain("Third text.");

    const oldest = edit?.versions.at(-1);
    expect((await restoreVersion(coach, ids.b!, oldest?.id ?? 0)).ok).toBe(true);
    const restored = await handle.db.query.lessons.findFirst({ where: eq(lessons.id, ids.b!) });
    expect(restored?.bodyMd).toBe("A sandwich counts as self-care today.");
    expect((await lessonForEditing(coach, ids.b!))?.versions).toHaveLength(3);
  });

  it("keeps an old address working after the slug changes, and refuses a taken one", async () => {
    expect((await publish(ids.a!, { title: "Breathe", slug: "breathe", body: "Slow breathing calms the panic.", offset: 0 })).ok).toBe(true);
    expect(await lessonForReader(member, "breathe-first")).toEqual({ kind: "moved", slug: "breathe" });
    const clash = await publish(ids.a!, { title: "Breathe", slug: "eat-something", body: "x", offset: 0 });
    expect(clash).toEqual({ ok: false, error: "The address “eat-something” is already used by another lesson." });
  });

  it("refuses bad input and changes nothing", async () => {
    const before = await handle.db.query.lessons.findFirst({ where: eq(lessons.id, ids.a!) });
    expect((await saveLesson(coach, ids.a!, { title: "", slug: "Bad Slug!", bodyMd: "x", exerciseMd: "", releaseOffsetDays: -1, status: "published" })).ok).toBe(false);
    expect(await handle.db.query.lessons.findFirst({ where: eq(lessons.id, ids.a!) })).toEqual(before);
  });

  it("reorders by one step and by a whole new order", async () => {
    const order = async () => (await listCurriculum(coach))[0]?.lessons.map((l) => l.id);
    expect(await order()).toEqual([ids.a, ids.b, ids.c, ids.d]);
    expect(await moveLesson(coach, ids.c!, "up")).toBe(true);
    expect(await order()).toEqual([ids.a, ids.c, ids.b, ids.d]);
    expect(await moveLesson(coach, ids.a!, "up")).toBe(false); // already first
    const moduleId = (await listCurriculum(coach))[0]?.id ?? 0;
    expect(await reorderLessons(coach, moduleId, [ids.d!, ids.c!, ids.b!, ids.a!])).toBe(true);
    expect(await order()).toEqual([ids.d, ids.c, ids.b, ids.a]);
    expect(await reorderLessons(coach, moduleId, [ids.d!, ids.c!])).toBe(false); // not the whole module
    expect(await order()).toEqual([ids.d, ids.c, ids.b, ids.a]);
  });

  it("lets a coach unlock everything for one member", async () => {
    expect((await lessonForReader(member, "the-locked-one")).kind).toBe("locked");
    expect(await setAllUnlocked(coach, member.id, true)).toBe(true);
    expect((await lessonForReader(member, "the-locked-one")).kind).toBe("open");
    expect((await searchLessons(member, "zanzibar")).length).toBe(1);
    await setAllUnlocked(coach, member.id, false);
    const row = await handle.db.query.memberDojo.findFirst({ where: eq(memberDojo.userId, member.id) });
    expect(row?.allUnlocked).toBe(false);
  });
});
