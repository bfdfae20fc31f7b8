// /_emulator/*: test and development controls that Stripe doesn't have — the
// billing clock, and a look at what was sent to the webhook.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Billing } from "./billing";
import { ApiError, invalidParam } from "./errors";
import type Stripe from "stripe";
import { AUTOMATIC, type EventLog } from "./events";
import { readBody, sendJson } from "./http";
import { toJson } from "./json";
import type { WebhookDispatcher } from "./webhooks";

export class Controls {
  /** A charge id, or the latest charge of a PaymentIntent id. */
  chargeId(id: string): string {
    return id.startsWith("pi_") ? this.billing.chargeOfIntent(id, "id").id : this.billing.charge(id).id;
  }

  /** Like a refund from the dashboard: no API request behind its events. */
  refund(chargeOrIntent: string, amount: number | null): Stripe.Refund {
    const charge = this.billing.charge(this.chargeId(chargeOrIntent));
    return this.billing.refund(charge, { amount, reason: "requested_by_customer", metadata: {} }, AUTOMATIC);
  }

  constructor(
    private readonly billing: Billing,
    private readonly events: EventLog,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    try {
      const advance = /^\/_emulator\/subscriptions\/([^/]+)\/advance$/.exec(path);
      if (advance && req.method === "POST") {
        const outcome = parseOutcome(await readBody(req), req.headers["content-type"] ?? "");
        const subscription = this.billing.advance(decodeURIComponent(advance[1] ?? ""), outcome);
        sendJson(res, 200, toJson(subscription));
        return;
      }
      // The dashboard's "Refund" and the bank's dispute, on a charge (ch_…) or its PaymentIntent (pi_…).
      const onCharge = /^\/_emulator\/(?:charges|payment_intents)\/([^/]+)\/(refund|dispute)$/.exec(path);
      if (onCharge && req.method === "POST") {
        const id = decodeURIComponent(onCharge[1] ?? "");
        const params = parseParams(await readBody(req), req.headers["content-type"] ?? "");
        if (onCharge[2] === "refund") {
          const amount = params.amount === undefined || params.amount === "" ? null : Number(params.amount);
          if (amount !== null && (!Number.isInteger(amount) || amount < 1)) throw invalidParam("amount", "amount must be a positive whole number of the smallest currency unit.");
          sendJson(res, 200, toJson(this.refund(id, amount)));
        } else {
          sendJson(res, 200, toJson(this.billing.openDispute(this.chargeId(id), params.reason || undefined)));
        }
        return;
      }
      const close = /^\/_emulator\/disputes\/([^/]+)\/close$/.exec(path);
      if (close && req.method === "POST") {
        const outcome = parseParams(await readBody(req), req.headers["content-type"] ?? "").outcome;
        if (outcome !== "won" && outcome !== "lost") throw invalidParam("outcome", "outcome must be 'won' or 'lost'.");
        sendJson(res, 200, toJson(this.billing.closeDispute(decodeURIComponent(close[1] ?? ""), outcome)));
        return;
      }
      if (path === "/_emulator/events" && req.method === "GET") {
        const data = this.events.all().map((event) => ({ ...event, delivery: this.webhooks.record(event.id) ?? null }));
        sendJson(res, 200, { object: "list", data });
        return;
      }
      sendJson(res, 404, new ApiError(404, "invalid_request_error", `Unknown emulator control: ${req.method} ${path}`).toJson());
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      sendJson(res, error.status, error.toJson());
    }
  }
}

/** String parameters from a form or JSON body. */
function parseParams(body: string, contentType: string): Record<string, string | undefined> {
  if (contentType.includes("application/json") && body.trim() !== "") {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed !== "object" || parsed === null) return {};
      return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, value === undefined || value === null ? undefined : String(value)]));
    } catch {
      throw new ApiError(400, "invalid_request_error", "Invalid JSON body.");
    }
  }
  return Object.fromEntries(new URLSearchParams(body));
}

/** `outcome` from a form body or a JSON body; absent means "whatever the customer's card does". */
function parseOutcome(body: string, contentType: string): "paid" | "failed" | undefined {
  let value: unknown;
  if (contentType.includes("application/json") && body.trim() !== "") {
    try {
      const parsed: unknown = JSON.parse(body);
      value = typeof parsed === "object" && parsed !== null && "outcome" in parsed ? parsed.outcome : undefined;
    } catch {
      throw new ApiError(400, "invalid_request_error", "Invalid JSON body.");
    }
  } else {
    value = new URLSearchParams(body).get("outcome") ?? undefined;
  }
  if (value === undefined || value === "") return undefined;
  if (value === "paid" || value === "failed") return value;
  throw invalidParam("outcome", "outcome must be 'paid' or 'failed'.");
}
