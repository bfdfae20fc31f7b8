import "server-only";
import type { Refusal } from "@/lib/actions/state";
import { validate } from "@/lib/actions/validate";
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { CurrentUser } from "@/lib/auth/current-user";
import { z } from "zod";
import { getDb, jsonBuildObject, preparedStatement, tables, type Tx } from "@/lib/db";
import { readingMinutes, renderMarkdownCached } from "@/lib/markdown/render";
import { daysBetween, todayIn } from "./calendar";
import { canRead, checkDojoAccess, ensureDojoSettings, lessonOpensOn, loadViewer, viewerFrom, type DojoSettings, type ReleaseAnchor } from "./viewer";

// The Dojo's one read per page: every lesson with the reader's progress, the
// reader's settings (absent on their first visit), and the text of the one lesson
// asked for by slug. Coaches see drafts too. It comes back as one row of JSON:
// mapping ~30 rows × 14 columns through drizzle cost more CPU per lesson view than
// PostgreSQL took to answer (bench profile), while JSON is parsed natively.
export interface OutlineRow {
  moduleId: number;
  moduleSlug: string;
  moduleTitle: string;
  moduleSummary: string;
  id: number;
  slug: string;
  title: string;
  status: "draft" | "published";
  releaseOffsetDays: number;
  /** The module's anchor: the Dojo start or the member's no-contact start. */
  releaseAnchor: ReleaseAnchor;
  /** Kept open for this member when their no-contact anchor moved (lesson_unlocks). */
  kept: boolean;
  done: boolean;
  bodyMd: string | null;
  exerciseMd: string | null;
}

const md = alias(tables.memberDojo, "md");
const l = alias(tables.lessons, "l");
const m = alias(tables.modules, "m");
const lp = alias(tables.lessonProgress, "lp");
const lu = alias(tables.lessonUnlocks, "lu");

// The subqueries are sql fragments of their own: at the top level of a field in a
// one-table select, drizzle strips the table from columns, and these four tables
// share names like "id" and "slug". Exported for the test of the row's shape.
export const dojoQuery = preparedStatement((db) => {
  const slug = sql.placeholder("slug");
  const userId = sql.placeholder("userId");
  const settings = sql`select ${jsonBuildObject<DojoSettings>({ startDate: md.startDate, allUnlocked: md.allUnlocked, noContactStart: md.noContactStart, noContactAnchor: md.noContactAnchor })}
    from ${tables.memberDojo} ${md} where ${md.userId} = ${userId}`;
  const row = jsonBuildObject<OutlineRow>({
    moduleId: m.id,
    moduleSlug: m.slug,
    moduleTitle: m.title,
    moduleSummary: m.summary,
    id: l.id,
    slug: l.slug,
    title: l.title,
    status: l.status,
    releaseOffsetDays: l.releaseOffsetDays,
    releaseAnchor: m.releaseAnchor,
    kept: sql`${lu.lessonId} is not null`,
    done: sql`${lp.completedAt} is not null`,
    bodyMd: sql`case when ${l.slug} = ${slug} then ${l.bodyMd} end`,
    exerciseMd: sql`case when ${l.slug} = ${slug} then ${l.exerciseMd} end`,
  });
  const outline = sql`select json_agg(${row} order by ${m.position}, ${l.position})
    from ${tables.lessons} ${l} join ${tables.modules} ${m} on ${m.id} = ${l.moduleId}
    left join ${tables.lessonProgress} ${lp} on ${lp.lessonId} = ${l.id} and ${lp.userId} = ${userId}
    left join ${tables.lessonUnlocks} ${lu} on ${lu.lessonId} = ${l.id} and ${lu.userId} = ${userId}
    where ${sql.placeholder("coach")}::boolean or ${l.status} = 'published'`;
  return db
    .select({
      settings: sql<DojoSettings | null>`(${settings})`,
      lessons: sql<OutlineRow[]>`coalesce((${outline}), '[]'::json)`,
    })
    .from(tables.users)
    .where(eq(tables.users.id, userId))
    .prepare("dojo_outline");
});

/**
 * The reader's Dojo: who they are in it, and the outline of lessons with what is
 * open and done. With `slug`, that lesson's text comes along in the same round
 * trip; callers hand it on only when the lesson is open to this reader.
 */
