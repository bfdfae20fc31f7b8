// A local Stripe for development and tests. The app's unchanged billing code
// talks to it through the official SDK pointed here with host/port/protocol;
// customers pay on its hosted Checkout page and manage their plan in its
// portal; it sends signed webhooks with retries. State is in memory only.
import type Stripe from "stripe";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import { StripeApi } from "./api";
import { Billing } from "./billing";
import { Controls } from "./control";
import { ApiError } from "./errors";
import { EventLog } from "./events";
import { HostedPages } from "./hosted";
import { sendHtml, sendJson } from "./http";
import { messagePage } from "./pages";
import { Store } from "./store";
import { type DeliveryRecord, WebhookDispatcher } from "./webhooks";

export type { DeliveryRecord } from "./webhooks";
export { signatureHeader } from "./webhooks";
export { SEED } from "./store";

export interface StripeEmulatorOptions {
  /** 0 picks a free port. Default 12111. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  webhookUrl: string;
  webhookSecret: string;
  /** Base of the hosted page links handed out (`url` of sessions). Default http://127.0.0.1:<port>. */
  publicUrl?: string;
  /** First webhook retry delay, doubled each attempt up to 30 s. Default: env STRIPE_EMULATOR_RETRY_BASE_MS, else 500. */
  retryBaseMs?: number;
  /** Attempts per event before giving up. Default 20. */
  maxAttempts?: number;
  /** Per-attempt webhook timeout. Default 10 s. */
  webhookTimeoutMs?: number;
  /** Shown on hosted pages ("Return to …"). Default "Breakup Dojo". */
  businessName?: string;
  /** One line per failed delivery and per ignored parameter. Default console.warn. */
  log?: (line: string) => void;
}

export interface StripeEmulator {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Test helper: the billing clock reaches the subscription's period end (see Billing.advance). */
  advanceSubscription(id: string, outcome?: "paid" | "failed"): Promise<void>;
  /** Test helper: the dashboard's "Refund" on a charge or PaymentIntent (whole remaining amount unless `amount`). */
  refund(chargeOrIntent: string, amount?: number): Promise<Stripe.Refund>;
  /** Test helper: the bank opens a dispute on a charge or PaymentIntent. */
  openDispute(chargeOrIntent: string): Promise<Stripe.Dispute>;
  /** Test helper: the bank decides the dispute. */
  closeDispute(id: string, outcome: "won" | "lost"): Promise<Stripe.Dispute>;
  /** Test helper: every event's delivery state, in creation order. */
  deliveries(): DeliveryRecord[];
}

export const DEFAULT_PORT = 12111;

export async function startStripeEmulator(options: StripeEmulatorOptions): Promise<StripeEmulator> {
  const log = options.log ?? ((line: string) => console.warn(line));
  const host = options.host ?? "127.0.0.1";
  const retryBaseMs = options.retryBaseMs ?? positiveNumber(process.env.STRIPE_EMULATOR_RETRY_BASE_MS) ?? 500;
  const businessName = options.businessName ?? "Breakup Dojo";

  // The public URL may depend on the port the OS picks, so links are built lazily.
  let publicUrl = options.publicUrl?.replace(/\/+$/, "") ?? "";

  const store = new Store();
  const webhooks = new WebhookDispatcher({
    url: options.webhookUrl,
    secret: options.webhookSecret,
    retryBaseMs,
    maxDelayMs: 30_000,
    maxAttempts: options.maxAttempts ?? 20,
    timeoutMs: options.webhookTimeoutMs ?? 10_000,
    log,
  });
  const events = new EventLog((event) => webhooks.enqueue(event));
  const billing = new Billing(store, events, {
    checkoutUrl: (id) => `${publicUrl}/c/pay/${id}`,
    receiptUrl: (id) => `${publicUrl}/receipts/${id}`,
    portalUrl: (id) => `${publicUrl}/p/session/${id}`,
    businessName,
    log,
  });
  const api = new StripeApi(store, billing, events, log);
  const pages = new HostedPages(store, billing, businessName);
  const controls = new Controls(billing, events, webhooks);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const path = url.pathname;
    if (path.startsWith("/v1/") || path === "/v1") return api.handle(req, res, url);
    if (path.startsWith("/_emulator/")) return controls.handle(req, res, path);
    const checkout = /^\/c\/pay\/([^/]+)$/.exec(path);
    if (checkout && (req.method === "GET" || req.method === "POST")) return pages.checkout(req, res, decodeURIComponent(checkout[1] ?? ""));
    const receipt = /^\/receipts\/([^/]+)$/.exec(path);
    if (receipt && req.method === "GET") return pages.receipt(res, decodeURIComponent(receipt[1] ?? ""));
    const portal = /^\/p\/session\/([^/]+)$/.exec(path);
    if (portal && (req.method === "GET" || req.method === "POST")) return pages.portal(req, res, decodeURIComponent(portal[1] ?? ""), url);
    if (path === "/" && req.method === "GET") {
      sendHtml(res, 200, messagePage("Stripe emulator", `A local stand-in for Stripe's API (/v1), Checkout and the Customer Portal. Webhooks go to ${options.webhookUrl}.`));
      return;
    }
    sendHtml(res, 404, messagePage("Page not found", "There is nothing at this address."));
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof ApiError ? error.status : 500;
      if (!(error instanceof ApiError)) log(`[stripe-emulator] internal error on ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (res.headersSent) res.end();
      else sendJson(res, status, (error instanceof ApiError ? error : new ApiError(500, "api_error", "The Stripe emulator failed.")).toJson());
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the Stripe emulator is not listening on a TCP port");
  const { port } = address;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  if (!publicUrl) publicUrl = url;

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        await webhooks.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // The SDK keeps connections alive; close them or close() would wait for their timeout.
          server.closeAllConnections();
        });
      })();
      return closing;
    },
    async advanceSubscription(id, outcome) {
      billing.advance(id, outcome);
    },
    async refund(chargeOrIntent, amount) {
      return controls.refund(chargeOrIntent, amount ?? null);
    },
    async openDispute(chargeOrIntent) {
      return billing.openDispute(controls.chargeId(chargeOrIntent));
    },
    async closeDispute(id, outcome) {
      return billing.closeDispute(id, outcome);
    },
    deliveries() {
      return webhooks.deliveries();
    },
  };
}

function positiveNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : undefined;
}
