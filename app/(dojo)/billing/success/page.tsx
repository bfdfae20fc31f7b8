import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { confirmCheckout } from "@/lib/billing/checkout";
import { PaymentPending } from "@/app/components/payment-pending";

export const metadata: Metadata = { title: "Welcome", robots: { index: false } };

// Stripe sends the member here after paying. The webhook usually got here
// first; if not, confirmCheckout reads the result from Stripe itself.
export default async function CheckoutSuccessPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const { session_id: sessionId = "" } = await searchParams;
  const user = await requireUser(`/billing/success?${new URLSearchParams({ session_id: sessionId })}`);
  const access = await confirmCheckout(user, sessionId);
  if (access.allowed) redirect("/dojo?welcome=1");
  return <PaymentPending />;
}
