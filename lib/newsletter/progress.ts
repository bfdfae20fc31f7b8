import "server-only";
import { eq } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getDb, tables } from "@/lib/db";
import { assertCoach } from "@/lib/auth/guards";
import { deliveryCounts } from "./counts";

export interface IssueProgress {
  status: "draft" | "scheduled" | "sending" | "sent";
  recipients: number;
  sent: number;
  failed: number;
  /** Waiting for the rate limiter or in the outbox. */
  waiting: number;
  skipped: number;
}

/** What the coach sees while an issue goes out; after it is done, the tallies kept on the issue. */
export async function getIssueProgress(actor: CurrentUser, issueId: number): Promise<IssueProgress | null> {
  assertCoach(actor);
  if (!Number.isSafeInteger(issueId) || issueId < 1) return null;
  const db = await getDb();
  const issue = await db.query.newsletterIssues.findFirst({
    columns: { status: true, recipientCount: true, sentCount: true, failedCount: true },
    where: eq(tables.newsletterIssues.id, issueId),
  });
  if (!issue) return null;
  if (issue.status === "draft" || issue.status === "scheduled") return { status: issue.status, recipients: 0, sent: 0, failed: 0, waiting: 0, skipped: 0 };
  const c = await deliveryCounts(db, issueId);
  if (issue.status === "sent") {
    // Outbox rows are purged after a month; the tallies taken at the end outlive them.
    return { status: "sent", recipients: issue.recipientCount ?? c.recipients, sent: issue.sentCount ?? c.sent, failed: issue.failedCount ?? c.failed, waiting: 0, skipped: c.skipped };
  }
  return { status: issue.status, recipients: c.recipients, sent: c.sent, failed: c.failed, waiting: c.waiting + c.inOutbox, skipped: c.skipped };
}
