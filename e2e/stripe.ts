import { e2ePorts } from "./ports";

const emulator = `http://127.0.0.1:${e2ePorts.stripe}`;
const auth = { Authorization: "Bearer sk_test_e2e" };

/** The newest subscription of the customer with this email, as the emulator (standing in for Stripe) has it. */
export async function subscriptionIdFor(email: string): Promise<string> {
  const customers = (await (await fetch(`${emulator}/v1/customers?${new URLSearchParams({ email })}`, { headers: auth })).json()) as { data: { id: string }[] };
  const customer = customers.data[0]?.id;
  if (!customer) throw new Error(`no Stripe customer for ${email}`);
  const subs = (await (await fetch(`${emulator}/v1/subscriptions?${new URLSearchParams({ customer, status: "all" })}`, { headers: auth })).json()) as { data: { id: string }[] };
  const id = subs.data[0]?.id;
  if (!id) throw new Error(`no subscription for ${email}`);
  return id;
}

/** The emulator's test clock: the subscription's period ends now. */
export async function advanceSubscription(id: string, outcome?: "paid" | "failed"): Promise<void> {
  const res = await fetch(`${emulator}/_emulator/subscriptions/${id}/advance`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: outcome ? new URLSearchParams({ outcome }).toString() : "",
  });
  if (!res.ok) throw new Error(`advance failed: ${res.status} ${await res.text()}`);
}

/** The newest charge paid with this email, as the emulator has it. */
export async function chargeFor(email: string): Promise<string> {
  const charges = (await (await fetch(`${emulator}/v1/charges?limit=100`, { headers: auth })).json()) as { data: { id: string; receipt_email: string | null }[] };
  const id = charges.data.find((c) => c.receipt_email === email)?.id;
  if (!id) throw new Error(`no charge for ${email}`);
  return id;
}

/** The dashboard's "Refund" on a charge. */
export async function refundCharge(id: string): Promise<void> {
  const res = await fetch(`${emulator}/_emulator/charges/${id}/refund`, { method: "POST" });
  if (!res.ok) throw new Error(`refund failed: ${res.status} ${await res.text()}`);
}
