import "server-only";
import { and, asc, gt, notLike, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { columnName, getDb, rowsOf, tables } from "@/lib/db";
import { log } from "@/lib/log";
import { currentKeyPrefix, seal, unseal } from "./sealed";

// After a DATA_KEY rotation: every sealed value not yet under the new key is
// opened (with DATA_KEY_PREVIOUS) and sealed again with DATA_KEY, a batch at a
// time, while the app keeps running. Each row is written only if it still holds
// the value that was read, so a member editing a draft meanwhile wins. Run it
// again at any time: what is done is skipped.

interface SealedColumn {
  name: string;
  table: PgTable;
  id: PgColumn;
  value: PgColumn;
}

const SEALED: SealedColumn[] = [
  { name: "checkins", table: tables.checkins, id: tables.checkins.id, value: tables.checkins.contentEnc },
  { name: "checkin_replies", table: tables.checkinReplies, id: tables.checkinReplies.id, value: tables.checkinReplies.bodyEnc },
  { name: "coach_notes", table: tables.coachNotes, id: tables.coachNotes.id, value: tables.coachNotes.bodyEnc },
  { name: "saved_ex_messages", table: tables.savedExMessages, id: tables.savedExMessages.id, value: tables.savedExMessages.contentEnc },
];

export interface ResealReport {
  table: string;
  resealed: number;
  /** Rows that would not open with any configured key (left as they are, named in the log by id). */
  unreadable: number;
}

export async function resealAll(batchSize = 500): Promise<ResealReport[]> {
  const db = await getDb();
  const prefix = currentKeyPrefix();
  const reports: ResealReport[] = [];
  for (const column of SEALED) {
    const report: ResealReport = { table: column.name, resealed: 0, unreadable: 0 };
    let after = "00000000-0000-0000-0000-000000000000"; // ids are UUIDs: start below the first
    for (;;) {
      const rows = (await db
        .select({ id: column.id, value: column.value })
        .from(column.table)
        .where(and(gt(column.id, after), notLike(column.value, `${prefix}%`)))
        .orderBy(asc(column.id))
        .limit(batchSize)) as { id: string; value: string }[];
      if (rows.length === 0) break;
      for (const row of rows) {
        let plain: string;
        try {
          plain = unseal(row.value, row.id);
        } catch {
          report.unreadable++;
          log.error("reseal: a value opens with no configured key", { table: column.name, id: row.id });
          continue;
        }
        const written = rowsOf(
          await db.execute(
            sql`update ${column.table} set ${columnName(column.value)} = ${seal(plain, row.id)}
                where ${column.id} = ${row.id} and ${column.value} = ${row.value} returning 1 as one`,
          ),
        );
        if (written.length === 1) report.resealed++;
      }
      after = rows.at(-1)?.id ?? after;
    }
    reports.push(report);
  }
  return reports;
}
