// Webhook delivery, as Stripe does it: a JSON POST signed with the endpoint's
// secret, retried with exponential backoff until the endpoint answers 2xx.
//
// One request is in flight at a time and first attempts go out in creation
// order. An event whose attempt failed waits for its backoff while later events
// keep going — as with Stripe, a failing event never holds up the rest, and
// the app must not rely on order (it re-reads objects from the API instead).
import { createHmac } from "node:crypto";
import type { EmulatorEvent } from "./events";

/** `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, which `stripe.webhooks.constructEvent` verifies. */
export function signatureHeader(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

export interface DeliveryRecord {
  eventId: string;
  type: string;
  /** pending: not yet delivered, more attempts to come; failed: gave up (or the emulator closed first). */
  status: "pending" | "delivered" | "failed";
  attempts: number;
  /** HTTP status of the last attempt, null when it got no response. */
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: number | null;
  /** Unix ms of the next attempt while pending. */
  nextAttemptAt: number | null;
}

export interface WebhookOptions {
  url: string;
  secret: string;
  /** First retry delay; doubles each attempt. */
  retryBaseMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  timeoutMs: number;
  log: (line: string) => void;
}

interface Queued {
  seq: number;
  body: string;
  record: DeliveryRecord;
  dueAt: number;
}

export class WebhookDispatcher {
  private readonly queue: Queued[] = [];
  private readonly records: DeliveryRecord[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private closed = false;

  constructor(private readonly options: WebhookOptions) {}

  enqueue(event: EmulatorEvent): void {
    const record: DeliveryRecord = {
      eventId: event.id,
      type: event.type,
      status: "pending",
      attempts: 0,
      lastStatus: null,
      lastError: null,
      deliveredAt: null,
      nextAttemptAt: Date.now(),
    };
    this.records.push(record);
    if (this.closed) {
      record.status = "failed";
      record.nextAttemptAt = null;
      record.lastError = "emulator closed";
      return;
    }
    // Serialised once: every attempt sends the same bytes, only the signature's timestamp changes.
    this.queue.push({ seq: this.seq++, body: JSON.stringify(event), record, dueAt: Date.now() });
    // Never on the caller's stack: the API response must not wait for the webhook.
    setImmediate(() => this.wake());
  }

  deliveries(): DeliveryRecord[] {
    return this.records.map((record) => ({ ...record }));
  }

  record(eventId: string): DeliveryRecord | undefined {
    return this.records.find((record) => record.eventId === eventId);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.abort?.abort();
    await this.inFlight;
    for (const entry of this.queue.splice(0)) {
      entry.record.status = "failed";
      entry.record.nextAttemptAt = null;
      entry.record.lastError ??= "emulator closed";
    }
  }

  /** Sends the next due event, or sleeps until one is due. */
  private wake(): void {
    if (this.closed || this.inFlight) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const next = this.nextEntry();
    if (!next) return;
    const wait = next.dueAt - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => this.wake(), wait);
      return;
    }
    this.inFlight = this.attempt(next).finally(() => {
      this.inFlight = null;
      this.wake();
    });
  }

  private nextEntry(): Queued | undefined {
    let best: Queued | undefined;
    for (const entry of this.queue) if (!best || entry.dueAt < best.dueAt || (entry.dueAt === best.dueAt && entry.seq < best.seq)) best = entry;
    return best;
  }

  private async attempt(entry: Queued): Promise<void> {
    const { record } = entry;
    record.attempts += 1;
    this.abort = new AbortController();
    const timeout = setTimeout(() => this.abort?.abort(), this.options.timeoutMs);
    let failure: string | null = null;
    try {
      const response = await fetch(this.options.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          // A fresh timestamp each attempt, or retries after 5 minutes would fail verification.
          "Stripe-Signature": signatureHeader(entry.body, this.options.secret),
        },
        body: entry.body,
        redirect: "manual", // Stripe treats a redirect as a failure, so must we.
        signal: this.abort.signal,
      });
      await response.arrayBuffer().catch(() => undefined); // release the connection
      record.lastStatus = response.status;
      record.lastError = null;
      if (response.status < 200 || response.status > 299) failure = `HTTP ${response.status}`;
    } catch (error) {
      record.lastStatus = null;
      failure = this.closed ? "emulator closed" : describe(error);
      record.lastError = failure;
    } finally {
      clearTimeout(timeout);
      this.abort = null;
    }

    if (failure === null) {
      record.status = "delivered";
      record.deliveredAt = Date.now();
      record.nextAttemptAt = null;
      this.remove(entry);
      return;
    }
    record.lastError = failure;
    if (this.closed) return; // close() marks what is left
    if (record.attempts >= this.options.maxAttempts) {
      record.status = "failed";
      record.nextAttemptAt = null;
      this.remove(entry);
      this.options.log(`[stripe-emulator] webhook ${record.eventId} (${record.type}) attempt ${record.attempts} failed: ${failure}; giving up`);
      return;
    }
    const delay = Math.min(this.options.retryBaseMs * 2 ** (record.attempts - 1), this.options.maxDelayMs);
    entry.dueAt = Date.now() + delay;
    record.nextAttemptAt = entry.dueAt;
    this.options.log(
      `[stripe-emulator] webhook ${record.eventId} (${record.type}) attempt ${record.attempts} failed: ${failure}; retrying in ${(delay / 1000).toFixed(1)}s`,
    );
  }

  private remove(entry: Queued): void {
    const index = this.queue.indexOf(entry);
    if (index >= 0) this.queue.splice(index, 1);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    // fetch wraps the socket error (ECONNREFUSED, ...) in `cause`.
    const cause = error.cause;
    if (cause instanceof Error && "code" in cause && typeof cause.code === "string") return cause.code;
    if (error.name === "AbortError") return "timed out";
    return error.message;
  }
  return String(error);
}
