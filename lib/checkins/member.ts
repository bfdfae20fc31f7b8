import "server-only";
import type { FieldErrors, Refusal } from "@/lib/actions/state";
import { checkbox } from "@/lib/actions/fields";
import { validate } from "@/lib/actions/validate";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getAccess } from "@/lib/billing/subscriptions";
import { derivedKeys, unseal } from "@/lib/crypto/sealed";
import { getDb, tables } from "@/lib/db";
import { daysBetween, todayIn } from "@/lib/lessons/calendar";
import { applyNoContactStart, lessonsChoice } from "@/lib/lessons/member";
import { isUrgent } from "@/lib/safety/detect";
import { contentSchema, openContent, sealContent, type CheckinContent } from "./content";

export const submitSchema = contentSchema.extend({
  /** Minted when the form was rendered: every copy of one form (a double tap, a resend) is one check-in. */
  submission: z.uuid().optional().catch(undefined),
  mood: z.coerce.number({ error: "Choose how you feel, from 1 to 10." }).int().min(1, "Choose how you feel, from 1 to 10.").max(10, "Choose how you feel, from 1 to 10."),
  sendTo: z.enum(["coach", "private"], { error: "Choose whether to send this to your coach or keep it private." }),
});

/** What autosave keeps: the text so far, and a mood if one is chosen (a half-finished form is fine). */
export const draftSchema = contentSchema.extend({ mood: z.coerce.number().int().min(1).max(10).nullable().catch(null) });

export type SubmitOutcome =
  | { ok: true; id: string; urgent: boolean; status: "waiting" | "private" }
  | { ok: false; reason: "invalid"; error: string; fieldErrors?: FieldErrors }
  | { ok: false; reason: "no_access"; error: string };

const NO_ACCESS = "Your membership has ended, so new check-ins can’t be sent. Everything you wrote before is still here to read and download.";

async function memberNoContactDay(user: CurrentUser, now: Date): Promise<number | null> {
  const db = await getDb();
  const row = await db.query.memberDojo.findFirst({ columns: { noContactStart: true }, where: eq(tables.memberDojo.userId, user.id) });
  return row?.noContactStart ? daysBetween(row.noContactStart, todayIn(user.timeZone, now)) : null;
}

/** The member's unsent draft, if any (one at most). */
/**
 * The keys the check-in form encrypts its copy on the device with (see device-draft.ts in the form's folder).
 * One per member, stable across sessions, so words kept while signed out open again after signing back in;
 * handed only to that member's signed-in page, so a copy left on a shared device is unreadable to anyone else.
 */
export function deviceDraftKeys(user: CurrentUser): string[] {
  // Newest first; the earlier ones only while DATA_KEY_PREVIOUS lists the keys they came from.
  return derivedKeys(`checkin-device-draft:v1:${user.id}`).map((k) => k.toString("base64url"));
}

export async function getDraft(user: CurrentUser): Promise<(CheckinContent & { mood: number | null; savedAt: Date }) | null> {
  const db = await getDb();
  const row = await db.query.checkins.findFirst({
    columns: { id: true, contentEnc: true, mood: true, updatedAt: true },
    where: and(eq(tables.checkins.userId, user.id), eq(tables.checkins.status, "draft")),
  });
  return row ? { ...openContent(row.contentEnc, row.id), mood: row.mood, savedAt: row.updatedAt } : null;
}

/**
 * Autosave: keeps what the member has typed so far on the server, so a closed
 * tab or a lost connection loses nothing. One draft per member, overwritten.
 */
export async function saveDraft(user: CurrentUser, input: unknown, now = new Date()): Promise<{ ok: true; savedAt: Date } | Refusal> {
  if (!(await getAccess(user.id, now)).allowed) return { ok: false, error: NO_ACCESS };
  const parsed = validate(draftSchema, input);
  if (!parsed.ok) return parsed;
  const { mood, ...content } = parsed.data;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const existing = await tx.query.checkins.findFirst({ columns: { id: true }, where: and(eq(tables.checkins.userId, user.id), eq(tables.checkins.status, "draft")) });
    const id = existing?.id ?? randomUUID();
    const values = { mood, contentEnc: sealContent(content, id), updatedAt: now };
    if (existing) await tx.update(tables.checkins).set(values).where(eq(tables.checkins.id, id));
    else await tx.insert(tables.checkins).values({ id, userId: user.id, status: "draft", ...values });
  });
  return { ok: true, savedAt: now };
}

