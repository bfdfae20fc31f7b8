import "server-only";
import { asc, count, inArray, sql } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCoach } from "@/lib/auth/guards";
import { excluded, getDb, tables } from "@/lib/db";
import { parseSubscriberCsv, toCsv } from "./csv";
import type { SubscriberStatus } from "./subscribers";

const s = tables.newsletterSubscribers;
const CHUNK = 1000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportSummary {
  /** New addresses, by the status they arrived with. */
  added: number;
  /** Known addresses whose status changed (e.g. pending → confirmed, or an opt-out from the old list). */
  updated: number;
  unchanged: number;
  /** Known unsubscribed addresses the file listed as subscribed: left unsubscribed. */
  keptUnsubscribed: number;
  duplicatesMerged: number;
  skippedLines: number;
}

export type ImportOutcome =
  | { ok: true; summary: ImportSummary; errors: { line: number; message: string }[] }
  | { ok: false; message: string; errors: { line: number; message: string }[] };

/**
 * Imports a subscriber list. With any bad line the import changes nothing and
 * says which lines to fix, unless `skipInvalid` asks to import the good ones.
 * Nobody who unsubscribed is ever subscribed again by an import; an opt-out in
 * the file is honoured. One transaction, inserted a thousand rows at a time.
 */
export async function importSubscribers(actor: CurrentUser, text: string, opts: { skipInvalid?: boolean } = {}, now = new Date()): Promise<ImportOutcome> {
  assertCoach(actor);
  if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) return { ok: false, message: "The file is larger than 5 MB. Split it and import the parts.", errors: [] };
  const parsed = parseSubscriberCsv(text, now);
  if (parsed.errors.length > 0 && (!opts.skipInvalid || parsed.rows.length === 0)) {
    const n = parsed.errors.length;
    return {
      ok: false,
      message: parsed.rows.length === 0 && opts.skipInvalid ? "No line could be imported." : `${n} line${n === 1 ? "" : "s"} need${n === 1 ? "s" : ""} fixing. Nothing was imported.`,
      errors: parsed.errors,
    };
  }

  const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0, keptUnsubscribed: 0, duplicatesMerged: parsed.duplicates, skippedLines: parsed.errors.length };
  const db = await getDb();
  await db.transaction(async (tx) => {
    for (let i = 0; i < parsed.rows.length; i += CHUNK) {
      const chunk = parsed.rows.slice(i, i + CHUNK);
      const before = new Map(
        (await tx.select({ email: s.email, status: s.status }).from(s).where(inArray(s.email, chunk.map((r) => r.email)))).map((r) => [r.email, r.status]),
      );
      const after = await tx
        .insert(s)
        .values(
          chunk.map((r) => ({
            email: r.email,
            name: r.name,
            status: r.status,
            source: "import",
            subscribedAt: r.status === "confirmed" ? (r.subscribedAt ?? now) : r.subscribedAt,
            unsubscribedAt: r.status === "unsubscribed" ? now : null,
          })),
        )
        .onConflictDoUpdate({
          target: s.email,
          set: {
            // Unsubscribed stays unsubscribed; an unsubscribe in the file counts; confirmed stays confirmed.
            status: sql`case
              when ${s.status} = 'unsubscribed' or ${excluded(s.status)} = 'unsubscribed' then 'unsubscribed'
              when ${s.status} = 'confirmed' then 'confirmed'
              else ${excluded(s.status)} end`,
            name: sql`coalesce(${s.name}, ${excluded(s.name)})`,
            subscribedAt: sql`case when ${s.status} = 'pending' then ${excluded(s.subscribedAt)} else ${s.subscribedAt} end`,
            unsubscribedAt: sql`case when ${s.status} <> 'unsubscribed' and ${excluded(s.status)} = 'unsubscribed' then ${excluded(s.unsubscribedAt)} else ${s.unsubscribedAt} end`,
            // An open confirmation ends when the file settles the question; an unsubscribed person's own new request stays open.
            confirmNonce: sql`case when ${s.status} = 'pending' and ${excluded(s.status)} <> 'pending' then null else ${s.confirmNonce} end`,
            updatedAt: now,
          },
        })
        .returning({ email: s.email, status: s.status });
      const wanted = new Map(chunk.map((r) => [r.email, r.status]));
      for (const row of after) {
        const old = before.get(row.email);
        if (old === undefined) summary.added++;
        else if (old !== row.status) summary.updated++;
        else summary.unchanged++;
        if (old === "unsubscribed" && wanted.get(row.email) !== "unsubscribed") summary.keptUnsubscribed++;
      }
    }
  });
  return { ok: true, summary, errors: parsed.errors };
}

/** The whole list as CSV (email, name, status, subscribed date), oldest first. */
export async function exportSubscribers(actor: CurrentUser): Promise<string> {
  assertCoach(actor);
  const db = await getDb();
  const rows = await db
    .select({ email: s.email, name: s.name, status: s.status, subscribedAt: s.subscribedAt })
    .from(s)
    .orderBy(asc(s.createdAt), asc(s.email));
  return toCsv(rows);
}

export async function subscriberCounts(actor: CurrentUser): Promise<Record<SubscriberStatus, number>> {
  assertCoach(actor);
  const db = await getDb();
  const rows = await db.select({ status: s.status, n: count() }).from(s).groupBy(s.status);
  const counts: Record<SubscriberStatus, number> = { pending: 0, confirmed: 0, unsubscribed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
