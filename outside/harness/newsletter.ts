// A newsletter from outside: readers written into the database before the
// servers start, the coach's "send now" through the issue editor's action,
// the coach's progress endpoint until the issue is sent, and the letters the
// SMTP sink received, counted per reader.
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import * as tables from "../../db/schema";
import type { ActionAnswer, Browser } from "./http";
import { actionNamed } from "./routes";
import { until } from "./wait";

/** Every reader added here has an address on this domain, so counts leave out anyone else. */
const READER_DOMAIN = "@letters.example";

/** Adds `count` confirmed newsletter readers (in batches: one insert of 10,000 rows is too many parameters). */
export async function addReaders(db: Db, count: number, tag: string): Promise<void> {
  const rows = Array.from({ length: count }, (_, i) => ({
    email: `${tag}-${i}-${randomUUID().slice(0, 6)}${READER_DOMAIN}`,
    status: "confirmed" as const,
    source: "import",
    subscribedAt: new Date(),
  }));
  for (let i = 0; i < rows.length; i += 1000) await db.insert(tables.newsletterSubscribers).values(rows.slice(i, i + 1000));
}

/** The coach saves the issue with this subject and presses "send now" (to everyone, public in the archive). */
export function sendIssueNow(coach: Browser, issueId: string, subject: string, bodyMd: string): Promise<ActionAnswer> {
  return coach.action(`/coach/newsletter/${issueId}`, actionNamed("issueAction").id, {
    issueId,
    intent: "send",
    subject,
    bodyMd,
    audience: "all",
    visibility: "public",
  });
}

/** Waits until the coach's progress endpoint says the issue is sent. */
export async function untilIssueSent(coach: Browser, issueId: string, timeoutMs: number): Promise<void> {
  await until(
    "the issue to be sent",
    async () => {
      const progress = await coach.get(`/api/newsletter/issues/${issueId}/progress`);
      return progress.status === 200 && (JSON.parse(progress.text) as { status: string }).status === "sent";
    },
    timeoutMs,
  );
}

export interface Letter {
  to: string[];
  subject: string;
  messageId: string;
}

/** Everything the SMTP sink has received (its summary: recipients, subject, Message-ID). */
export async function receivedLetters(sinkUrl: string): Promise<Letter[]> {
  return (await (await fetch(`${sinkUrl}/messages?summary=1`)).json()) as Letter[];
}

/** How many of `letters` each reader added by addReaders received. */
export function perReader(letters: Letter[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of letters) for (const to of m.to) if (to.endsWith(READER_DOMAIN)) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}