async function loadDojo(user: CurrentUser, now: Date, slug: string | null) {
  const coach = await checkDojoAccess(user, now);
  const [row] = await (await dojoQuery()).execute({ userId: user.id, coach, slug: slug ?? "" });
  const settings = row?.settings ?? (await ensureDojoSettings(user, now));
  const viewer = viewerFrom(user, coach, settings, now);
  const lessons = (row?.lessons ?? []).map((r) => ({
    ...r,
    open: canRead(viewer, r),
    opensOn: lessonOpensOn(viewer, r),
  }));
  return { viewer, lessons };
}

/** The /dojo home: modules with progress, where to continue, what opens next, the no-contact count. */
export async function dojoOverview(user: CurrentUser, now = new Date()) {
  const { viewer, lessons } = await loadDojo(user, now, null);
  const modules: { slug: string; title: string; summary: string; releaseAnchor: ReleaseAnchor; lessons: typeof lessons }[] = [];
  for (const l of lessons) {
    const last = modules.at(-1);
    if (last?.slug === l.moduleSlug) last.lessons.push(l);
    else modules.push({ slug: l.moduleSlug, title: l.moduleTitle, summary: l.moduleSummary, releaseAnchor: l.releaseAnchor, lessons: [l] });
  }
  const continueWith = lessons.find((l) => l.open && !l.done) ?? null;
  // Modules count from different dates, so "next" is the earliest opening date, not the smallest offset.
  const nextToOpen = lessons.filter((l) => !l.open && l.status === "published").sort((a, b) => a.opensOn.localeCompare(b.opensOn))[0] ?? null;
  const noContactDays = viewer.noContactStart ? daysBetween(viewer.noContactStart, todayIn(viewer.timeZone, now)) : null;
  return {
    modules: modules.map((m) => ({ ...m, done: m.lessons.filter((l) => l.done).length, total: m.lessons.length })),
    done: lessons.filter((l) => l.done).length,
    total: lessons.length,
    continueWith,
    nextToOpen,
    noContactStart: viewer.noContactStart,
    noContactDays,
    /** The date no-contact modules count from, and whether the member chose it (null: the Dojo start stands in). */
    noContactAnchor: viewer.noContactAnchor,
    anchorChosen: viewer.noContactAnchorSet,
    /** Whether any lesson this member sees counts from the no-contact start: only then is there a choice to offer. */
    hasNoContactLessons: lessons.some((l) => l.releaseAnchor === "no_contact"),
    today: todayIn(viewer.timeZone, now),
  };
}
export type DojoOverview = Awaited<ReturnType<typeof dojoOverview>>;

export type LessonView =
  | { kind: "open"; lesson: OpenLesson }
  | { kind: "locked"; title: string; moduleTitle: string; opensOn: string }
  | { kind: "moved"; slug: string }
  | { kind: "missing" };

export interface OpenLesson {
  id: number;
  slug: string;
  title: string;
  moduleTitle: string;
  status: "draft" | "published";
  html: string;
  exerciseHtml: string;
  minutes: number;
  done: boolean;
  previous: { slug: string; title: string } | null;
  next: { slug: string; title: string; open: boolean } | null;
}

/**
 * One lesson as this reader may see it. The content is rendered and returned
 * only when the reader may open it; a locked lesson yields its title and
 * opening date, and a draft is not even read for members.
 */
export async function lessonForReader(user: CurrentUser, slug: string, now = new Date()): Promise<LessonView> {
  const { lessons } = await loadDojo(user, now, slug);
  const index = lessons.findIndex((l) => l.slug === slug);
  const entry = lessons[index];
  if (!entry) {
    const db = await getDb();
    const moved = await db.query.lessonSlugRedirects.findFirst({ columns: { lessonId: true }, where: eq(tables.lessonSlugRedirects.oldSlug, slug) });
    const target = moved ? lessons.find((l) => l.id === moved.lessonId) : undefined;
    return target ? { kind: "moved", slug: target.slug } : { kind: "missing" };
  }
  if (!entry.open) return { kind: "locked", title: entry.title, moduleTitle: entry.moduleTitle, opensOn: entry.opensOn };

  const bodyMd = entry.bodyMd ?? "";
  const exerciseMd = entry.exerciseMd ?? "";
  const prev = index > 0 ? lessons[index - 1] : undefined;
  const next = lessons[index + 1];
  return {
    kind: "open",
    lesson: {
      id: entry.id,
      slug: entry.slug,
      title: entry.title,
      moduleTitle: entry.moduleTitle,
      status: entry.status,
      html: renderMarkdownCached(bodyMd),
      exerciseHtml: renderMarkdownCached(exerciseMd),
      minutes: readingMinutes(bodyMd, exerciseMd),
      done: entry.done,
      previous: prev ? { slug: prev.slug, title: prev.title } : null,
      next: next ? { slug: next.slug, title: next.title, open: next.open } : null,
    },
  };
}

