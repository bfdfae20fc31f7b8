import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { confirmCheckout } from "@/lib/billing/checkout";

export const metadata: Metadata = { title: "Welcome", robots: { index: false } };

// Stripe sends the member here after paying. The webhook usually got here
// first; if not, confirmCheckout reads the result from Stripe itself.
export default async function CheckoutSuccessPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const { session_id: sessionId = "" } = await searchParams;
  const user = await requireUser(`/billing/success?${new URLSearchParams({ session_id: sessionId })}`);
  const access = await confirmCheckout(user, sessionId);
  if (access.allowed) redirect("/dojo?welcome=1");
  return (
    <div className="mx-auto max-w-md space-y-4" role="status">
      {/* Without JavaScript too: the page checks again every few seconds. */}
      <meta httpEquiv="refresh" content="3" />
      <h1 className="font-serif text-3xl font-semibold">Finishing up…</h1>
      <p className="leading-relaxed">We’re waiting for the payment to be confirmed. This page will move on by itself in a moment.</p>
    </div>
  );
}
