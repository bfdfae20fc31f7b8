import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { EmulatorEvent } from "./events";
import { type Receiver, TEST_WEBHOOK_SECRET, startReceiver, waitFor } from "./testing";
import { WebhookDispatcher } from "./webhooks";

function fakeEvent(id: string, type: EmulatorEvent["type"]): EmulatorEvent {
  return {
    id,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    data: { object: { id: "sub_x", object: "subscription" } },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function dispatcher(url: string, lines: string[] = []): WebhookDispatcher {
  const webhooks = new WebhookDispatcher({ url, secret: TEST_WEBHOOK_SECRET, retryBaseMs: 50, maxDelayMs: 30_000, maxAttempts: 20, timeoutMs: 2_000, log: (line) => lines.push(line) });
  cleanups.push(() => webhooks.close());
  return webhooks;
}

async function receiver(answer?: Parameters<typeof startReceiver>[1]): Promise<Receiver> {
  const started = await startReceiver(TEST_WEBHOOK_SECRET, answer);
  cleanups.push(() => started.close());
  return started;
}

describe("WebhookDispatcher", () => {
  it("sends first attempts in creation order, signed so constructEvent accepts them", async () => {
    const endpoint = await receiver();
    const webhooks = dispatcher(endpoint.url);
    for (const [index, type] of (["checkout.session.completed", "customer.subscription.created", "invoice.paid"] as const).entries())
      webhooks.enqueue(fakeEvent(`evt_${index}`, type));
    await waitFor(() => endpoint.events.length === 3);
    expect(endpoint.events.map((event) => event.id)).toEqual(["evt_0", "evt_1", "evt_2"]);
    expect(endpoint.rejected).toEqual([]);
  });

  it("keeps delivering later events while a failing one waits for its retry", async () => {
    const endpoint = await receiver((event, attempt) => (event.id === "evt_bad" && attempt === 1 ? 503 : 200));
    const lines: string[] = [];
    const webhooks = dispatcher(endpoint.url, lines);
    webhooks.enqueue(fakeEvent("evt_bad", "invoice.payment_failed"));
    webhooks.enqueue(fakeEvent("evt_next", "customer.subscription.updated"));
    await waitFor(() => webhooks.record("evt_bad")?.status === "delivered");
    expect(endpoint.events.map((event) => event.id)).toEqual(["evt_next", "evt_bad"]);
    expect(webhooks.record("evt_bad")).toMatchObject({ status: "delivered", attempts: 2, lastStatus: 200 });
    expect(lines).toEqual([expect.stringMatching(/^\[stripe-emulator\] webhook evt_bad \(invoice.payment_failed\) attempt 1 failed: HTTP 503; retrying in 0.1s$/)]);
  });

  it("retries while the endpoint is down and delivers once it is up", async () => {
    // Find a free port, then leave it closed for a while.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const lines: string[] = [];
    const webhooks = dispatcher(`http://127.0.0.1:${port}/hook`, lines);
    webhooks.enqueue(fakeEvent("evt_wait", "invoice.paid"));
    await waitFor(() => lines.length >= 2, 5_000, "two failed attempts");
    expect(lines[0]).toMatch(/attempt 1 failed: ECONNREFUSED/);

    let received = 0;
    const late = createServer((req, res) => {
      received += 1;
      req.resume();
      req.on("end", () => res.writeHead(200).end());
    });
    await new Promise<void>((resolve) => late.listen(port, "127.0.0.1", resolve));
    cleanups.push(() => new Promise<void>((resolve) => {
      late.close(() => resolve());
      late.closeAllConnections();
    }));
    await waitFor(() => webhooks.record("evt_wait")?.status === "delivered", 5_000, "delivery");
    expect(received).toBe(1);
  });

  it("stops retrying on close()", async () => {
    const endpoint = await receiver(() => 500);
    const webhooks = dispatcher(endpoint.url);
    webhooks.enqueue(fakeEvent("evt_stop", "invoice.paid"));
    await waitFor(() => endpoint.attempts.length >= 1);
    await webhooks.close();
    const attempts = endpoint.attempts.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(endpoint.attempts.length).toBe(attempts);
    expect(webhooks.record("evt_stop")).toMatchObject({ status: "failed", nextAttemptAt: null });
  });

  it("gives up after maxAttempts", async () => {
    const endpoint = await receiver(() => 500);
    const lines: string[] = [];
    const webhooks = new WebhookDispatcher({ url: endpoint.url, secret: TEST_WEBHOOK_SECRET, retryBaseMs: 10, maxDelayMs: 20, maxAttempts: 3, timeoutMs: 2_000, log: (line) => lines.push(line) });
    cleanups.push(() => webhooks.close());
    webhooks.enqueue(fakeEvent("evt_give_up", "invoice.paid"));
    await waitFor(() => webhooks.record("evt_give_up")?.status === "failed");
    expect(endpoint.attempts).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/attempt 3 failed: HTTP 500; giving up/);
  });
});