/** Marks a lesson done (or not). Only lessons the reader may open can be marked. */
export async function setLessonDone(user: CurrentUser, slug: string, done: boolean, now = new Date()): Promise<boolean> {
  const viewer = await loadViewer(user, now);
  const db = await getDb();
  const [lesson] = await db
    .select({
      id: tables.lessons.id,
      status: tables.lessons.status,
      releaseOffsetDays: tables.lessons.releaseOffsetDays,
      releaseAnchor: tables.modules.releaseAnchor,
      kept: sql<boolean>`${tables.lessonUnlocks.lessonId} is not null`,
    })
    .from(tables.lessons)
    .innerJoin(tables.modules, eq(tables.modules.id, tables.lessons.moduleId))
    .leftJoin(tables.lessonUnlocks, and(eq(tables.lessonUnlocks.lessonId, tables.lessons.id), eq(tables.lessonUnlocks.userId, user.id)))
    .where(eq(tables.lessons.slug, slug));
  if (!lesson || !canRead(viewer, lesson)) return false;
  if (done) await db.insert(tables.lessonProgress).values({ userId: user.id, lessonId: lesson.id }).onConflictDoNothing();
  else await db.delete(tables.lessonProgress).where(and(eq(tables.lessonProgress.userId, user.id), eq(tables.lessonProgress.lessonId, lesson.id)));
  return true;
}

/**
 * Full-text search over the lessons this reader may open (PostgreSQL text
 * search). Locked and draft lessons are filtered in the query itself, so
 * their words never reach a result or a snippet.
 */
export async function searchLessons(user: CurrentUser, query: string, now = new Date()) {
  const q = query.trim().slice(0, 200);
  if (!q) return [];
  const viewer = await loadViewer(user, now);
  const db = await getDb();
  const tsq = sql`websearch_to_tsquery('english', ${q})`;
  // The same rule as canRead, in SQL: kept open, or released by the days since its module's anchor.
  const kept = sql`exists (select 1 from ${tables.lessonUnlocks} where ${tables.lessonUnlocks.userId} = ${user.id} and ${tables.lessonUnlocks.lessonId} = ${tables.lessons.id})`;
  const released = sql`${tables.lessons.releaseOffsetDays} <= case when ${tables.modules.releaseAnchor} = 'no_contact' then ${viewer.noContactDays}::integer else ${viewer.releasedDays}::integer end`;
  const readable = viewer.coach
    ? sql`true`
    : viewer.allUnlocked
      ? sql`${tables.lessons.status} = 'published'`
      : sql`${tables.lessons.status} = 'published' and (${released} or ${kept})`;
  const rows = await db
    .select({
      slug: tables.lessons.slug,
      title: tables.lessons.title,
      moduleTitle: tables.modules.title,
      snippet: sql<string>`ts_headline('english', ${tables.lessons.bodyMd}, ${tsq}, 'StartSel=<<, StopSel=>>, MaxWords=30, MinWords=12, MaxFragments=1')`,
    })
    .from(tables.lessons)
    .innerJoin(tables.modules, eq(tables.modules.id, tables.lessons.moduleId))
    .where(and(sql`${tables.lessons.search} @@ ${tsq}`, readable))
    .orderBy(sql`ts_rank(${tables.lessons.search}, ${tsq}) desc`)
    .limit(20);
  return rows;
}

export const lessonsChoice = z.enum(["restart", "keep"], { error: "Choose whether your lessons restart too." });
export type LessonsChoice = z.infer<typeof lessonsChoice>;

const CHOOSE = "Choose whether your lessons restart too, or stay where they are.";

/**
 * Sets or clears the member's no-contact start inside `tx`, and moves what no-contact modules
 * count from (member_dojo.no_contact_anchor) by these rules:
 * - the first date a member ever gives becomes the anchor (before it, the Dojo start stands in);
 * - a later, different date moves it only when the member chose "restart" — "keep" leaves every
 *   lesson where it was. With no published no-contact lesson there is nothing to choose, and the
 *   anchor simply follows;
 * - clearing the date leaves the anchor alone, so clearing locks nothing.
 * Whenever the anchor moves, the no-contact lessons open now that would close under the new
 * date are written to lesson_unlocks first: an opened lesson never locks again.
 * The contact log's "restart my count" calls this too (lib/checkins/member.ts), in its own transaction.
 */
