import Link from "next/link";
import { formatPrice, type PlanView } from "@/lib/billing/plans";

const inside = [
  "Lessons in short modules, released day by day through the first weeks — the first days, no contact done well, when your ex reaches out, rebuilding yourself.",
  "Check-ins: tell your coach how it’s going, in your own words, and get a personal reply.",
  "A no-contact day counter you can restart without shame.",
  "Everything private: your check-ins are encrypted, and emails never mention what you wrote.",
];

export const notices = {
  cancelled: "No payment was taken. Whenever you’re ready, the plans are here.",
  dojo: "The Dojo is for members. Choose a plan to come in — the free plan stays yours either way.",
} as const;
export type PricingNotice = keyof typeof notices;

/**
 * The pricing page's content. `result` is the visitor's anonymous quiz result token, carried
 * on to /join so they can keep that result in their account; `notice` says why they are here.
 */
export function PricingView({ plans, notice, result }: { plans: PlanView[]; notice?: PricingNotice; result?: string }) {
  const joinHref = (planId: string) => `/join?${new URLSearchParams({ plan: planId, ...(result ? { result } : {}) })}`;

  return (
    <div className="space-y-8">
      {notice ? (
        <p role="status" className="rounded-xl bg-brand-soft px-4 py-3">
          {notices[notice]}
        </p>
      ) : null}
      <div className="space-y-3">
        <h1 className="font-serif text-3xl font-semibold">The Dojo</h1>
        <p className="text-lg leading-relaxed text-muted">The free plan tells you what to do next. The Dojo walks the next weeks with you.</p>
      </div>

      <section aria-labelledby="plans" className="space-y-4">
        <h2 id="plans" className="sr-only">
          Plans
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {plans.map((plan) => (
            <li key={plan.id} className="flex flex-col gap-3 rounded-2xl border border-line bg-card p-6">
              <h3 className="text-xl font-semibold">{plan.name}</h3>
              <p>
                <span className="text-3xl font-semibold">{formatPrice(plan.amountCents, plan.currency)}</span>{" "}
                <span className="text-muted">a {plan.interval}</span>
              </p>
              {plan.trialDays > 0 ? <p className="text-sm text-muted">First {plan.trialDays} days free. Cancel any time before and pay nothing.</p> : null}
              {/* A plain link: prefetching must never start a checkout. */}
              <a href={joinHref(plan.id)} className="btn-primary mt-auto" aria-label={`Join with the ${plan.name.toLowerCase()} plan`}>
                Join {plan.name.toLowerCase()}
              </a>
            </li>
          ))}
        </ul>
        <p className="text-sm text-muted">Have a promotion code? You can enter it at checkout. Cancel any time in two clicks from your account.</p>
      </section>

      <section aria-labelledby="inside" className="rounded-2xl border border-line bg-card p-6">
        <h2 id="inside" className="mb-4 text-xl font-semibold">
          What members get
        </h2>
        <ul className="list-disc space-y-2 pl-6 leading-relaxed">
          {inside.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>

      <p className="leading-relaxed text-muted">
        Not ready? That’s fine.{" "}
        <Link href="/quiz" className="link">
          The free plan
        </Link>{" "}
        is yours to use as often as you like. Rather work through it on your own?{" "}
        <Link href="/products" className="link">
          Workbooks and audio
        </Link>{" "}
        are bought once, no membership needed.
      </p>
    </div>
  );
}
