// Who is in: a pure decision from the member's subscriptions and comps, so the
// rules sit in one place and the gate matrix can be tested without a database.

export interface SubscriptionState {
  status: string;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  pastDueSince: Date | null;
  stripePriceId: string | null;
}

export interface CompState {
  endsAt: Date;
  revokedAt: Date | null;
}

export type Access =
  | { allowed: true; via: "subscription"; status: string; banner?: "past_due"; endsAt?: Date; graceEndsAt?: Date }
  | { allowed: true; via: "comp"; endsAt: Date }
  | { allowed: false; reason: "none" | "ended" | "payment_failed" };

const DAY_MS = 86_400_000;

function subscriptionAccess(s: SubscriptionState, now: Date, graceDays: number): Access | null {
  switch (s.status) {
    case "active":
    case "trialing":
      // If the cancellation's end has passed and Stripe's word has not reached us yet, the end still holds.
      if (s.cancelAtPeriodEnd && s.currentPeriodEnd && s.currentPeriodEnd <= now) return null;
      // Cancelled at period end: in until the end, when Stripe sends the subscription as canceled.
      return {
        allowed: true,
        via: "subscription",
        status: s.status,
        ...(s.cancelAtPeriodEnd && s.currentPeriodEnd ? { endsAt: s.currentPeriodEnd } : {}),
      };
    case "past_due": {
      const since = s.pastDueSince ?? now;
      const graceEndsAt = new Date(since.getTime() + graceDays * DAY_MS);
      return graceEndsAt > now ? { allowed: true, via: "subscription", status: s.status, banner: "past_due", graceEndsAt } : null;
    }
    case "canceled":
      // A cancellation that takes effect at period end arrives as canceled only once the period is over;
      // if Stripe reports canceled with time left (cancelled now, refunded), it is over now.
      return null;
    default:
      // unpaid, incomplete, incomplete_expired, paused: out.
      return null;
  }
}

export function decideAccess(subs: SubscriptionState[], comps: CompState[], now: Date, graceDays: number): Access {
  // Prefer a clean subscription over one in grace, and either over a comp (the banner matters to the member).
  const fromSubs = subs.map((s) => subscriptionAccess(s, now, graceDays)).filter((a): a is Access & { allowed: true } => a !== null);
  const clean = fromSubs.find((a) => a.via === "subscription" && !a.banner);
  if (clean) return clean;
  const comp = comps.filter((c) => c.revokedAt === null && c.endsAt > now).sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime())[0];
  if (comp) return { allowed: true, via: "comp", endsAt: comp.endsAt };
  const grace = fromSubs[0];
  if (grace) return grace;
  if (subs.some((s) => s.status === "past_due" || s.status === "unpaid")) return { allowed: false, reason: "payment_failed" };
  if (subs.length > 0 || comps.length > 0) return { allowed: false, reason: "ended" };
  return { allowed: false, reason: "none" };
}
