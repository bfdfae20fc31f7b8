import "server-only";
import { parse } from "csv-parse/sync";
import { emailSchema } from "@/lib/auth/email-link";
import type { SubscriberStatus } from "./subscribers";

// Subscriber lists as CSV (RFC 4180): email, name, status, subscribed date.
// Parsing and checking are pure, so the rules are tested without a database.

export interface CsvRecord {
  /** The line the record starts on (1-based); a quoted field may span lines. */
  line: number;
  fields: string[];
}

const lineBreaks = (s: string) => s.split(/\r|\n/).length - 1;

/**
 * Splits CSV text into records with csv-parse. Quoted fields may hold commas,
 * quotes ("") and line breaks. Lenient where spreadsheets are sloppy (a stray
 * quote inside a field, rows of different lengths, blank or all-empty rows);
 * the domain rules below judge the fields.
 */
export function parseCsvRecords(text: string): { records: CsvRecord[]; error?: { line: number; message: string } } {
  // CRLF becomes LF first: with CR and LF both record delimiters, csv-parse
  // counts a CRLF inside quotes as two lines, and the line numbers would drift.
  const src = text.replace(/\r\n/g, "\n");
  const records: CsvRecord[] = [];
  let lastLine = 0;
  let failure: string | undefined;
  parse(src, {
    bom: true,
    record_delimiter: ["\n", "\r"],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    skip_records_with_error: true,
    on_skip: (err) => void (failure ??= err?.code ?? "unknown"),
    on_record: (fields, { lines }) => {
      // `lines` is where the record ends; its fields' own line breaks say where it starts.
      records.push({ line: lines - fields.reduce((n, f) => n + lineBreaks(f), 0), fields });
      lastLine = lines;
      return null; // collected here, with the line, rather than in parse's result
    },
  });
  if (!failure) return { records };
  // With these options only an unclosed quote fails: it swallows the rest of
  // the file, so it opened on the first line with content after the last record.
  const lines = src.split(/\r|\n/);
  let line = lastLine + 1;
  while (line < lines.length && (lines[line - 1] ?? "").trim() === "") line++;
  const message = failure === "CSV_QUOTE_NOT_CLOSED" ? "a quoted field is never closed (a \" is missing)" : "this line could not be read as CSV";
  return { records, error: { line, message } };
}

export type Column = "email" | "name" | "status" | "subscribed";
export const COLUMNS: Column[] = ["email", "name", "status", "subscribed"];

const HEADER_NAMES: Record<string, Column> = {
  email: "email",
  emailaddress: "email",
  "e-mail": "email",
  name: "name",
  fullname: "name",
  firstname: "name",
  status: "status",
  subscribed: "subscribed",
  subscribeddate: "subscribed",
  subscribedat: "subscribed",
  subscribedon: "subscribed",
  date: "subscribed",
  optintime: "subscribed",
};

const STATUS_NAMES: Record<string, SubscriberStatus> = {
  "": "confirmed",
  confirmed: "confirmed",
  subscribed: "confirmed",
  active: "confirmed",
  pending: "pending",
  unconfirmed: "pending",
  unsubscribed: "unsubscribed",
  cleaned: "unsubscribed",
  bounced: "unsubscribed",
  complained: "unsubscribed",
};

const DATE = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export interface ImportRow {
  email: string;
  name: string | null;
  status: SubscriberStatus;
  subscribedAt: Date | null;
  line: number;
}

export interface ParsedImport {
  rows: ImportRow[];
  errors: { line: number; message: string }[];
  /** Records that repeated an address already seen in the file and were merged into it. */
  duplicates: number;
  records: number;
}

export const MAX_IMPORT_ROWS = 50_000;

// What a spreadsheet would run as a formula; exports prefix these with ' and imports take the prefix off again.
const FORMULA_START = /^[=+\-@\t\r]/;
const unguard = (s: string) => (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s);

const STATUS_RANK: Record<SubscriberStatus, number> = { pending: 0, confirmed: 1, unsubscribed: 2 };

/**
 * Checks every record and merges repeated addresses (an unsubscribe anywhere
 * wins, then confirmed; the first name given; the earliest date). Every bad
 * record is reported with its line number.
 */
