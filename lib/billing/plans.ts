import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";

export async function listPlans() {
  const db = await getDb();
  return db.query.plans.findMany({
    columns: { id: true, name: true, interval: true, amountCents: true, currency: true, trialDays: true },
    where: eq(tables.plans.active, true),
    orderBy: asc(tables.plans.sortOrder),
  });
}
export type PlanView = Awaited<ReturnType<typeof listPlans>>[number];

export async function getActivePlan(id: string) {
  const db = await getDb();
  return db.query.plans.findFirst({ where: and(eq(tables.plans.id, id), eq(tables.plans.active, true)) });
}

export function formatPrice(amountCents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase(), minimumFractionDigits: amountCents % 100 === 0 ? 0 : 2 }).format(amountCents / 100);
}
