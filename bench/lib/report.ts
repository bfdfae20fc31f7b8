// What every measurement returns, the table printed at the end, and the JSON file.
import fs from "node:fs";
import path from "node:path";

/** One target of the issue, judged. `holds` is null when the figure could not be measured. */
export interface Check {
  /** The row's name, e.g. "/quiz performance". */
  what: string;
  raw: number | string | null;
  unit?: string;
  /** The control's figure measured in the same run, when the target is relative to one. */
  control?: number | string | null;
  controlName?: string;
  /** raw / control (or the difference, when the target is a difference: then `ratioKind` says so). */
  ratio?: number | null;
  ratioKind?: "ratio" | "difference";
  target: string;
  holds: boolean | null;
  /** Correctness checks (errors, exactly-once, plan, works without JS) must hold even in smoke mode. */
  correctness?: boolean;
  note?: string;
}

export interface SectionResult {
  name: string;
  seconds: number;
  checks: Check[];
  /** Everything else measured, for the JSON file: per-run figures, plans, timings. */
  details: Record<string, unknown>;
  error?: string;
}

const fmt = (v: number | string | null | undefined, unit = ""): string => {
  if (v === null || v === undefined) return "—";
  if (typeof v === "string") return v;
  if (!Number.isFinite(v)) return "—";
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 1 ? 2 : 3;
  return `${v.toFixed(digits)}${unit ? ` ${unit}` : ""}`;
};

function pad(cells: string[][]): string {
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? "")].length)));
  return cells.map((row) => row.map((c, i) => c + " ".repeat(widths[i]! - [...c].length)).join("  ").trimEnd()).join("\n");
}

export function renderTable(sections: SectionResult[]): string {
  const out: string[] = [];
  for (const s of sections) {
    out.push(`\n■ ${s.name}  (${s.seconds.toFixed(0)} s)`);
    if (s.error) out.push(`  ✘ could not measure: ${s.error.split("\n")[0]}`);
    if (s.checks.length === 0) continue;
    const rows = [["", "what", "raw", "control", "ratio", "target", "note"]];
    for (const c of s.checks) {
      const mark = c.holds === null ? "?" : c.holds ? "✔" : "✘";
      const ratio = c.ratio === undefined ? "" : c.ratioKind === "difference" ? fmt(c.ratio) : c.ratio === null ? "—" : `${fmt(c.ratio)}×`;
      const control = c.control === undefined ? "" : `${fmt(c.control, c.unit)}${c.controlName ? ` (${c.controlName})` : ""}`;
      rows.push([mark, c.what, fmt(c.raw, c.unit), control, ratio, c.target, c.note ?? ""]);
    }
    out.push(pad(rows).split("\n").map((l) => `  ${l}`).join("\n"));
  }
  return out.join("\n");
}

export function summarize(sections: SectionResult[]) {
  const checks = sections.flatMap((s) => s.checks);
  return {
    held: checks.filter((c) => c.holds === true).length,
    missed: checks.filter((c) => c.holds === false).length,
    unknown: checks.filter((c) => c.holds === null).length,
    correctnessFailed: checks.filter((c) => c.correctness && c.holds === false).length,
    crashed: sections.filter((s) => s.error).map((s) => s.name),
  };
}

export function writeJson(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}
