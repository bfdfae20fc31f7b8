import "server-only";
import type { Refusal } from "@/lib/actions/state";
import { validate } from "@/lib/actions/validate";
import { and, asc, desc, eq, gt, lt, max, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCoach } from "@/lib/auth/guards";
import { getDb, tables, type Tx } from "@/lib/db";
import { firstFreeSlug, slugify } from "@/lib/slugs";
import { todayIn } from "./calendar";

/** A slug no lesson uses and no old slug redirects from. */
function freeSlug(tx: Tx, base: string, exceptLessonId?: number): Promise<string> {
  return firstFreeSlug(base, async (candidate) => {
    const taken = await tx.query.lessons.findFirst({
      columns: { id: true },
      where: exceptLessonId ? and(eq(tables.lessons.slug, candidate), ne(tables.lessons.id, exceptLessonId)) : eq(tables.lessons.slug, candidate),
    });
    const redirected = await tx.query.lessonSlugRedirects.findFirst({ columns: { lessonId: true }, where: eq(tables.lessonSlugRedirects.oldSlug, candidate) });
    return !taken && (!redirected || redirected.lessonId === exceptLessonId);
  });
}

/** Everything the lesson list needs, drafts included. */
export async function listCurriculum(actor: CurrentUser) {
  assertCoach(actor);
  const db = await getDb();
  const modules = await db.query.modules.findMany({ orderBy: asc(tables.modules.position) });
  const lessons = await db.query.lessons.findMany({
    columns: { id: true, moduleId: true, slug: true, title: true, status: true, releaseOffsetDays: true, position: true, updatedAt: true },
    orderBy: asc(tables.lessons.position),
  });
  return modules.map((m) => ({ ...m, lessons: lessons.filter((l) => l.moduleId === m.id) }));
}

export const moduleInput = z.object({ title: z.string().trim().min(2, "Give the module a title.").max(120), summary: z.string().trim().max(400).default("") });

export async function createModule(actor: CurrentUser, input: unknown) {
  assertCoach(actor);
  const parsed = validate(moduleInput, input);
  if (!parsed.ok) return parsed;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [{ top } = { top: 0 }] = await tx.select({ top: max(tables.modules.position) }).from(tables.modules);
    const slug = await firstFreeSlug(slugify(parsed.data.title, "lesson"), async (candidate) => !(await tx.query.modules.findFirst({ columns: { id: true }, where: eq(tables.modules.slug, candidate) })));
    const [row] = await tx.insert(tables.modules).values({ ...parsed.data, slug, position: (top ?? 0) + 1 }).returning({ id: tables.modules.id });
    return { ok: true as const, id: row?.id ?? 0 };
  });
}

export const newLessonInput = z.object({ moduleId: z.coerce.number().int().positive(), title: z.string().trim().min(2, "Give the lesson a title.").max(120) });

/** A new lesson starts as a draft at the end of its module. */
export async function createLesson(actor: CurrentUser, input: unknown) {
  assertCoach(actor);
  const parsed = validate(newLessonInput, input);
  if (!parsed.ok) return parsed;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const mod = await tx.query.modules.findFirst({ columns: { id: true }, where: eq(tables.modules.id, parsed.data.moduleId) });
    if (!mod) return { ok: false as const, error: "That module no longer exists." };
    const [{ top } = { top: 0 }] = await tx.select({ top: max(tables.lessons.position) }).from(tables.lessons).where(eq(tables.lessons.moduleId, mod.id));
    const slug = await freeSlug(tx, slugify(parsed.data.title, "lesson"));
    const [row] = await tx
      .insert(tables.lessons)
      .values({ moduleId: mod.id, title: parsed.data.title, slug, bodyMd: "", position: (top ?? 0) + 1, status: "draft" })
      .returning({ id: tables.lessons.id });
    return { ok: true as const, id: row?.id ?? 0 };
  });
}

export async function lessonForEditing(actor: CurrentUser, id: number) {
  assertCoach(actor);
  const db = await getDb();
  const lesson = await db.query.lessons.findFirst({
    columns: { id: true, moduleId: true, slug: true, title: true, bodyMd: true, exerciseMd: true, releaseOffsetDays: true, status: true, updatedAt: true },
    where: eq(tables.lessons.id, id),
  });
  if (!lesson) return null;
  const mod = await db.query.modules.findFirst({ columns: { releaseAnchor: true }, where: eq(tables.modules.id, lesson.moduleId) });
  const versions = await db.query.lessonVersions.findMany({
    columns: { id: true, title: true, savedAt: true },
    where: eq(tables.lessonVersions.lessonId, id),
    orderBy: desc(tables.lessonVersions.savedAt),
    limit: 20,
  });
  return { lesson: { ...lesson, releaseAnchor: mod?.releaseAnchor ?? "start" }, versions };
}
export type LessonForEditing = NonNullable<Awaited<ReturnType<typeof lessonForEditing>>>;

