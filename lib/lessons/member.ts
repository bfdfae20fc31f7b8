import "server-only";
import type { Refusal } from "@/lib/actions/state";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getDb, jsonBuildObject, preparedStatement, tables } from "@/lib/db";
import { readingMinutes, renderMarkdownCached } from "@/lib/markdown/render";
import { daysBetween, opensOn, todayIn } from "./calendar";
import { canRead, checkDojoAccess, ensureDojoSettings, loadViewer, viewerFrom, type DojoSettings } from "./viewer";

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
  done: boolean;
  bodyMd: string | null;
  exerciseMd: string | null;
}
const md = alias(tables.memberDojo, "md");
const l = alias(tables.lessons, "l");
const m = alias(tables.modules, "m");
const lp = alias(tables.lessonProgress, "lp");

// The subqueries are sql fragments of their own: at the top level of a field in a
// one-table select, drizzle strips the table from columns, and these four tables
// share names like "id" and "slug". Exported for the test of the row's shape.
export const dojoQuery = preparedStatement((db) => {
  const slug = sql.placeholder("slug");
  const userId = sql.placeholder("userId");
  const settings = sql`select ${jsonBuildObject<DojoSettings>({ startDate: md.startDate, allUnlocked: md.allUnlocked, noContactStart: md.noContactStart })}
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
    done: sql`${lp.completedAt} is not null`,
    bodyMd: sql`case when ${l.slug} = ${slug} then ${l.bodyMd} end`,
    exerciseMd: sql`case when ${l.slug} = ${slug} then ${l.exerciseMd} end`,
  });
  const outline = sql`select json_agg(${row} order by ${m.position}, ${l.position})
    from ${tables.lessons} ${l} join ${tables.modules} ${m} on ${m.id} = ${l.moduleId}
    left join ${tables.lessonProgress} ${lp} on ${lp.lessonId} = ${l.id} and ${lp.userId} = ${userId}
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
    opensOn: opensOn(viewer.startDate, r.releaseOffsetDays),
  }));
  return { viewer, lessons };
}

/** The /dojo home: modules with progress, where to continue, what opens next, the no-contact count. */
export async function dojoOverview(user: CurrentUser, now = new Date()) {
  const { viewer, lessons } = await loadDojo(user, now, null);
  const modules: { slug: string; title: string; summary: string; lessons: typeof lessons }[] = [];
  for (const l of lessons) {
    const last = modules.at(-1);
    if (last?.slug === l.moduleSlug) last.lessons.push(l);
    else modules.push({ slug: l.moduleSlug, title: l.moduleTitle, summary: l.moduleSummary, lessons: [l] });
  }
  const continueWith = lessons.find((l) => l.open && !l.done) ?? null;
  const nextToOpen = lessons.filter((l) => !l.open && l.status === "published").sort((a, b) => a.releaseOffsetDays - b.releaseOffsetDays)[0] ?? null;
  const noContactDays = viewer.noContactStart ? daysBetween(viewer.noContactStart, todayIn(viewer.timeZone, now)) : null;
  return {
    modules: modules.map((m) => ({ ...m, done: m.lessons.filter((l) => l.done).length, total: m.lessons.length })),
    done: lessons.filter((l) => l.done).length,
    total: lessons.length,
    continueWith,
    nextToOpen,
    noContactStart: viewer.noContactStart,
    noContactDays,
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
  const lesson = await db.query.lessons.findFirst({ columns: { id: true, status: true, releaseOffsetDays: true }, where: eq(tables.lessons.slug, slug) });
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
  const readable = viewer.coach
    ? sql`true`
    : viewer.allUnlocked
      ? sql`${tables.lessons.status} = 'published'`
      : sql`${tables.lessons.status} = 'published' and ${tables.lessons.releaseOffsetDays} <= ${viewer.releasedDays}`;
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

/** The member's no-contact start date: set, change, or clear — restarting is allowed, and nobody is judged. */
export async function setNoContactStart(user: CurrentUser, date: string | null, now = new Date()): Promise<{ ok: true } | Refusal> {
  const viewer = await loadViewer(user, now);
  if (date !== null) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) return { ok: false, error: "Please choose a date." };
    if (date > todayIn(viewer.timeZone, now)) return { ok: false, error: "The start date can’t be in the future." };
  }
  const db = await getDb();
  await db.update(tables.memberDojo).set({ noContactStart: date, updatedAt: now }).where(eq(tables.memberDojo.userId, user.id));
  return { ok: true };
}
