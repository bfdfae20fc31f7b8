import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { confirmProductCheckout } from "@/lib/products/checkout";
import { PaymentPending } from "@/app/components/payment-pending";

export const metadata: Metadata = { title: "Thank you", robots: { index: false } };

// Stripe sends the buyer here after paying. The webhook usually got here first; if not,
// confirmProductCheckout reads the purchase from Stripe itself and stores it.
export default async function PurchaseDonePage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const { session_id: sessionId = "" } = await searchParams;
  const user = await getCurrentUser();
  const outcome = await confirmProductCheckout(user, sessionId);
  if (outcome === "unknown") notFound();
  if (outcome === "library") redirect("/account/library?notice=bought");
  if (outcome === "pending") return <PaymentPending />;
  return (
    <div className="mx-auto max-w-md space-y-4" role="status">
      <h1 className="font-serif text-3xl font-semibold">Thank you. It’s yours</h1>
      <p className="leading-relaxed">
        Your payment went through. We’ve sent you an email with a link that signs you in and opens your library, where your downloads and your receipt are.
      </p>
      <p className="leading-relaxed text-muted">
        No email in a few minutes? Check your spam folder, or{" "}
        <a href="/signin?callbackUrl=%2Faccount%2Flibrary" className="link">
          sign in with the same address
        </a>{" "}
        to get to your library.
      </p>
    </div>
  );
}
