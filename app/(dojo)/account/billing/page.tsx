import type { Metadata } from "next";
import Link from "next/link";
import { PastDueBanner } from "@/app/components/past-due-banner";
import { requireUser } from "@/lib/auth/current-user";
import { refreshSubscriptionsFromStripe } from "@/lib/billing/checkout";
import { formatPrice } from "@/lib/billing/plans";
import { getAccess, latestSubscription } from "@/lib/billing/subscriptions";
import { ActionForm } from "@/app/components/action-form";
import { manageBillingAction } from "../actions";
import { log, reason } from "@/lib/log";

export const metadata: Metadata = { title: "Membership and billing", robots: { index: false } };

const statusWords: Record<string, string> = {
  active: "Active",
  trialing: "Free trial",
  past_due: "Payment overdue",
  canceled: "Ended",
  unpaid: "Ended (unpaid)",
  incomplete: "Waiting for payment",
  incomplete_expired: "Not started",
};

const day = (d: Date) => d.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

export default async function BillingPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const user = await requireUser("/account/billing");
  if ((await searchParams).from === "portal") {
    // Stripe's webhook may not have arrived yet; if Stripe cannot be reached, the stored state is shown and the webhook still comes.
    await refreshSubscriptionsFromStripe(user).catch((err: unknown) => log.error("billing: refresh after the portal failed", { reason: reason(err) }));
  }
  const [sub, access] = await Promise.all([latestSubscription(user.id), getAccess(user.id)]);

  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Membership and billing</h1>
      {access.allowed && access.via === "subscription" && access.banner === "past_due" ? <PastDueBanner graceEndsAt={access.graceEndsAt} /> : null}
      {access.allowed && access.via === "comp" ? (
        <p className="rounded-xl bg-brand-soft px-4 py-3">You have complimentary access until {day(access.endsAt)}.</p>
      ) : null}
      {sub ? (
        <dl className="divide-y divide-line rounded-2xl border border-line bg-card">
          <div className="flex justify-between gap-4 px-5 py-3">
            <dt className="text-muted">Plan</dt>
            <dd className="font-medium">
              {sub.planName ?? "Membership"}
              {sub.amountCents !== null && sub.currency ? ` · ${formatPrice(sub.amountCents, sub.currency)} a ${sub.interval}` : ""}
            </dd>
          </div>
          <div className="flex justify-between gap-4 px-5 py-3">
            <dt className="text-muted">Status</dt>
            <dd className="font-medium">{sub.cancelAtPeriodEnd && sub.status !== "canceled" ? "Cancelled — ends at period end" : (statusWords[sub.status] ?? sub.status)}</dd>
          </div>
          {sub.currentPeriodEnd && sub.status !== "canceled" ? (
            <div className="flex justify-between gap-4 px-5 py-3">
              <dt className="text-muted">{sub.cancelAtPeriodEnd ? "Access until" : sub.status === "trialing" ? "Trial ends" : "Renews on"}</dt>
              <dd className="font-medium">{day(sub.currentPeriodEnd)}</dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p className="leading-relaxed">
          You don’t have a membership yet.{" "}
          <Link href="/pricing" className="link">
            See the plans
          </Link>
          .
        </p>
      )}
      {sub ? (
        <ActionForm action={manageBillingAction} className="space-y-2">
          <button type="submit" className="btn-primary">
            Manage billing
          </button>
          <p className="text-sm text-muted">Change your card, see invoices, or cancel — on Stripe’s secure page.</p>
        </ActionForm>
      ) : null}
    </div>
  );
}
