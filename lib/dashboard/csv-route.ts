import "server-only";
import { ForbiddenError, getCurrentUser } from "@/lib/auth/current-user";
import { csvDownload } from "@/lib/http/download";
import { dashboardTable } from "./report";
import { tableCsv } from "./table";

/**
 * The answer of a dashboard CSV download: the table named by ?table= for the period in the
 * address. Anyone without the right to it, and any unknown table, gets a plain 404.
 */
export async function dashboardCsvResponse(request: Request, money: boolean): Promise<Response> {
  const url = new URL(request.url);
  const q = (k: string) => url.searchParams.get(k) ?? undefined;
  const user = await getCurrentUser();
  try {
    if (!user) throw new ForbiddenError("sign in");
    const found = await dashboardTable(user, q("table") ?? "", { days: q("days"), from: q("from"), to: q("to") }, money);
    if (!found) return new Response("Not found", { status: 404 });
    const { table, choice } = found;
    return csvDownload(tableCsv(table), `${table.id}-${choice.range.from}-to-${choice.range.to}.csv`);
  } catch (err) {
    if (err instanceof ForbiddenError) return new Response("Not found", { status: 404 });
    throw err;
  }
}
