// Events: the record of what happened, each holding a snapshot of its object
// taken when it happened (later changes don't leak into earlier events).
import type Stripe from "stripe";
import { newId } from "./ids";
import { type JsonObject, toJson } from "./json";
import { API_VERSION } from "./objects";
import { nowSeconds } from "./time";

/** The API request that caused an event; both null for automatic ones (hosted pages, the billing clock). */
export interface EventRequest {
  id: string | null;
  idempotency_key: string | null;
}

export const AUTOMATIC: EventRequest = { id: null, idempotency_key: null };

export type EmulatorEvent = Omit<Stripe.EventBase, "data" | "request" | "type"> & {
  type: Stripe.Event.Type;
  data: { object: JsonObject; previous_attributes?: JsonObject };
  request: EventRequest;
};

export class EventLog {
  private readonly events: EmulatorEvent[] = [];

  constructor(private readonly onEvent: (event: EmulatorEvent) => void) {}

  emit(type: Stripe.Event.Type, object: object, options: { previous?: JsonObject; request?: EventRequest } = {}): EmulatorEvent {
    const event: EmulatorEvent = {
      id: newId("evt_"),
      object: "event",
      api_version: API_VERSION,
      created: nowSeconds(),
      data: options.previous ? { object: toJson(object), previous_attributes: options.previous } : { object: toJson(object) },
      livemode: false,
      pending_webhooks: 1,
      request: options.request ?? AUTOMATIC,
      type,
    };
    this.events.push(event);
    this.onEvent(event);
    return event;
  }

  /** Oldest first: the order they were created, which is also the order of first delivery. */
  all(): readonly EmulatorEvent[] {
    return this.events;
  }

  get(id: string): EmulatorEvent | undefined {
    return this.events.find((event) => event.id === id);
  }
}
