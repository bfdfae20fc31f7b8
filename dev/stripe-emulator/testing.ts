// Helpers for tests that drive the emulator through the official SDK, and
// for anyone writing app tests against it: a webhook receiver that verifies
// signatures exactly as the app must, and a hosted-checkout payer.
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import Stripe from "stripe";

export const TEST_WEBHOOK_SECRET = "whsec_test_emulator";

/** An SDK client pointed at the emulator, as the app configures its own. */
export function emulatorClient(port: number, apiKey = "sk_test_emulator"): Stripe {
  return new Stripe(apiKey, { host: "127.0.0.1", port, protocol: "http", maxNetworkRetries: 0 });
}

export interface Receiver {
  url: string;
  /** Verified events, in arrival order (each event once, on its successful attempt). */
  events: Stripe.Event[];
  /** Every request, with the answer given. */
  attempts: Array<{ eventId: string; type: string; status: number }>;
  /** Requests whose signature did not verify. */
  rejected: string[];
  close(): Promise<void>;
}

/**
 * A webhook endpoint that verifies with `stripe.webhooks.constructEvent`.
 * `answer` picks the status for each verified request (default 200).
 */
export async function startReceiver(
  secret = TEST_WEBHOOK_SECRET,
  answer: (event: Stripe.Event, attempt: number) => number = () => 200,
): Promise<Receiver> {
  const stripe = new Stripe("sk_test_receiver");
  const receiver: Omit<Receiver, "url" | "close"> = { events: [], attempts: [], rejected: [] };
  const perEvent = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const signature = req.headers["stripe-signature"];
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(body, typeof signature === "string" ? signature : "", secret);
      } catch (error) {
        receiver.rejected.push(error instanceof Error ? error.message : String(error));
        res.writeHead(400).end();
        return;
      }
      const attempt = (perEvent.get(event.id) ?? 0) + 1;
      perEvent.set(event.id, attempt);
      const status = answer(event, attempt);
      receiver.attempts.push({ eventId: event.id, type: event.type, status });
      if (status >= 200 && status < 300) receiver.events.push(event);
      res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify({ received: status < 300 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("receiver not listening on TCP");
  return {
    ...receiver,
    url: `http://127.0.0.1:${address.port}/webhook`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 5_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface CardForm {
  number?: string;
  expiry?: string;
  cvc?: string;
  name?: string;
  email?: string;
  promotion_code?: string;
}

/** Submits the hosted Checkout form like a browser without JavaScript would. */
export async function payCheckout(checkoutUrl: string, card: CardForm = {}): Promise<Response> {
  const form = new URLSearchParams({
    number: card.number ?? "4242 4242 4242 4242",
    expiry: card.expiry ?? "12 / 34",
    cvc: card.cvc ?? "123",
    name: card.name ?? "Test Person",
  });
  if (card.email !== undefined) form.set("email", card.email);
  if (card.promotion_code !== undefined) form.set("promotion_code", card.promotion_code);
  return fetch(checkoutUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form,
    redirect: "manual",
  });
}
