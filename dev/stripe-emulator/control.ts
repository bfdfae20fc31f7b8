// /_emulator/*: test and development controls that Stripe doesn't have — the
// billing clock, and a look at what was sent to the webhook.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Billing } from "./billing";
import { ApiError, invalidParam } from "./errors";
import type { EventLog } from "./events";
import { readBody, sendJson } from "./http";
import { toJson } from "./json";
import type { WebhookDispatcher } from "./webhooks";

export class Controls {
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
