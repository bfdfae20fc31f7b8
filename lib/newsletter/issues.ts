import "server-only";
import type { Refusal } from "@/lib/actions/state";
import { validate } from "@/lib/actions/validate";
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getDb, tables } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { issueEmail } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { renderMarkdown } from "@/lib/markdown/render";
import { audienceSql, type Audience } from "./audience";
import { assertCoach } from "@/lib/auth/guards";
import { archiveUrl } from "./links";
import { enqueueIssueBatch, startDueIssues } from "./sending";
import { localToInstant } from "./schedule-time";

const issues = tables.newsletterIssues;

export const AUDIENCES = ["all", "members", "non_members"] as const;
export const VISIBILITIES = ["public", "members"] as const;

export const issueInputSchema = z.object({
  subject: z
    .string()
    .trim()
    .min(1, "Give the issue a subject.")
    .max(150, "Keep the subject under 150 characters.")
    .regex(/^[^\r\n]*$/, "Keep the subject on one line."),
  bodyMd: z
    .string()
    .max(100_000, "The issue is too long: 100,000 characters at most.")
    .transform((s) => s.replace(/\r\n?/g, "\n")),
  audience: z.enum(AUDIENCES, { error: "Choose who gets this issue." }),
  visibility: z.enum(VISIBILITIES, { error: "Choose who can read it in the archive." }),
});
export type IssueInput = z.infer<typeof issueInputSchema>;

type Fail = Refusal;
const fail = (error: string): Fail => ({ ok: false, error });

/** The coach's list: newest first, with what each one is doing. */
export async function listIssues(actor: CurrentUser) {
  assertCoach(actor);
  const db = await getDb();
  return db.query.newsletterIssues.findMany({
    columns: { id: true, subject: true, status: true, audience: true, visibility: true, scheduledAt: true, startedAt: true, finishedAt: true, recipientCount: true, sentCount: true, failedCount: true, updatedAt: true },
    orderBy: [desc(issues.updatedAt), desc(issues.id)],
    limit: 200,
  });
}
export type IssueListItem = Awaited<ReturnType<typeof listIssues>>[number];

export async function getIssue(actor: CurrentUser, id: number) {
  assertCoach(actor);
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const db = await getDb();
  const row = await db.query.newsletterIssues.findFirst({
    columns: { id: true, subject: true, bodyMd: true, audience: true, visibility: true, status: true, scheduledAt: true, startedAt: true, finishedAt: true },
    where: eq(issues.id, id),
  });
  return row ?? null;
}
export type IssueForEditor = NonNullable<Awaited<ReturnType<typeof getIssue>>>;

/** Creates a draft (id null) or saves one; an issue that has started sending can no longer change. */
export async function saveIssue(actor: CurrentUser, id: number | null, input: unknown, now = new Date()): Promise<{ ok: true; id: number } | Fail> {
  assertCoach(actor);
  const parsed = validate(issueInputSchema, input);
  if (!parsed.ok) return parsed;
  const db = await getDb();
  if (id === null) {
    const [row] = await db.insert(issues).values({ ...parsed.data, createdBy: actor.id, createdAt: now, updatedAt: now }).returning({ id: issues.id });
    if (!row) throw new Error("newsletter: insert returned no row");
    return { ok: true, id: row.id };
  }
  const [row] = await db
    .update(issues)
    .set({ ...parsed.data, updatedAt: now })
    .where(and(eq(issues.id, id), inArray(issues.status, ["draft", "scheduled"])))
    .returning({ id: issues.id });
  return row ? { ok: true, id: row.id } : fail("This issue has already gone out, so it can’t be changed.");
}

async function sendable(id: number) {
  const db = await getDb();
  const issue = await db.query.newsletterIssues.findFirst({ columns: { id: true, subject: true, bodyMd: true, status: true }, where: eq(issues.id, id) });
  if (!issue) return fail("That issue doesn’t exist.");
  if (issue.bodyMd.trim() === "") return fail("Write something first: the issue is empty.");
  return { ok: true as const, issue };
}

