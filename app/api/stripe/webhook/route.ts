import { handleStripeWebhook } from "@/lib/billing/webhook";
import { route } from "@/lib/http/route";

// The signature covers the exact bytes Stripe sent, so the body is read raw.
export const POST = route("POST /api/stripe/webhook", async (request: Request) => {
  const raw = await request.text();
  const answer = await handleStripeWebhook(raw, request.headers.get("stripe-signature"));
  return Response.json(answer.body, { status: answer.status });
});