/**
 * Sends a check-in to the coach, or keeps it as a private journal entry. Words
 * that suggest danger mark it urgent (top of the queue) — private entries too
 * get the member help on screen, but are never shown to a coach.
 */
export async function submitCheckin(user: CurrentUser, input: unknown, now = new Date()): Promise<SubmitOutcome> {
  if (!(await getAccess(user.id, now)).allowed) return { ok: false, reason: "no_access", error: NO_ACCESS };
  const parsed = validate(submitSchema, input);
  if (!parsed.ok) return { ...parsed, reason: "invalid" };
  const { mood, sendTo, submission, ...content } = parsed.data;
  if (!content.happened && !content.win && !content.hard && !content.question) {
    return { ok: false, reason: "invalid", error: "Write a few words in at least one box — even one line is enough." };
  }
  const urgent = isUrgent(content.happened, content.win, content.hard, content.question);
  const status = sendTo === "coach" ? "waiting" : "private";
  const noContactDay = await memberNoContactDay(user, now);
  const db = await getDb();
  const stored = await db.transaction(async (tx): Promise<{ id: string; urgent: boolean; status: "waiting" | "private" } | null> => {
    const draft = await tx.query.checkins.findFirst({ columns: { id: true }, where: and(eq(tables.checkins.userId, user.id), eq(tables.checkins.status, "draft")) });
    const rowId = draft?.id ?? submission ?? randomUUID();
    const values = { status, mood, noContactDay, urgent, contentEnc: sealContent(content, rowId), submittedAt: now, updatedAt: now } as const;
    // The dashboard's "gone quiet" list counts only check-ins sent to a coach.
    const sentToCoach = () => (status === "waiting" ? tx.update(tables.users).set({ lastCheckinAt: now }).where(eq(tables.users.id, user.id)) : null);
    if (draft) {
      await tx.update(tables.checkins).set(values).where(eq(tables.checkins.id, rowId));
      await sentToCoach();
      return { id: rowId, urgent, status };
    }
    const inserted = await tx
      .insert(tables.checkins)
      .values({ id: rowId, userId: user.id, createdAt: now, ...values })
      .onConflictDoNothing()
      .returning({ id: tables.checkins.id });
    if (inserted.length > 0) {
      await sentToCoach();
      return { id: rowId, urgent, status };
    }
    // This form was sent already (a second tap arriving as the first is stored): that check-in is the answer.
    const earlier = await tx.query.checkins.findFirst({
      columns: { id: true, urgent: true, status: true },
      where: and(eq(tables.checkins.id, rowId), eq(tables.checkins.userId, user.id), ne(tables.checkins.status, "draft")),
    });
    return earlier && earlier.status !== "draft" ? { id: earlier.id, urgent: earlier.urgent, status: earlier.status === "private" ? "private" : "waiting" } : null;
  });
  if (!stored) return { ok: false, reason: "invalid", error: "This form can’t be sent again. Copy your words, reload the page and paste them into a new check-in." };
  return { ok: true, ...stored };
}

export interface MyCheckin {
  id: string;
  status: "private" | "waiting" | "replied";
  mood: number | null;
  noContactDay: number | null;
  urgent: boolean;
  submittedAt: Date;
  content: CheckinContent;
  replies: { id: string; body: string; coachName: string; createdAt: Date }[];
  reads: { coachName: string; readAt: Date }[];
}

/** The member's own check-ins, newest first, with replies and who read them. Works after access lapses. */
export async function myCheckins(user: CurrentUser, onlyId?: string): Promise<MyCheckin[]> {
  const db = await getDb();
  const rows = await db.query.checkins.findMany({
    where: and(eq(tables.checkins.userId, user.id), ne(tables.checkins.status, "draft"), onlyId ? eq(tables.checkins.id, onlyId) : undefined),
    orderBy: desc(tables.checkins.submittedAt),
  });
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [replies, reads] = await Promise.all([
    db
      .select({ id: tables.checkinReplies.id, checkinId: tables.checkinReplies.checkinId, bodyEnc: tables.checkinReplies.bodyEnc, createdAt: tables.checkinReplies.createdAt, coachName: tables.users.name, coachEmail: tables.users.email })
      .from(tables.checkinReplies)
      .leftJoin(tables.users, eq(tables.users.id, tables.checkinReplies.coachId))
      .where(inArray(tables.checkinReplies.checkinId, ids))
      .orderBy(asc(tables.checkinReplies.createdAt)),
    db.query.checkinReads.findMany({ where: inArray(tables.checkinReads.checkinId, ids), orderBy: asc(tables.checkinReads.readAt) }),
  ]);
  return rows.map((r) => ({
    id: r.id,
    status: r.status as MyCheckin["status"],
    mood: r.mood,
    noContactDay: r.noContactDay,
    urgent: r.urgent,
    submittedAt: r.submittedAt ?? r.createdAt,
    content: openContent(r.contentEnc, r.id),
    replies: replies
      .filter((p) => p.checkinId === r.id)
      .map((p) => ({ id: p.id, body: unseal(p.bodyEnc, p.id), coachName: p.coachName ?? "Your coach", createdAt: p.createdAt })),
    reads: reads.filter((x) => x.checkinId === r.id).map((x) => ({ coachName: x.coachName, readAt: x.readAt })),
  }));
}

