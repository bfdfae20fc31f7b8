import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertAdmin, assertCoach } from "@/lib/auth/guards";
import { isAdmin } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { careReport } from "./care";
import { funnelReport } from "./funnel";
import { moneyReport } from "./money";
import { newsletterReport } from "./newsletter";
import { parseRange, type RangeChoice } from "./range";
import type { DataTable } from "./table";

export type DashboardQuery = { days?: string; from?: string; to?: string };

/** The whole dashboard for one viewer: money only for admins. Its sections are read at once. */
export async function dashboardFor(actor: CurrentUser, query: DashboardQuery, now = new Date()) {
  assertCoach(actor);
  const choice = parseRange(query, env().DASHBOARD_TIME_ZONE, now);
  const [funnel, money, care, newsletter] = await Promise.all([
    funnelReport(actor, choice.range),
    isAdmin(actor.role) ? moneyReport(actor, choice.range, now) : null,
    careReport(actor, choice.range, now),
    newsletterReport(actor, choice.range),
  ]);
  return { choice, funnel, money, care, newsletter };
}
export type Dashboard = Awaited<ReturnType<typeof dashboardFor>>;

const COACH_SECTIONS = [funnelReport, careReport, newsletterReport] as const;

/**
 * One table for its CSV download, or null when there is no such table. `money` picks the
 * admins' tables (each section checks the actor's role itself, so a coach asking for one is refused).
 */
export async function dashboardTable(actor: CurrentUser, id: string, query: DashboardQuery, money: boolean, now = new Date()): Promise<{ table: DataTable; choice: RangeChoice } | null> {
  if (money) assertAdmin(actor);
  else assertCoach(actor);
  const choice = parseRange(query, env().DASHBOARD_TIME_ZONE, now);
  const sections = money ? [moneyReport(actor, choice.range, now)] : COACH_SECTIONS.map((report) => report(actor, choice.range, now));
  for (const section of await Promise.all(sections)) {
    const table = section.tables.find((t) => t.id === id);
    if (table) return { table, choice };
  }
  return null;
}