export function parseSubscriberCsv(text: string, now = new Date()): ParsedImport {
  const { records, error } = parseCsvRecords(text);
  const errors: { line: number; message: string }[] = error ? [error] : [];
  const first = records[0];
  if (!first) return { rows: [], errors: errors.length ? errors : [{ line: 1, message: "the file is empty" }], duplicates: 0, records: 0 };

  let columns: (Column | null)[];
  let data: CsvRecord[];
  const headerCells = first.fields.map((f) => f.trim().toLowerCase().replace(/[\s_]/g, ""));
  if (headerCells.some((h) => HEADER_NAMES[h] === "email")) {
    columns = headerCells.map((h) => HEADER_NAMES[h] ?? null);
    data = records.slice(1);
  } else if (emailSchema.safeParse(first.fields[0] ?? "").success) {
    columns = COLUMNS; // no header: the export's own order
    data = records;
  } else {
    return { rows: [], errors: [{ line: first.line, message: "the first line should name the columns, one of them “email”" }], duplicates: 0, records: 0 };
  }
  if (data.length > MAX_IMPORT_ROWS) {
    return { rows: [], errors: [{ line: 1, message: `the file has ${data.length} rows; import at most ${MAX_IMPORT_ROWS} at a time` }], duplicates: 0, records: data.length };
  }

  const byEmail = new Map<string, ImportRow>();
  let duplicates = 0;
  for (const record of data) {
    if (record.fields.length > columns.length) {
      errors.push({ line: record.line, message: `has ${record.fields.length} fields, but the header names ${columns.length}` });
      continue;
    }
    const cell = (name: Column) => {
      const i = columns.indexOf(name);
      return i < 0 ? "" : (record.fields[i] ?? "").trim();
    };
    const rawEmail = unguard(cell("email"));
    const email = emailSchema.safeParse(rawEmail);
    if (!email.success) {
      errors.push({ line: record.line, message: rawEmail ? `“${rawEmail.slice(0, 80)}” is not an email address` : "has no email address" });
      continue;
    }
    const rawStatus = cell("status");
    const status = STATUS_NAMES[rawStatus.toLowerCase()];
    if (!status) {
      errors.push({ line: record.line, message: `unknown status “${rawStatus.slice(0, 40)}” (use confirmed, pending or unsubscribed)` });
      continue;
    }
    const rawDate = cell("subscribed");
    let subscribedAt: Date | null = null;
    if (rawDate) {
      const parsed = DATE.test(rawDate) ? new Date(rawDate.length === 10 ? `${rawDate}T00:00:00Z` : rawDate.replace(" ", "T")) : null;
      if (!parsed || Number.isNaN(parsed.getTime())) {
        errors.push({ line: record.line, message: `“${rawDate.slice(0, 40)}” is not a date (use YYYY-MM-DD)` });
        continue;
      }
      if (parsed.getTime() > now.getTime() + 86_400_000) {
        errors.push({ line: record.line, message: `the date ${rawDate} is in the future` });
        continue;
      }
      subscribedAt = parsed;
    }
    const name = unguard(cell("name")).slice(0, 200) || null;

    const seen = byEmail.get(email.data);
    if (!seen) {
      byEmail.set(email.data, { email: email.data, name, status, subscribedAt, line: record.line });
      continue;
    }
    duplicates++;
    if (STATUS_RANK[status] > STATUS_RANK[seen.status]) seen.status = status;
    seen.name ??= name;
    if (subscribedAt && (!seen.subscribedAt || subscribedAt < seen.subscribedAt)) seen.subscribedAt = subscribedAt;
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows: [...byEmail.values()], errors, duplicates, records: data.length };
}

/** One CSV field, guarded against formulas and quoted where needed (the dashboard's downloads use it too). */
export const csvField = (value: string) => {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
};

export interface ExportRow {
  email: string;
  name: string | null;
  status: SubscriberStatus;
  subscribedAt: Date | null;
}

/** The list as CSV, in the same columns the import reads. */
export function toCsv(rows: ExportRow[]): string {
  const lines = ["email,name,status,subscribed"];
  for (const r of rows) lines.push([r.email, r.name ?? "", r.status, r.subscribedAt ? r.subscribedAt.toISOString() : ""].map(csvField).join(","));
  return lines.join("\r\n") + "\r\n";
}
