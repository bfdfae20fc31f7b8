// Every figure on the dashboard is a table first: the page draws it (and a chart beside it),
// the CSV download writes the same rows. One shape, so the two can never disagree.
import { decimalAmount, formatMoney } from "@/lib/money";
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
