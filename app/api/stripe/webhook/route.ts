import { handleStripeWebhook } from "@/lib/billing/webhook";

// The signature covers the exact bytes Stripe sent, so the body is read raw.
export async function POST(request: Request) {
  const raw = await request.text();
  const answer = await handleStripeWebhook(raw, request.headers.get("stripe-signature"));
  return Response.json(answer.body, { status: answer.status });
}
