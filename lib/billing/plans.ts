import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { formatMoney } from "@/lib/money";

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

/** A plan's price as the pricing page shows it: "$19", "$19.50". */
export const formatPrice = (amountCents: number, currency: string): string => formatMoney(amountCents, currency, { wholeWithoutDecimals: true });
