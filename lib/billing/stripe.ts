import "server-only";
import Stripe from "stripe";
import { DEV_STRIPE_KEY, DEV_WEBHOOK_SECRET, env, stripeApiUrl } from "@/lib/env";

// With no keys (development), the app talks to the Stripe emulator in dev/;
// STRIPE_API_URL points the official SDK anywhere else. Nothing else in the
// billing code knows which one it talks to.
const slot = globalThis as unknown as { __dojoStripe?: Stripe };

export function getStripe(): Stripe {
  if (slot.__dojoStripe) return slot.__dojoStripe;
  const apiUrl = stripeApiUrl();
  const target = apiUrl ? new URL(apiUrl) : undefined;
  slot.__dojoStripe = new Stripe(env().STRIPE_SECRET_KEY ?? DEV_STRIPE_KEY, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "breakup-dojo" },
    ...(target
      ? {
          host: target.hostname,
          port: target.port || (target.protocol === "https:" ? 443 : 80),
          protocol: target.protocol === "https:" ? "https" : "http",
        }
      : {}),
  });
  return slot.__dojoStripe;
}

export const webhookSecret = () => env().STRIPE_WEBHOOK_SECRET ?? DEV_WEBHOOK_SECRET;

/** Tests swap in a client pointed at their own emulator. */
export function setStripeForTests(client: Stripe | undefined): void {
  slot.__dojoStripe = client;
}
