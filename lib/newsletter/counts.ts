import "server-only";
import { eq, sql } from "drizzle-orm";
import { tables } from "@/lib/db";
import type { DbOrTx } from "@/lib/db";

export interface DeliveryCounts {
  recipients: number;
  /** Not handed to the outbox yet (the rate limiter). */
  waiting: number;
  /** In the outbox, not yet delivered (including retries after an error). */
  inOutbox: number;
  sent: number;
  failed: number;
  /** Unsubscribed after the send began, before their turn. */
  skipped: number;
}

/** An issue's deliveries, read from the outbox rows they became. */
export async function deliveryCounts(db: DbOrTx, issueId: number): Promise<DeliveryCounts> {
  const d = tables.newsletterDeliveries;
  const o = tables.emailOutbox;
  const [row] = await db
    .select({
      recipients: sql<number>`count(*)::int`,
      waiting: sql<number>`(count(*) filter (where ${d.state} = 'waiting'))::int`,
      inOutbox: sql<number>`(count(*) filter (where ${d.state} = 'queued' and ${o.status} in ('pending', 'sending')))::int`,
      sent: sql<number>`(count(*) filter (where ${o.status} = 'sent'))::int`,
      failed: sql<number>`(count(*) filter (where ${o.status} = 'failed'))::int`,
      skipped: sql<number>`(count(*) filter (where ${d.state} = 'skipped'))::int`,
    })
    .from(d)
    .leftJoin(o, eq(o.id, d.outboxId))
    .where(eq(d.issueId, issueId));
  return {
    recipients: Number(row?.recipients ?? 0),
    waiting: Number(row?.waiting ?? 0),
    inOutbox: Number(row?.inOutbox ?? 0),
    sent: Number(row?.sent ?? 0),
    failed: Number(row?.failed ?? 0),
    skipped: Number(row?.skipped ?? 0),
  };
}
