// Every figure on the dashboard is a table first: the page draws it (and a chart beside it),
// the CSV download writes the same rows. One shape, so the two can never disagree.
import { csvField } from "@/lib/newsletter/csv";

export type Cell = string | number | null | { minor: number; currency: string };

export interface DataTable {
  /** The address of its CSV download (/coach/export?table=…). */
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
  /** Admins only: the money tables. */
  money?: boolean;
}

const digitsCache = new Map<string, number>();
/** Minor units per major unit of a currency (ISO 4217 as Intl knows it: 2 for USD, 0 for JPY, 3 for KWD). */
export function fractionDigits(currency: string): number {
  const code = currency.toUpperCase();
  let d = digitsCache.get(code);
  if (d === undefined) {
    d = new Intl.NumberFormat("en-US", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(code, d);
  }
  return d;
}

/** An amount in minor units as a plain decimal in major units ("1234.50", "1200" for yen): for CSV. */
export function decimalAmount(minor: number, currency: string): string {
  const d = fractionDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (d === 0) return `${sign}${abs}`;
  const s = String(abs).padStart(d + 1, "0");
  return `${sign}${s.slice(0, -d)}.${s.slice(-d)}`;
}

/** An amount for people: "$1,234.50", "¥1,200", "−$15.00". */
export function formatMoney(minor: number, currency: string): string {
  const d = fractionDigits(currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase(), minimumFractionDigits: d, maximumFractionDigits: d }).format(minor / 10 ** d);
}

export function cellText(cell: Cell): string {
  if (cell === null) return "—";
  if (typeof cell === "number") return Number.isInteger(cell) ? cell.toLocaleString("en-US") : cell.toLocaleString("en-US", { maximumFractionDigits: 1 });
  if (typeof cell === "string") return cell;
  return formatMoney(cell.minor, cell.currency);
}

// Numbers stay bare (a spreadsheet sums them, "-15.00" included); text goes through the formula guard.
const csvCell = (cell: Cell): string =>
  cell === null ? "" : typeof cell === "number" ? String(cell) : typeof cell === "string" ? csvField(cell) : decimalAmount(cell.minor, cell.currency);

/** The table as CSV (RFC 4180, CRLF). Money columns carry plain decimals; the currency is its own column. */
export function tableCsv(table: DataTable): string {
  return [table.columns.map(csvCell), ...table.rows.map((r) => r.map(csvCell))].map((r) => r.join(",")).join("\r\n") + "\r\n";
}

/** A share as a percentage with one decimal, or null when there is nothing to divide by. */
export const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
