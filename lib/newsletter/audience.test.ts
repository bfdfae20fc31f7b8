import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { comps, subscriptions, users } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { decideAccess } from "@/lib/billing/access";
import { hasAccessSql } from "./audience";
import { makeUser, truncateNewsletter } from "./testing";

const DAY = 86_400_000;
const now = new Date("2025-06-01T12:00:00Z");
const at = (days: number) => new Date(now.getTime() + days * DAY);

// Each case: a member's subscriptions and comps. The SQL must agree with decideAccess on every one.
const cases: { name: string; subs: { status: string; currentPeriodEnd?: Date | null; cancelAtPeriodEnd?: boolean; pastDueSince?: Date | null }[]; comps: { endsAt: Date; revokedAt?: Date | null }[] }[] = [
  { name: "nothing", subs: [], comps: [] },
  { name: "active", subs: [{ status: "active" }], comps: [] },
  { name: "trialing", subs: [{ status: "trialing", currentPeriodEnd: at(5) }], comps: [] },
  { name: "cancelling, period left", subs: [{ status: "active", cancelAtPeriodEnd: true, currentPeriodEnd: at(3) }], comps: [] },
  { name: "cancelling, period over", subs: [{ status: "active", cancelAtPeriodEnd: true, currentPeriodEnd: at(-1) }], comps: [] },
  { name: "past due in grace", subs: [{ status: "past_due", pastDueSince: at(-2) }], comps: [] },
  { name: "past due after grace", subs: [{ status: "past_due", pastDueSince: at(-30) }], comps: [] },
  { name: "past due, no date", subs: [{ status: "past_due", pastDueSince: null }], comps: [] },
  { name: "unpaid", subs: [{ status: "unpaid" }], comps: [] },
  { name: "canceled", subs: [{ status: "canceled", currentPeriodEnd: at(10) }], comps: [] },
  { name: "incomplete_expired", subs: [{ status: "incomplete_expired" }], comps: [] },
  { name: "comp running", subs: [], comps: [{ endsAt: at(10) }] },
  { name: "comp over", subs: [], comps: [{ endsAt: at(-1) }] },
  { name: "comp revoked", subs: [], comps: [{ endsAt: at(10), revokedAt: at(-1) }] },
  { name: "canceled but comp", subs: [{ status: "canceled" }], comps: [{ endsAt: at(1) }] },
];

describe.each(testDatabases())("members audience on $kind", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    await truncateNewsletter(handle);
  });
  afterAll(() => handle.close());

  it.each(cases)("agrees with decideAccess: $name", async (c) => {
    for (const grace of [0, 7]) {
      const user = await makeUser(handle, `${c.name.replace(/\W+/g, "-")}-${grace}@example.test`);
      let i = 0;
      for (const s of c.subs) {
        await handle.db.insert(subscriptions).values({
          id: `sub_${user.id}_${i++}`,
          userId: user.id,
          stripeCustomerId: `cus_${user.id}`,
          status: s.status,
          currentPeriodEnd: s.currentPeriodEnd ?? null,
          cancelAtPeriodEnd: s.cancelAtPeriodEnd ?? false,
          pastDueSince: s.pastDueSince ?? null,
        });
      }
      for (const k of c.comps) await handle.db.insert(comps).values({ userId: user.id, endsAt: k.endsAt, revokedAt: k.revokedAt ?? null });
      const expected = decideAccess(
        c.subs.map((s) => ({ status: s.status, currentPeriodEnd: s.currentPeriodEnd ?? null, cancelAtPeriodEnd: s.cancelAtPeriodEnd ?? false, pastDueSince: s.pastDueSince ?? null, stripePriceId: null })),
        c.comps.map((k) => ({ endsAt: k.endsAt, revokedAt: k.revokedAt ?? null })),
        now,
        grace,
      ).allowed;
      const [row] = await handle.db
        .select({ allowed: sql<boolean>`${hasAccessSql(users.id, now, grace)}` })
        .from(users)
        .where(eq(users.id, user.id));
      expect({ grace, allowed: row?.allowed }).toEqual({ grace, allowed: expected });
    }
  });
});
