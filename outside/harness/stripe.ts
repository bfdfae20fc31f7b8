// Paying and being Stripe, from outside: a signed-in person goes through the
// app's own /join step to the emulator's hosted Checkout and pays with a test
// card; a test re-delivers the emulator's own events to the app, signed with the
// webhook secret exactly as Stripe signs them, as often and in whatever order it
// wants (Stripe promises neither order nor a single delivery).
import type Stripe from "stripe";
import { emulatorClient, payCheckout } from "../../dev/stripe-emulator/testing";
import { signatureHeader } from "../../dev/stripe-emulator/webhooks";
import type { Browser } from "./http";
import { outsideSecrets, type Stack } from "./stack";

/** An SDK client on the stack's emulator, for what a member would do in the Customer Portal. */
export function stripeOf(stack: Stack): Stripe {
  return emulatorClient(Number(new URL(stack.stripeUrl).port), outsideSecrets.stripeKey);
}

/** `/join?plan=monthly` as `member`, then the hosted Checkout paid with 4242. Returns the Checkout Session's id. */
export async function payForMembership(member: Browser): Promise<string> {
  const join = await member.get("/join?plan=monthly");
  const checkoutUrl = join.redirect;
  if (!checkoutUrl?.includes("/c/pay/cs_")) throw new Error(`/join did not send the member to Checkout: ${join.status} ${checkoutUrl}`);
  const paid = await payCheckout(checkoutUrl);
  if (paid.status >= 400) throw new Error(`the hosted Checkout refused the test card: ${paid.status} ${await paid.text()}`);
  const sessionId = /cs_[A-Za-z0-9_]+/.exec(checkoutUrl)?.[0];
  if (!sessionId) throw new Error(`no Checkout Session id in ${checkoutUrl}`);
  return sessionId;
}

/** POSTs one event's exact bytes to `baseUrl`'s webhook with a fresh, valid signature. */
export async function deliverEvent(baseUrl: string, body: string): Promise<{ status: number; body: { duplicate?: boolean; received?: boolean } }> {
  const res = await fetch(`${baseUrl}/api/stripe/webhook`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "stripe-signature": signatureHeader(body, outsideSecrets.webhook) },
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as { duplicate?: boolean } };
}

/** Waits until the relay holds an event matching each of `wanted`; returns them in the same order. */
export async function heldEvents(stack: Stack, wanted: Array<(e: Stripe.Event) => boolean>, timeoutMs = 20_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = wanted.map((pick) => stack.webhooks.held.find((h) => pick(h.event))?.body);
    if (found.every((b) => b !== undefined)) return found as string[];
    if (Date.now() > deadline) throw new Error(`the emulator sent ${found.filter(Boolean).length} of ${wanted.length} expected events in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
