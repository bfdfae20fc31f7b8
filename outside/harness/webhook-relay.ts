// Where the Stripe emulator sends its webhooks in the outside-in stack: a relay
// in front of the app, so a test can see deliveries as they happen. Passing
// through (the default), it forwards each request byte for byte to the app and
// answers with the app's status; a test may hook the moment a delivery is in
// flight (to kill the server under it). Holding, it keeps the events and answers
// 200 without telling the app, so a test can deliver them itself later, in any
// order, as often as it likes.
import { createServer, type IncomingMessage } from "node:http";
import type Stripe from "stripe";

export interface Held {
  event: Stripe.Event;
  body: string;
}

export interface WebhookRelay {
  url: string;
  mode: "pass" | "hold";
  /** Events kept while holding, in arrival order. */
  held: Held[];
  /** Called while a passed-through delivery is in flight (the app has the request, not yet answered). */
  onInFlight: ((event: Stripe.Event) => void) | null;
  /** Every pass-through delivery with the status it got (0: the app gave no answer). */
  log: Array<{ id: string; type: string; status: number }>;
  close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startWebhookRelay(target: () => string): Promise<WebhookRelay> {
  const relay: Omit<WebhookRelay, "url" | "close"> = { mode: "pass", held: [], onInFlight: null, log: [] };
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      const event = JSON.parse(body) as Stripe.Event;
      if (relay.mode === "hold") {
        relay.held.push({ event, body });
        res.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
        return;
      }
      const sent = fetch(target(), {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "stripe-signature": String(req.headers["stripe-signature"] ?? "") },
        signal: AbortSignal.timeout(20_000),
      });
      // The request is on the wire: whoever hooks this moment sees the app in the middle of it.
      relay.onInFlight?.(event);
      let status = 0;
      let answer = "";
      try {
        const r = await sent;
        status = r.status;
        answer = await r.text();
      } catch {
        // The app died under the request or never answered: Stripe sees a failed attempt.
      }
      relay.log.push({ id: event.id, type: event.type, status });
      res.writeHead(status === 0 ? 502 : status, { "content-type": "application/json" }).end(answer);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the webhook relay is not listening on TCP");
  return Object.assign(relay, {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
