import "server-only";
import { and, eq, inArray, lt } from "drizzle-orm";
import { z } from "zod";
import { getDb, tables, type DbOrTx } from "@/lib/db";


export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  userId?: string;
  /** At most one row ever exists per key: a retried webhook or a double click enqueues nothing the second time. */
  dedupeKey?: string;
  headers?: Record<string, string>;
}

// The worker sets these itself; letting a caller set them would forge the sender or break de-duplication.
const RESERVED_HEADERS = new Set([
  "from", "to", "cc", "bcc", "reply-to", "sender", "subject", "message-id", "date",
  "content-type", "content-transfer-encoding", "mime-version", "return-path",
]);

const noLineBreaks = (s: string) => !/[\r\n]/.test(s);

const messageSchema = z.object({
  // One address only: a comma or a newline here would add recipients or headers.
  to: z.email().max(254),
  subject: z.string().min(1).max(200).refine(noLineBreaks, "must be one line"),
  text: z.string().min(1),
  html: z.string().min(1),
  userId: z.string().min(1).optional(),
  dedupeKey: z.string().min(1).max(200).optional(),
  headers: z
    .record(
      z.string().regex(/^[A-Za-z0-9-]{1,64}$/).refine((k) => !RESERVED_HEADERS.has(k.toLowerCase()), "is set by the mailer"),
      z.string().max(1000).refine(noLineBreaks, "must be one line"),
    )
    .optional(),
});

/**
 * Stores an email for the worker to deliver. Pass `tx` to make the email part of
 * the caller's transaction: it then exists exactly when the effect it reports does.
 * Throws on a malformed message (a programming error, never a user's input error).
 */
export async function enqueueEmail(message: EmailMessage, tx?: DbOrTx): Promise<{ id: number; created: boolean }> {
  const m = messageSchema.parse(message);
  const db = tx ?? (await getDb());
  const t = tables.emailOutbox;
  const [row] = await db
    .insert(t)
    .values({
      toAddress: m.to,
      subject: m.subject,
      textBody: m.text,
      htmlBody: m.html,
      userId: m.userId,
      dedupeKey: m.dedupeKey,
      headers: m.headers,
    })
    .onConflictDoNothing({ target: t.dedupeKey })
    .returning({ id: t.id });
  if (row) return { id: row.id, created: true };
  // Only a dedupe-key conflict inserts nothing; the conflicting row is committed by now, so it is visible.
  const [existing] = await db.select({ id: t.id }).from(t).where(eq(t.dedupeKey, m.dedupeKey ?? ""));
  if (!existing) throw new Error("email outbox: insert skipped but no row holds its dedupe key");
  return { id: existing.id, created: false };
}

/**
 * Sent and failed rows keep the message body, and a sign-in email's body is a
 * credential until it expires: keep them only as long as they help support.
 */
export async function purgeOldEmails(olderThanDays = 30, now = new Date()): Promise<number> {
  const db = await getDb();
  const t = tables.emailOutbox;
  const cutoff = new Date(now.getTime() - olderThanDays * 86_400_000);
  const gone = await db
    .delete(t)
    .where(and(inArray(t.status, ["sent", "failed"]), lt(t.createdAt, cutoff)))
    .returning({ id: t.id });
  return gone.length;
}