/** A copy to the coach's own address, marked as a test, with links that lead nowhere private. */
export async function sendTestIssue(actor: CurrentUser, id: number): Promise<{ ok: true; to: string } | Fail> {
  assertCoach(actor);
  const check = await sendable(id);
  if (!check.ok) return check;
  const placeholder = archiveUrl("/newsletter");
  const mail = issueEmail({
    subject: check.issue.subject,
    bodyHtml: renderMarkdown(check.issue.bodyMd),
    bodyMd: check.issue.bodyMd,
    manageUrl: placeholder,
    unsubscribeUrl: placeholder,
    siteUrl: env().APP_URL,
    test: true,
  });
  await enqueueEmail({ to: actor.email, ...mail, userId: actor.id });
  return { ok: true, to: actor.email };
}

const MAX_AHEAD_MS = 366 * 86_400_000;

/** Schedules for a wall-clock time in the coach's time zone. */
export async function scheduleIssue(actor: CurrentUser, id: number, local: unknown, now = new Date()): Promise<{ ok: true; at: Date } | Fail> {
  assertCoach(actor);
  const at = typeof local === "string" ? localToInstant(local, actor.timeZone) : null;
  if (!at) return fail("Choose a date and time to send it.");
  if (at.getTime() < now.getTime() + 60_000) return fail("That time has passed (or is less than a minute away). Choose a later one, or send it now.");
  if (at.getTime() > now.getTime() + MAX_AHEAD_MS) return fail("Choose a time within the next year.");
  const check = await sendable(id);
  if (!check.ok) return check;
  const db = await getDb();
  const [row] = await db
    .update(issues)
    .set({ status: "scheduled", scheduledAt: at, updatedAt: now })
    .where(and(eq(issues.id, id), inArray(issues.status, ["draft", "scheduled"])))
    .returning({ id: issues.id });
  return row ? { ok: true, at } : fail("This issue has already gone out.");
}

/** Back to a draft, as long as it has not started. */
export async function unscheduleIssue(actor: CurrentUser, id: number, now = new Date()): Promise<{ ok: true } | Fail> {
  assertCoach(actor);
  const db = await getDb();
  const [row] = await db
    .update(issues)
    .set({ status: "draft", scheduledAt: null, updatedAt: now })
    .where(and(eq(issues.id, id), eq(issues.status, "scheduled")))
    .returning({ id: issues.id });
  return row ? { ok: true } : fail("It has already started sending.");
}

/** Starts the send at once: recipients are fixed and the first batch goes to the outbox; the worker does the rest. */
export async function sendIssueNow(actor: CurrentUser, id: number, now = new Date()): Promise<{ ok: true; recipients: number } | Fail> {
  assertCoach(actor);
  const check = await sendable(id);
  if (!check.ok) return check;
  const db = await getDb();
  const [row] = await db
    .update(issues)
    .set({ status: "scheduled", scheduledAt: now, updatedAt: now })
    .where(and(eq(issues.id, id), inArray(issues.status, ["draft", "scheduled"])))
    .returning({ id: issues.id });
  if (!row) return fail("This issue has already gone out.");
  await startDueIssues(now);
  await enqueueIssueBatch(id, { now });
  const started = await db.query.newsletterIssues.findFirst({ columns: { recipientCount: true }, where: eq(issues.id, id) });
  return { ok: true, recipients: started?.recipientCount ?? 0 };
}

export async function deleteDraft(actor: CurrentUser, id: number): Promise<{ ok: true } | Fail> {
  assertCoach(actor);
  const db = await getDb();
  const gone = await db.delete(issues).where(and(eq(issues.id, id), eq(issues.status, "draft"))).returning({ id: issues.id });
  return gone.length > 0 ? { ok: true } : fail("Only drafts can be deleted.");
}

/** How many confirmed subscribers an audience reaches right now. */
export async function audienceSizes(actor: CurrentUser, now = new Date()): Promise<Record<Audience, number>> {
  assertCoach(actor);
  const db = await getDb();
  const s = tables.newsletterSubscribers;
  const grace = env().PAST_DUE_GRACE_DAYS;
  const [row] = await db
    .select({
      all: count(),
      members: sql<number>`(count(*) filter (where ${audienceSql("members", now, grace)}))::int`,
    })
    .from(s)
    .where(eq(s.status, "confirmed"));
  const all = Number(row?.all ?? 0);
  const members = Number(row?.members ?? 0);
  return { all, members, non_members: all - members };
}
