import "server-only";
import type { FieldErrors, Refusal } from "@/lib/actions/state";
import { validate } from "@/lib/actions/validate";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, lt, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCoach } from "@/lib/auth/guards";
import { seal, unseal } from "@/lib/crypto/sealed";
import { columnName, getDb, preparedStatement, tables, type Db } from "@/lib/db";
import { replyBucket } from "@/lib/dashboard/reply-times";
import { hourStart } from "@/lib/dashboard/zone";
import { enqueueEmail } from "@/lib/email/outbox";
import { checkinReplyEmail, coachDigestEmail } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { openContent } from "./content";

/** A claim older than this is treated as abandoned (the coach closed the tab). */
const CLAIM_MINUTES = 30;

const coachName = (u: { name: string | null; email: string }) => u.name ?? u.email.split("@")[0] ?? "Coach";

/** Check-ins per page of the queue: the most urgent fit on one screen's scroll, and the query stays small. */
export const QUEUE_PAGE_SIZE = 50;

export const queueFilterSchema = z.object({
  status: z.enum(["waiting", "replied", "all"]).catch("waiting"),
  member: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type QueueFilter = z.infer<typeof queueFilterSchema>;

/**
 * Each ordering spelled as its index is built (drizzle-kit writes `DESC NULLS LAST`). Plain `desc()`
 * means NULLS FIRST in PostgreSQL: the columns hold no nulls in these views, but the planner still
 * cannot read the index in that order and sorts every matching check-in instead (bench/: 100+ ms
 * with a million check-ins, against under a millisecond).
 *   waiting — checkins_queue_idx: urgent first, then longest waiting;
 *   replied, all — checkins_shared_idx: newest first.
 */
const urgentFirst = sql`${tables.checkins.urgent} desc nulls last`;
const newestFirst = sql`${tables.checkins.submittedAt} desc nulls last`;

/** The queue's query for one view, with or without a member: its page and the member's email are placeholders. */
function buildQueueQuery(db: Db, view: QueueFilter["status"], byMember: boolean) {
  const c = tables.checkins;
  const visible = view === "all" ? inArray(c.status, ["waiting", "replied"]) : eq(c.status, view);
  // Emails are stored as typed; users_email_lower_idx finds the member whatever the case.
  const member = byMember ? sql`lower(${tables.users.email}) = ${sql.placeholder("member")}` : undefined;
  return db
    .select({
      id: c.id,
      status: c.status,
      urgent: c.urgent,
      mood: c.mood,
      submittedAt: c.submittedAt,
      repliedAt: c.repliedAt,
      claimedBy: c.claimedBy,
      memberId: c.userId,
      memberEmail: tables.users.email,
    })
    .from(c)
    .innerJoin(tables.users, eq(tables.users.id, c.userId))
    .where(and(visible, member))
    .orderBy(...(view === "waiting" ? [urgentFirst, asc(c.submittedAt)] : [newestFirst]), asc(c.id))
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"))
    .prepare(`coach_queue_${view}${byMember ? "_member" : ""}`);
}

// Built once per view (a coach pages and filters all morning; building the query cost more CPU than running it).
const queueQueries = new Map<string, () => Promise<ReturnType<typeof buildQueueQuery>>>();
function queueQuery(view: QueueFilter["status"], byMember: boolean) {
  const key = `${view}:${byMember}`;
  let query = queueQueries.get(key);
  if (!query) {
    query = preparedStatement((db) => buildQueueQuery(db, view, byMember));
    queueQueries.set(key, query);
  }
  return query();
}

/**
 * One page of the review queue: urgent first, then longest waiting (or newest
 * first for answered ones). Only what coaches may see: private journal entries
 * and drafts never appear, and no text is returned here — reading text happens
 * one check-in at a time, audited. `hasMore` says whether a next page exists
 * (one row more than a page is read, rather than counting thousands).
 */
export async function reviewQueue(actor: CurrentUser, input: unknown = {}, now = new Date()) {
  assertCoach(actor);
  const filter = queueFilterSchema.parse(input);
  const query = await queueQuery(filter.status, Boolean(filter.member));
  const rows = await query.execute({
    member: filter.member?.toLowerCase(),
    limit: QUEUE_PAGE_SIZE + 1,
    offset: (filter.page - 1) * QUEUE_PAGE_SIZE,
  });
  const targetHours = env().CHECKIN_RESPONSE_TARGET_HOURS;
  const targetMs = targetHours * 3_600_000;
  const items = rows.slice(0, QUEUE_PAGE_SIZE).map((r) => {
    const waitedMs = r.submittedAt ? (r.repliedAt ?? now).getTime() - r.submittedAt.getTime() : 0;
    return {
      id: r.id,
      status: r.status,
      urgent: r.urgent,
      mood: r.mood,
      submittedAt: r.submittedAt,
      claimedBy: r.claimedBy,
      memberId: r.memberId,
      memberEmail: r.memberEmail,
      waitedMs,
      overdue: r.status === "waiting" && waitedMs > targetMs,
      targetHours,
    };
  });
  return { filter, items, hasMore: rows.length > QUEUE_PAGE_SIZE, firstNumber: (filter.page - 1) * QUEUE_PAGE_SIZE + 1 };
}
export type QueuePage = Awaited<ReturnType<typeof reviewQueue>>;
export type QueueItem = QueuePage["items"][number];

/** A claim still in force: taken within CLAIM_MINUTES and the check-in still waiting. */
const liveClaim = (row: { status: string; claimedBy: string | null; claimedAt: Date | null }, now: Date) =>
  row.status === "waiting" && row.claimedBy !== null && row.claimedAt !== null && row.claimedAt.getTime() > now.getTime() - CLAIM_MINUTES * 60_000;

/**
 * Opens a check-in for a coach and returns the member's context. Opening is a
 * read: it claims nothing (a coach may only be looking). The one write is the
 * read record, because the member is promised a list of who read their words
 * and when; that record is the read itself, so it is written where the read
 * happens rather than on some later action the coach may never take.
 * Private entries and drafts are not found, as if they did not exist.
 */
export async function openForCoach(actor: CurrentUser, id: string, now = new Date()) {
  assertCoach(actor);
  if (!z.uuid().safeParse(id).success) return null;
  const db = await getDb();
  const row = await db.query.checkins.findFirst({ where: and(eq(tables.checkins.id, id), inArray(tables.checkins.status, ["waiting", "replied"])) });
  if (!row) return null;
  const me = await db.query.users.findFirst({ columns: { name: true, email: true }, where: eq(tables.users.id, actor.id) });
  await db.insert(tables.checkinReads).values({ checkinId: id, coachId: actor.id, coachName: coachName(me ?? { name: null, email: actor.email }), readAt: now });

  const claimed = liveClaim(row, now) ? row.claimedBy : null;
  const holder = claimed && claimed !== actor.id ? await db.query.users.findFirst({ columns: { name: true, email: true }, where: eq(tables.users.id, claimed) }) : null;

  const member = await db.query.users.findFirst({ columns: { id: true, email: true, name: true }, where: eq(tables.users.id, row.userId) });
  const [earlier, replies, notes, dojo, lastLesson] = await Promise.all([
    db.query.checkins.findMany({
      columns: { id: true, mood: true, submittedAt: true, status: true, urgent: true },
      where: and(eq(tables.checkins.userId, row.userId), inArray(tables.checkins.status, ["waiting", "replied"]), ne(tables.checkins.id, id)),
      orderBy: desc(tables.checkins.submittedAt),
      limit: 10,
    }),
    db
      .select({ id: tables.checkinReplies.id, checkinId: tables.checkinReplies.checkinId, bodyEnc: tables.checkinReplies.bodyEnc, createdAt: tables.checkinReplies.createdAt, name: tables.users.name, email: tables.users.email })
      .from(tables.checkinReplies)
      .leftJoin(tables.users, eq(tables.users.id, tables.checkinReplies.coachId))
      .where(eq(tables.checkinReplies.checkinId, id))
      .orderBy(asc(tables.checkinReplies.createdAt)),
    db.query.coachNotes.findMany({ where: eq(tables.coachNotes.memberId, row.userId), orderBy: desc(tables.coachNotes.createdAt), limit: 20 }),
    db.query.memberDojo.findFirst({ columns: { noContactStart: true }, where: eq(tables.memberDojo.userId, row.userId) }),
    db
      .select({ title: tables.lessons.title, completedAt: tables.lessonProgress.completedAt })
      .from(tables.lessonProgress)
      .innerJoin(tables.lessons, eq(tables.lessons.id, tables.lessonProgress.lessonId))
      .where(eq(tables.lessonProgress.userId, row.userId))
      .orderBy(desc(tables.lessonProgress.completedAt))
      .limit(1),
  ]);
  return {
    id: row.id,
    status: row.status as "waiting" | "replied",
    urgent: row.urgent,
    mood: row.mood,
    noContactDay: row.noContactDay,
    submittedAt: row.submittedAt,
    content: openContent(row.contentEnc, row.id),
    member: { id: member?.id ?? row.userId, email: member?.email ?? "", name: member?.name ?? null },
    mine: claimed === actor.id,
    takenBy: holder ? coachName(holder) : null,
    replies: replies.map((r) => ({ id: r.id, body: unseal(r.bodyEnc, r.id), coach: r.email ? coachName({ name: r.name, email: r.email }) : "A coach", createdAt: r.createdAt })),
    earlier,
    notes: notes.map((n) => ({ id: n.id, body: unseal(n.bodyEnc, n.id), createdAt: n.createdAt })),
    noContactStart: dojo?.noContactStart ?? null,
    lastLesson: lastLesson[0]?.title ?? null,
  };
}
export type CoachCheckinView = NonNullable<Awaited<ReturnType<typeof openForCoach>>>;

export type ClaimOutcome = { ok: true } | { ok: false; error: string };

/**
 * A coach starts answering: the check-in is theirs for CLAIM_MINUTES, and other
 * coaches see it is taken. Refused while another coach holds a live claim. The
 * reply itself is still the lock (replyToCheckin), so a claim only saves a
 * second coach from writing a reply that would be refused.
 */
export async function claimCheckin(actor: CurrentUser, id: string, now = new Date()): Promise<ClaimOutcome> {
  assertCoach(actor);
  if (!z.uuid().safeParse(id).success) return { ok: false, error: "That check-in doesn’t exist." };
  const db = await getDb();
  const stale = new Date(now.getTime() - CLAIM_MINUTES * 60_000);
  const [won] = await db
    .update(tables.checkins)
    .set({ claimedBy: actor.id, claimedAt: now })
    .where(and(eq(tables.checkins.id, id), eq(tables.checkins.status, "waiting"), or(isNull(tables.checkins.claimedBy), eq(tables.checkins.claimedBy, actor.id), lt(tables.checkins.claimedAt, stale))))
    .returning({ id: tables.checkins.id });
  if (won) return { ok: true };
  const row = await db.query.checkins.findFirst({ columns: { status: true, claimedBy: true }, where: and(eq(tables.checkins.id, id), inArray(tables.checkins.status, ["waiting", "replied"])) });
  if (!row) return { ok: false, error: "That check-in doesn’t exist." };
  if (row.status === "replied") return { ok: false, error: "Another coach has already answered this check-in." };
  const holder = row.claimedBy ? await db.query.users.findFirst({ columns: { name: true, email: true }, where: eq(tables.users.id, row.claimedBy) }) : null;
  return { ok: false, error: `${holder ? coachName(holder) : "Another coach"} has just started answering this check-in. Keep what you wrote if you want it; pick another from the queue.` };
}

export const replySchema = z.object({ body: z.string().trim().min(2, "Write a reply first.").max(10_000, "That reply is too long.") });

export type ReplyOutcome = { ok: true } | { ok: false; error: string; fieldErrors?: FieldErrors; reason: "invalid" | "taken" | "answered" | "missing" };

/**
 * Replies to a check-in. Only the coach holding the claim can answer, and only
 * once: the status change is the lock, so a second coach's reply is refused
 * and nothing they wrote is stored. The member gets a discreet email.
 */
export async function replyToCheckin(actor: CurrentUser, id: string, input: unknown, now = new Date()): Promise<ReplyOutcome> {
  assertCoach(actor);
  const parsed = validate(replySchema, input);
  if (!parsed.ok) return { ...parsed, reason: "invalid" };
  if (!z.uuid().safeParse(id).success) return { ok: false, reason: "missing", error: "That check-in doesn’t exist." };
  const db = await getDb();
  return db.transaction(async (tx): Promise<ReplyOutcome> => {
    const [won] = await tx
      .update(tables.checkins)
      .set({ status: "replied", repliedAt: now, updatedAt: now, claimedBy: actor.id }) // who answered: the dashboard's per-coach reply times
      .where(and(eq(tables.checkins.id, id), eq(tables.checkins.status, "waiting"), or(isNull(tables.checkins.claimedBy), eq(tables.checkins.claimedBy, actor.id))))
      .returning({ userId: tables.checkins.userId, submittedAt: tables.checkins.submittedAt });
    if (!won) {
      const row = await tx.query.checkins.findFirst({ columns: { status: true }, where: and(eq(tables.checkins.id, id), inArray(tables.checkins.status, ["waiting", "replied"])) });
      if (!row) return { ok: false, reason: "missing", error: "That check-in doesn’t exist." };
      return row.status === "replied"
        ? { ok: false, reason: "answered", error: "Another coach has already answered this check-in. Your reply was not sent; copy it if you want to keep it." }
        : { ok: false, reason: "taken", error: "Another coach is answering this check-in right now. Your reply was not sent." };
    }
    if (won.submittedAt) await countReplyTime(tx, actor.id, now.getTime() - won.submittedAt.getTime(), now);
    const replyId = randomUUID();
    await tx.insert(tables.checkinReplies).values({ id: replyId, checkinId: id, coachId: actor.id, bodyEnc: seal(parsed.data.body, replyId), createdAt: now });
    const member = await tx.query.users.findFirst({ columns: { id: true, email: true }, where: eq(tables.users.id, won.userId) });
    if (member) {
      const url = new URL(`/dojo/check-ins/${id}`, env().APP_URL).toString();
      await enqueueEmail(
        {
          to: member.email,
          userId: member.id,
          dedupeKey: `checkin-reply:${replyId}`,
          ...checkinReplyEmail({ url }),
        },
        tx,
      );
    }
    return { ok: true };
  });
}

export const noteSchema = z.object({ body: z.string().trim().min(1, "Write the note first.").max(5000, "That note is too long.") });

/** A private coach note about a member. Members never see these. */
export async function addCoachNote(actor: CurrentUser, memberId: string, input: unknown): Promise<{ ok: true } | Refusal> {
  assertCoach(actor);
  const parsed = validate(noteSchema, input);
  if (!parsed.ok) return parsed;
  const db = await getDb();
  const member = await db.query.users.findFirst({ columns: { id: true }, where: eq(tables.users.id, memberId) });
  if (!member) return { ok: false, error: "No such member." };
  const id = randomUUID();
  await db.insert(tables.coachNotes).values({ id, memberId, coachId: actor.id, bodyEnc: seal(parsed.data.body, id) });
  return { ok: true };
}

export async function replyTemplatesFor(actor: CurrentUser) {
  assertCoach(actor);
  const db = await getDb();
  return db.query.replyTemplates.findMany({ columns: { id: true, title: true, body: true }, orderBy: asc(tables.replyTemplates.title) });
}

export const templateSchema = z.object({ title: z.string().trim().min(2, "Give the template a name.").max(80), body: z.string().trim().min(2, "Write the template.").max(5000) });

export async function saveReplyTemplate(actor: CurrentUser, input: unknown): Promise<{ ok: true } | Refusal> {
  assertCoach(actor);
  const parsed = validate(templateSchema, input);
  if (!parsed.ok) return parsed;
  const db = await getDb();
  await db.insert(tables.replyTemplates).values({ ...parsed.data, createdBy: actor.id });
  return { ok: true };
}

/** Who read a check-in and when: for its owner (and admins), never for other members. */
export async function readAudit(actor: CurrentUser, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  const db = await getDb();
  const row = await db.query.checkins.findFirst({ columns: { userId: true }, where: eq(tables.checkins.id, id) });
  if (!row || (row.userId !== actor.id && actor.role !== "admin")) return null;
  return db.query.checkinReads.findMany({ columns: { coachName: true, readAt: true }, where: eq(tables.checkinReads.checkinId, id), orderBy: asc(tables.checkinReads.readAt) });
}

/** The daily note to coaches: how many are waiting, how many urgent. Counts only — no member, no text. */
export async function enqueueCoachDigest(now = new Date()): Promise<number> {
  const db = await getDb();
  const [counts] = await db
    .select({ waiting: sql<number>`count(*)::int`, urgent: sql<number>`count(*) filter (where ${tables.checkins.urgent})::int` })
    .from(tables.checkins)
    .where(eq(tables.checkins.status, "waiting"));
  if (!counts || counts.waiting === 0) return 0;
  const coaches = await db.query.users.findMany({ columns: { id: true, email: true }, where: inArray(tables.users.role, ["coach", "admin"]) });
  const day = now.toISOString().slice(0, 10);
  const url = new URL("/coach/check-ins", env().APP_URL).toString();
  for (const coach of coaches) {
    await enqueueEmail({
      to: coach.email,
      userId: coach.id,
      dedupeKey: `coach-digest:${day}:${coach.id}`,
      ...coachDigestEmail({ waiting: counts.waiting, urgent: counts.urgent, queueUrl: url }),
    });
  }
  return coaches.length;
}

/** Adds one first reply to the dashboard's hourly histogram, in the reply's own transaction. */
async function countReplyTime(executor: Pick<Db, "execute">, coachId: string, waitMs: number, at: Date): Promise<void> {
  const r = tables.replyTimeCounts;
  const hour = hourStart(at);
  await executor.execute(sql`insert into ${r} (${columnName(r.hour)}, ${columnName(r.coachId)}, ${columnName(r.bucket)}, ${columnName(r.count)})
    values (${hour}::timestamptz, ${coachId}, ${replyBucket(waitMs)}, 1)
    on conflict (${columnName(r.hour)}, ${columnName(r.coachId)}, ${columnName(r.bucket)}) do update set ${columnName(r.count)} = ${r}.${columnName(r.count)} + 1`);
}
