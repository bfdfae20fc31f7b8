// Starter content the app needs to run. Idempotent: safe on every start.
import type { Db } from "./client";
import { plans } from "./schema";

/** The two membership plans, priced as in the Stripe emulator (dev/stripe-emulator seeds the same price ids). */
export const starterPlans = [
  { id: "monthly", name: "Monthly", interval: "month", amountCents: 1900, currency: "usd", stripePriceId: "price_dojo_monthly", trialDays: 7, sortOrder: 1 },
  { id: "yearly", name: "Yearly", interval: "year", amountCents: 15900, currency: "usd", stripePriceId: "price_dojo_yearly", trialDays: 7, sortOrder: 2 },
] as const;

export async function seed(db: Db): Promise<void> {
  await db.insert(plans).values([...starterPlans]).onConflictDoNothing();
}
