import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { loadCurriculum } from "@/db/curriculum";
import { lessons, users } from "@/db/schema";
import { seed } from "@/db/seed";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import type { CurrentUser } from "@/lib/auth/current-user";
import { quizV1 } from "@/lib/quiz/definitions/v1";
import { saveLesson } from "./editor";
import { lessonForPrescription, lessonTeaserFor } from "./teaser";

describe("lessonForPrescription", () => {
  it("points only at lessons of the starter curriculum", async () => {
    const slugs = new Set((await loadCurriculum()).flatMap((m) => m.lessons.map((l) => l.slug)));
    for (const [id, slug] of Object.entries(lessonForPrescription)) expect(slugs.has(slug), `${id} → ${slug}`).toBe(true);
  });

  it("maps every prescription of the quiz but the crisis one", () => {
    const quizIds = quizV1.prescriptions.filter((p) => !p.crisis).map((p) => p.id);
    expect(quizIds).toContain("limited_contact");
    expect([...quizIds].sort()).toEqual(Object.keys(lessonForPrescription).sort());
    expect(lessonForPrescription).not.toHaveProperty("safety_first");
  });
});

describe.each(testDatabases())("lesson teasers on $kind", (target) => {
  let handle: DbHandle;
  let coach: CurrentUser;
  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    await seed(handle.db);
    const [row] = await handle.db.insert(users).values({ email: "coach@example.com", role: "coach" }).returning({ id: users.id });
    coach = { id: row?.id ?? "", email: "coach@example.com", role: "coach", timeZone: "UTC", sessionToken: "t" };
  });
  afterAll(() => handle.close());

  const editorFields = async (slug: string) => {
    const l = await handle.db.query.lessons.findFirst({ where: eq(lessons.slug, slug) });
    if (!l) throw new Error(`no lesson ${slug}`);
    return { id: l.id, input: { title: l.title, slug: l.slug, bodyMd: l.bodyMd, exerciseMd: l.exerciseMd, releaseOffsetDays: l.releaseOffsetDays, status: l.status } };
  };

  it("shows each prescription's lesson, title and module only", async () => {
    expect(await lessonTeaserFor("limited_contact")).toEqual({ slug: "when-you-cant-disappear", title: "When you can’t disappear", moduleTitle: "Space, done well" });
    expect(await lessonTeaserFor("safety_first")).toBeNull();
    expect(await lessonTeaserFor("no_such_prescription")).toBeNull();
  });

  it("still shows the lesson after a coach renames its slug, twice, under its new address", async () => {
    const { id, input } = await editorFields("reply-briefly-and-kindly");
    expect(await saveLesson(coach, id, { ...input, slug: "short-kind-replies" })).toEqual({ ok: true, slug: "short-kind-replies" });
    expect(await lessonTeaserFor("brief_kind_reply")).toMatchObject({ slug: "short-kind-replies", title: input.title });
    expect(await saveLesson(coach, id, { ...input, slug: "replying-kindly" })).toEqual({ ok: true, slug: "replying-kindly" });
    expect(await lessonTeaserFor("brief_kind_reply")).toMatchObject({ slug: "replying-kindly", title: input.title });
  });

  it("shows no teaser for a lesson taken back to draft", async () => {
    const { id, input } = await editorFields("back-to-you");
    expect(await saveLesson(coach, id, { ...input, status: "draft" })).toMatchObject({ ok: true });
    expect(await lessonTeaserFor("focus_on_you")).toBeNull();
  });
});
