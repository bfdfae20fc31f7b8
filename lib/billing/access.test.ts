import { describe, expect, it } from "vitest";
import { decideAccess, type CompState, type SubscriptionState } from "./access";

const now = new Date("2026-11-26T12:00:00Z");
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const sub = (over: Partial<SubscriptionState>): SubscriptionState => ({
  status: "active",
  currentPeriodEnd: days(20),
  cancelAtPeriodEnd: false,
  pastDueSince: null,
  stripePriceId: "price_dojo_monthly",
  ...over,
});
const comp = (over: Partial<CompState>): CompState => ({ endsAt: days(10), revokedAt: null, ...over });
const GRACE = 7;

// The gate matrix from the billing issue: each state and whether the member is in.
const matrix: [string, SubscriptionState[], CompState[], boolean][] = [
  ["no subscription at all", [], [], false],
  ["active", [sub({})], [], true],
  ["trialing", [sub({ status: "trialing" })], [], true],
  ["past_due within the grace period", [sub({ status: "past_due", pastDueSince: days(-3) })], [], true],
  ["past_due after the grace period", [sub({ status: "past_due", pastDueSince: days(-8) })], [], false],
  ["cancel at period end, before the end", [sub({ cancelAtPeriodEnd: true, currentPeriodEnd: days(5) })], [], true],
  ["cancel at period end, after the end (Stripe not heard yet)", [sub({ cancelAtPeriodEnd: true, currentPeriodEnd: days(-1) })], [], false],
  ["cancel at period end, ended (canceled)", [sub({ status: "canceled", cancelAtPeriodEnd: true, currentPeriodEnd: days(-1) })], [], false],
  ["unpaid", [sub({ status: "unpaid" })], [], false],
  ["canceled", [sub({ status: "canceled" })], [], false],
  ["incomplete_expired", [sub({ status: "incomplete_expired" })], [], false],
  ["comped", [], [comp({})], true],
  ["comp expired", [], [comp({ endsAt: days(-1) })], false],
  ["comp revoked", [], [comp({ revokedAt: days(-1) })], false],
  ["canceled subscription but comped", [sub({ status: "canceled" })], [comp({})], true],
];

describe("who is in the Dojo", () => {
  it.each(matrix)("%s", (_name, subs, comps, allowed) => {
    expect(decideAccess(subs, comps, now, GRACE).allowed).toBe(allowed);
  });

  it("shows the past-due banner with the day the grace ends", () => {
    const access = decideAccess([sub({ status: "past_due", pastDueSince: days(-2) })], [], now, GRACE);
    expect(access).toMatchObject({ allowed: true, banner: "past_due", graceEndsAt: days(5) });
  });

  it("says when a cancelled membership ends", () => {
    expect(decideAccess([sub({ cancelAtPeriodEnd: true, currentPeriodEnd: days(5) })], [], now, GRACE)).toMatchObject({ allowed: true, endsAt: days(5) });
  });

  it("tells a member locked out by a failed payment apart from one whose membership ended", () => {
    expect(decideAccess([sub({ status: "unpaid" })], [], now, GRACE)).toEqual({ allowed: false, reason: "payment_failed" });
    expect(decideAccess([sub({ status: "canceled" })], [], now, GRACE)).toEqual({ allowed: false, reason: "ended" });
  });

  it("prefers a clean subscription over a comp, and a comp over a subscription in grace", () => {
    expect(decideAccess([sub({})], [comp({})], now, GRACE)).toMatchObject({ via: "subscription" });
    expect(decideAccess([sub({ status: "past_due", pastDueSince: days(-1) })], [comp({})], now, GRACE)).toMatchObject({ via: "comp" });
  });
});