export const lessonInput = z.object({
  title: z.string().trim().min(2, "Give the lesson a title.").max(120),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "The address may use lower-case letters, numbers and single dashes."),
  bodyMd: z.string().max(100_000, "The lesson is too long."),
  exerciseMd: z.string().max(20_000, "The exercise is too long."),
  releaseOffsetDays: z.coerce.number().int().min(0, "Days can’t be negative.").max(730),
  status: z.enum(["draft", "published"]),
});
export type LessonInput = z.infer<typeof lessonInput>;

export type SaveOutcome = { ok: true; slug: string } | Refusal;

/**
 * Saves a lesson. When the lesson was published, the text it replaces is kept
 * as a version first. A changed address keeps the old one working (redirect).
 */
export async function saveLesson(actor: CurrentUser, id: number, input: unknown): Promise<SaveOutcome> {
  assertCoach(actor);
  const parsed = validate(lessonInput, input);
  if (!parsed.ok) return parsed;
  const data = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx): Promise<SaveOutcome> => {
    const current = await tx.query.lessons.findFirst({ where: eq(tables.lessons.id, id) });
    if (!current) return { ok: false, error: "This lesson no longer exists." };
    if (data.slug !== current.slug) {
      const free = await freeSlug(tx, data.slug, id);
      if (free !== data.slug) return { ok: false, error: `The address “${data.slug}” is already used by another lesson.` };
      await tx.delete(tables.lessonSlugRedirects).where(eq(tables.lessonSlugRedirects.oldSlug, data.slug));
      await tx.insert(tables.lessonSlugRedirects).values({ oldSlug: current.slug, lessonId: id }).onConflictDoUpdate({ target: tables.lessonSlugRedirects.oldSlug, set: { lessonId: id } });
    }
    const changedText = current.title !== data.title || current.bodyMd !== data.bodyMd || current.exerciseMd !== data.exerciseMd;
    if (current.status === "published" && changedText) {
      await tx.insert(tables.lessonVersions).values({ lessonId: id, title: current.title, bodyMd: current.bodyMd, exerciseMd: current.exerciseMd, savedBy: actor.id });
    }
    await tx.update(tables.lessons).set({ ...data, updatedAt: new Date() }).where(eq(tables.lessons.id, id));
    return { ok: true, slug: data.slug };
  });
}

/** Puts an earlier version's text back (the text it replaces becomes a version too). */
export async function restoreVersion(actor: CurrentUser, lessonId: number, versionId: number): Promise<SaveOutcome> {
  assertCoach(actor);
  const db = await getDb();
  const [lesson, version] = await Promise.all([
    db.query.lessons.findFirst({ where: eq(tables.lessons.id, lessonId) }),
    db.query.lessonVersions.findFirst({ where: and(eq(tables.lessonVersions.id, versionId), eq(tables.lessonVersions.lessonId, lessonId)) }),
  ]);
  if (!lesson || !version) return { ok: false, error: "That version no longer exists." };
  return saveLesson(actor, lessonId, {
    title: version.title,
    slug: lesson.slug,
    bodyMd: version.bodyMd,
    exerciseMd: version.exerciseMd,
    releaseOffsetDays: lesson.releaseOffsetDays,
    status: lesson.status,
  });
}

/** Moves a lesson one place up or down within its module (keyboard-friendly reordering). */
export async function moveLesson(actor: CurrentUser, id: number, direction: "up" | "down"): Promise<boolean> {
  assertCoach(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const lesson = await tx.query.lessons.findFirst({ columns: { id: true, moduleId: true, position: true }, where: eq(tables.lessons.id, id) });
    if (!lesson) return false;
    const neighbour = await tx.query.lessons.findFirst({
      columns: { id: true, position: true },
      where: and(eq(tables.lessons.moduleId, lesson.moduleId), direction === "up" ? lt(tables.lessons.position, lesson.position) : gt(tables.lessons.position, lesson.position)),
      orderBy: direction === "up" ? desc(tables.lessons.position) : asc(tables.lessons.position),
    });
    if (!neighbour) return false;
    await tx.update(tables.lessons).set({ position: neighbour.position }).where(eq(tables.lessons.id, lesson.id));
    await tx.update(tables.lessons).set({ position: lesson.position }).where(eq(tables.lessons.id, neighbour.id));
    return true;
  });
}

