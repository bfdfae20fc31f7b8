import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";

// The outbox, read back as a mailbox for local development. Every address and
// body in it is private, so each function checks the environment itself rather
// than trusting the page that calls it.

export const devMailboxEnabled = () => process.env.NODE_ENV === "development";

export interface DevMailboxEntry {
  id: number;
  to: string;
  subject: string;
  status: "pending" | "sending" | "sent" | "failed";
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  text: string;
}

/** The latest emails, newest first; null outside development. */
export async function listDevMailbox(limit = 50): Promise<DevMailboxEntry[] | null> {
  if (!devMailboxEnabled()) return null;
  const db = await getDb();
  const t = tables.emailOutbox;
  return db
    .select({
      id: t.id,
      to: t.toAddress,
      subject: t.subject,
      status: t.status,
      attempts: t.attempts,
      lastError: t.lastError,
      createdAt: t.createdAt,
      text: t.textBody,
    })
    .from(t)
    .orderBy(desc(t.id))
    .limit(Math.min(Math.max(1, limit), 200));
}

/** One email's HTML part, to render in a sandboxed frame; null outside development or for an unknown id. */
export async function getDevMailboxHtml(id: number): Promise<{ id: number; subject: string; html: string } | null> {
  if (!devMailboxEnabled() || !Number.isSafeInteger(id) || id < 1) return null;
  const db = await getDb();
  const t = tables.emailOutbox;
  const [row] = await db.select({ id: t.id, subject: t.subject, html: t.htmlBody }).from(t).where(eq(t.id, id));
  return row ?? null;
}
