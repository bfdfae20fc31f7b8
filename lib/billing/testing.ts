// For tests: the Stripe emulator delivering its signed events straight into the app's
// webhook handler (as /api/stripe/webhook would), with the app's SDK pointed at it.
import { createServer } from "node:http";
import type Stripe from "stripe";
import { startStripeEmulator, type StripeEmulator } from "@/dev/stripe-emulator/server";
import { emulatorClient } from "@/dev/stripe-emulator/testing";
import { setStripeForTests } from "./stripe";
import { handleStripeWebhook } from "./webhook";

export interface EmulatorToApp {
  emulator: StripeEmulator;
  stripe: Stripe;
  /** Every event the emulator sent, kept so tests can replay them in other orders. */
  delivered: { body: string; event: Stripe.Event }[];
  /** False: events are recorded and answered 200 without reaching the app. */
  deliverToApp: boolean;
  close(): Promise<void>;
}

export async function emulatorToApp(secret: string): Promise<EmulatorToApp> {
  const link = { delivered: [] as EmulatorToApp["delivered"], deliverToApp: true };
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      link.delivered.push({ body, event: JSON.parse(body) as Stripe.Event });
      const answer = link.deliverToApp ? await handleStripeWebhook(body, String(req.headers["stripe-signature"] ?? "")) : { status: 200, body: {} };
      res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const address = receiver.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const emulator = await startStripeEmulator({ port: 0, webhookUrl: `http://127.0.0.1:${port}/`, webhookSecret: secret, retryBaseMs: 30, log: () => {} });
  const stripe = emulatorClient(emulator.port);
  setStripeForTests(stripe);
  return Object.assign(link, {
    emulator,
    stripe,
    async close() {
      setStripeForTests(undefined);
      await emulator.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    },
  });
}
