/** Back from Stripe before the payment is confirmed: says so, and looks again every few seconds (without JavaScript too). */
export function PaymentPending() {
  return (
    <div className="mx-auto max-w-md space-y-4" role="status">
      <meta httpEquiv="refresh" content="3" />
      <h1 className="font-serif text-3xl font-semibold">Finishing up…</h1>
      <p className="leading-relaxed">We’re waiting for the payment to be confirmed. This page will move on by itself in a moment.</p>
    </div>
  );
}