/** One check-in of the member's own, or null — for anyone else's id the answer is the same as for no id. */
export async function myCheckin(user: CurrentUser, id: string): Promise<MyCheckin | null> {
  if (!z.uuid().safeParse(id).success) return null;
  return (await myCheckins(user, id))[0] ?? null;
}

/** A member deletes one of their check-ins (and with it any reply and read record). */
export async function deleteMyCheckin(user: CurrentUser, id: string): Promise<boolean> {
  if (!z.uuid().safeParse(id).success) return false;
  const db = await getDb();
  const gone = await db
    .delete(tables.checkins)
    .where(and(eq(tables.checkins.id, id), eq(tables.checkins.userId, user.id)))
    .returning({ id: tables.checkins.id });
  return gone.length > 0;
}

export const contactEventSchema = z.object({
  kind: z.enum(["ex_reached_out", "i_reached_out"]),
  onDate: z.iso.date("Choose the day it happened."),
  restart: checkbox(),
  /** With restart: whether no-contact lessons count again from that day too (see applyNoContactStart). */
  lessons: lessonsChoice.optional(),
});

/** Logs "my ex reached out" / "I reached out"; optionally restarts the no-contact count from that day. */
export async function logContactEvent(user: CurrentUser, input: unknown, now = new Date()): Promise<{ ok: true } | Refusal> {
  if (!(await getAccess(user.id, now)).allowed) return { ok: false, error: NO_ACCESS };
  const parsed = validate(contactEventSchema, input);
  if (!parsed.ok) return parsed;
  if (parsed.data.onDate > todayIn(user.timeZone, now)) return { ok: false, error: "That day hasn’t happened yet." };
  const db = await getDb();
  return db.transaction(async (tx) => {
    // The restart goes first: when it refuses (the lessons choice is missing), nothing is logged either.
    if (parsed.data.restart) {
      const restarted = await applyNoContactStart(tx, user, parsed.data.onDate, parsed.data.lessons, now);
      if (!restarted.ok) return restarted;
    }
    await tx.insert(tables.contactEvents).values({ userId: user.id, kind: parsed.data.kind, onDate: parsed.data.onDate });
    return { ok: true as const };
  });
}

/** The member's contact log, newest first: what they logged and for which day. */
export async function myContactLog(user: CurrentUser, limit = 10) {
  const db = await getDb();
  return db.query.contactEvents.findMany({
    columns: { id: true, kind: true, onDate: true },
    where: eq(tables.contactEvents.userId, user.id),
    orderBy: [desc(tables.contactEvents.onDate), desc(tables.contactEvents.id)],
    limit,
  });
}

/** Everything for the history chart: mood and no-contact day per check-in, oldest first. */
export async function moodSeries(user: CurrentUser) {
  const db = await getDb();
  const rows = await db.query.checkins.findMany({
    columns: { mood: true, noContactDay: true, submittedAt: true },
    where: and(eq(tables.checkins.userId, user.id), ne(tables.checkins.status, "draft")),
    orderBy: asc(tables.checkins.submittedAt),
    limit: 60,
  });
  return rows.filter((r) => r.submittedAt !== null).map((r) => ({ at: r.submittedAt as Date, mood: r.mood, noContactDay: r.noContactDay }));
}

/** The member's own data, for download: their check-ins with replies and reads, and their contact log. */
export async function exportMyCheckins(user: CurrentUser) {
  const db = await getDb();
  const [checkins, events] = await Promise.all([
    myCheckins(user),
    db.query.contactEvents.findMany({ columns: { kind: true, onDate: true }, where: eq(tables.contactEvents.userId, user.id), orderBy: asc(tables.contactEvents.onDate) }),
  ]);
  return { exportedAt: new Date().toISOString(), email: user.email, checkins, contactEvents: events };
}
