import { ActionForm } from "@/app/components/action-form";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { startCheckout } from "@/lib/billing/checkout";
import { formatPrice, getActivePlan } from "@/lib/billing/plans";
import { getQuizResult } from "@/lib/quiz/results";
import { continueToCheckout } from "./actions";

export const metadata: Metadata = { title: "Join the Dojo", robots: { index: false } };

type Search = { plan?: string; result?: string };

// The step between "Join" and Stripe: signs the visitor in first (and comes
// back here), then goes straight to checkout — or, if they came from a quiz
// result, first asks whether to keep that result in their account.
export default async function JoinPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { plan: planId = "", result = "" } = await searchParams;
  const user = await requireUser(`/join?${new URLSearchParams({ plan: planId, ...(result ? { result } : {}) })}`);
  const plan = await getActivePlan(planId);
  if (!plan) notFound();
  const snapshot = result ? await getQuizResult(result) : null;
  if (!snapshot) redirect(await startCheckout(user, plan.id));

  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="font-serif text-3xl font-semibold">One thing before you pay</h1>
      <p className="leading-relaxed">
        You chose the <strong>{plan.name.toLowerCase()}</strong> plan: {formatPrice(plan.amountCents, plan.currency)} a {plan.interval}
        {plan.trialDays > 0 ? `, with the first ${plan.trialDays} days free` : ""}.
      </p>
      <ActionForm action={continueToCheckout} className="space-y-5">
        <input type="hidden" name="plan" value={plan.id} />
        <input type="hidden" name="result" value={result} />
        <fieldset className="space-y-3 rounded-2xl border border-line bg-card p-5">
          <legend className="px-1 font-semibold">Keep your free plan in your account?</legend>
          <p className="text-sm text-muted">“{snapshot.prescription.title}” — your coach can then see where you started.</p>
          <label className="flex items-center gap-3">
            <input type="radio" name="keep" value="yes" defaultChecked className="size-5 accent-brand" />
            Yes, keep it
          </label>
          <label className="flex items-center gap-3">
            <input type="radio" name="keep" value="no" className="size-5 accent-brand" />
            No, leave it anonymous
          </label>
        </fieldset>
        <button type="submit" className="btn-primary w-full">
          Continue to payment
        </button>
      </ActionForm>
    </div>
  );
}