/** Puts a module's lessons in the given order (drag and drop sends the whole list). */
export async function reorderLessons(actor: CurrentUser, moduleId: number, orderedIds: number[]): Promise<boolean> {
  assertCoach(actor);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const lessons = await tx.query.lessons.findMany({ columns: { id: true }, where: eq(tables.lessons.moduleId, moduleId) });
    const ids = new Set(lessons.map((l) => l.id));
    if (orderedIds.length !== ids.size || !orderedIds.every((i) => ids.has(i)) || new Set(orderedIds).size !== ids.size) return false;
    for (const [index, lessonId] of orderedIds.entries()) {
      await tx.update(tables.lessons).set({ position: index + 1 }).where(eq(tables.lessons.id, lessonId));
    }
    return true;
  });
}

/** A coach opens every lesson for one member (or closes them again). */
export async function setAllUnlocked(actor: CurrentUser, memberId: string, unlocked: boolean): Promise<boolean> {
  assertCoach(actor);
  const db = await getDb();
  const member = await db.query.users.findFirst({ columns: { id: true, timeZone: true }, where: eq(tables.users.id, memberId) });
  if (!member) return false;
  await db
    .insert(tables.memberDojo)
    .values({ userId: member.id, startDate: todayIn(member.timeZone), allUnlocked: unlocked })
    .onConflictDoUpdate({ target: tables.memberDojo.userId, set: { allUnlocked: unlocked, updatedAt: new Date() } });
  return true;
}

export const moduleAnchorInput = z.object({
  moduleId: z.coerce.number({ error: "That module no longer exists." }).int().positive("That module no longer exists."),
  releaseAnchor: z.enum(["start", "no_contact"], { error: "Choose what the lessons count from." }),
});

/**
 * Sets what a module's lessons count their release days from. Switching it must not lock what
 * members already have open, so first, for every member, the module's lessons open today (in
 * their own zone) that the new count would close are kept open in lesson_unlocks — one
 * statement, whatever the number of members.
 */
export async function setModuleAnchor(actor: CurrentUser, input: unknown, now = new Date()): Promise<{ ok: true } | Refusal> {
  assertCoach(actor);
  const parsed = validate(moduleAnchorInput, input);
  if (!parsed.ok) return parsed;
  const { moduleId, releaseAnchor } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx): Promise<{ ok: true } | Refusal> => {
    const [mod] = await tx.select({ releaseAnchor: tables.modules.releaseAnchor }).from(tables.modules).where(eq(tables.modules.id, moduleId)).for("update");
    if (!mod) return { ok: false, error: "That module no longer exists." };
    if (mod.releaseAnchor === releaseAnchor) return { ok: true };
    const md = tables.memberDojo;
    const l = tables.lessons;
    const anchorDate = (anchor: "start" | "no_contact") => (anchor === "start" ? sql`${md.startDate}` : sql`coalesce(${md.noContactAnchor}, ${md.startDate})`);
    // The member's calendar date now, in their zone (the same rule as calendar.ts, done by PostgreSQL).
    const today = sql`(${now.toISOString()}::timestamptz at time zone ${tables.users.timeZone})::date`;
    await tx
      .insert(tables.lessonUnlocks)
      .select(
        tx
          .select({ userId: sql<string>`${md.userId}`.as("user_id"), lessonId: l.id, unlockedAt: sql<Date>`${now.toISOString()}::timestamptz`.as("unlocked_at") })
          .from(md)
          .innerJoin(tables.users, eq(tables.users.id, md.userId))
          .innerJoin(l, eq(l.moduleId, moduleId))
          .where(
            and(
              eq(l.status, "published"),
              sql`${l.releaseOffsetDays} <= ${today} - ${anchorDate(mod.releaseAnchor)}`,
              sql`${l.releaseOffsetDays} > ${today} - ${anchorDate(releaseAnchor)}`,
            ),
          ),
      )
      .onConflictDoNothing();
    await tx.update(tables.modules).set({ releaseAnchor }).where(eq(tables.modules.id, moduleId));
    return { ok: true };
  });
}
