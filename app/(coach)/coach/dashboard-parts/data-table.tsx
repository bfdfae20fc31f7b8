import { cellText, type DataTable } from "@/lib/dashboard/table";

/** A dashboard table with its CSV download. Wide tables scroll sideways on a phone (and by keyboard). */
export function DataTableView({ table, query, empty = "Nothing in this period yet." }: { table: DataTable; query: string; empty?: string }) {
  const href = `/coach/export${table.money ? "/money" : ""}?table=${table.id}&${query}`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`t-${table.id}`} className="font-semibold">
          {table.title}
        </h3>
        <a href={href} className="link text-sm" download>
          Download CSV<span className="sr-only">: {table.title}</span>
        </a>
      </div>
      {table.rows.length === 0 ? (
        <p className="text-sm text-muted">{empty}</p>
      ) : (
        <div className="overflow-x-auto rounded-2xl border border-line bg-card" tabIndex={0} role="region" aria-labelledby={`t-${table.id}`}>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-line">
                {table.columns.map((c) => (
                  <th key={c} scope="col" className="px-3 py-2 font-semibold">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i} className="border-b border-line last:border-0">
                  {row.map((cell, j) =>
                    j === 0 ? (
                      <th key={j} scope="row" className="px-3 py-2 font-normal">
                        {cellText(cell)}
                      </th>
                    ) : (
                      <td key={j} className={`px-3 py-2 ${typeof cell === "string" ? "" : "tabular-nums"}`}>
                        {cellText(cell)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