export async function applyNoContactStart(tx: Tx, user: CurrentUser, date: string | null, lessons: LessonsChoice | undefined, now: Date): Promise<{ ok: true } | Refusal> {
  const today = todayIn(user.timeZone, now);
  await tx.insert(tables.memberDojo).values({ userId: user.id, startDate: today }).onConflictDoNothing();
  // Locked, so two saves at once cannot both read the old anchor and keep the wrong lessons open.
  const [row] = await tx
    .select({ startDate: tables.memberDojo.startDate, noContactAnchor: tables.memberDojo.noContactAnchor })
    .from(tables.memberDojo)
    .where(eq(tables.memberDojo.userId, user.id))
    .for("update");
  if (!row) throw new Error("member_dojo row missing");

  let anchor = row.noContactAnchor;
  if (date !== null && date !== anchor) {
    if (anchor === null) anchor = date;
    else if (lessons === "restart") anchor = date;
    else if (lessons === undefined) {
      const [waiting] = await tx
        .select({ id: tables.lessons.id })
        .from(tables.lessons)
        .innerJoin(tables.modules, eq(tables.modules.id, tables.lessons.moduleId))
        .where(and(eq(tables.modules.releaseAnchor, "no_contact"), eq(tables.lessons.status, "published")))
        .limit(1);
      if (waiting) return { ok: false, error: CHOOSE, fieldErrors: { lessons: CHOOSE } };
      anchor = date;
    }
  }

  const before = row.noContactAnchor ?? row.startDate;
  const after = anchor ?? row.startDate;
  if (after !== before) {
    const openDays = daysBetween(before, today);
    const stillOpenDays = daysBetween(after, today);
    await tx
      .insert(tables.lessonUnlocks)
      .select(
        tx
          .select({ userId: sql<string>`${user.id}`.as("user_id"), lessonId: tables.lessons.id, unlockedAt: sql<Date>`${now.toISOString()}::timestamptz`.as("unlocked_at") })
          .from(tables.lessons)
          .innerJoin(tables.modules, eq(tables.modules.id, tables.lessons.moduleId))
          .where(
            and(
              eq(tables.modules.releaseAnchor, "no_contact"),
              eq(tables.lessons.status, "published"),
              lte(tables.lessons.releaseOffsetDays, openDays),
              gt(tables.lessons.releaseOffsetDays, stillOpenDays),
            ),
          ),
      )
      .onConflictDoNothing();
  }
  await tx.update(tables.memberDojo).set({ noContactStart: date, noContactAnchor: anchor, updatedAt: now }).where(eq(tables.memberDojo.userId, user.id));
  return { ok: true };
}

export const noContactInput = z.object({
  start: z.string().nullable(),
  lessons: lessonsChoice.optional(),
});

/** The member's no-contact start date: set, change, or clear — restarting is allowed, and nobody is judged. */
export async function setNoContactStart(user: CurrentUser, date: string | null, lessons?: LessonsChoice, now = new Date()): Promise<{ ok: true } | Refusal> {
  await loadViewer(user, now);
  if (date !== null) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) return { ok: false, error: "Please choose a date.", fieldErrors: { start: "Please choose a date." } };
    if (date > todayIn(user.timeZone, now)) return { ok: false, error: "The start date can’t be in the future.", fieldErrors: { start: "The start date can’t be in the future." } };
  }
  const parsed = validate(noContactInput, { start: date, lessons });
  if (!parsed.ok) return parsed;
  const db = await getDb();
  return db.transaction((tx) => applyNoContactStart(tx, user, date, parsed.data.lessons, now));
}

/**
 * Whether restarting the count should ask what the member's lessons do: only once they have an
 * anchor of their own (the first date simply becomes it) and some published lesson counts from it.
 */
export async function asksLessonsOnRestart(user: CurrentUser): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ asks: sql<boolean>`true` })
    .from(tables.memberDojo)
    .where(
      and(
        eq(tables.memberDojo.userId, user.id),
        sql`${tables.memberDojo.noContactAnchor} is not null`,
        sql`exists (select 1 from ${tables.lessons} join ${tables.modules} on ${tables.modules.id} = ${tables.lessons.moduleId}
          where ${tables.modules.releaseAnchor} = 'no_contact' and ${tables.lessons.status} = 'published')`,
      ),
    );
  return row?.asks === true;
}
