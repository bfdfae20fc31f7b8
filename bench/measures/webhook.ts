// Stripe webhook throughput through the real route and handler: N signed
// `customer.subscription.updated` events (unique ids) POSTed at a fixed
// concurrency, as Stripe would retry-deliver a burst. Each event makes the
// handler re-read the subscription from "Stripe" — here the emulator — so the
// emulator's own speed is measured alone first: it bounds the handler.
// Exactly once: every event id in the ledger, once; a replay changes nothing.
import Stripe from "stripe";
import { signatureHeader } from "../../dev/stripe-emulator/webhooks";
import { payCheckout } from "../../dev/stripe-emulator/testing";
import { cpuMs } from "../lib/cpu";
import type { Sql } from "../lib/database";
import { createMember } from "../lib/member";
import type { Check, SectionResult } from "../lib/report";
import { percentile, round } from "../lib/stats";
import { secrets } from "../lib/stack";

export interface WebhookInput {
  appUrl: string;
  stripeUrl: string;
  serverPid: number;
  sql: Sql;
  events: number;
  concurrency: number;
  phase: (name: string) => void;
}

/** Runs `task(i)` for i in 0..n-1, `concurrency` at a time; returns each one's latency in ms. */
async function pool(n: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t = performance.now();
        await task(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return latencies;
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function measureWebhook(input: WebhookInput): Promise<SectionResult> {
  const started = performance.now();
  const url = new URL(input.stripeUrl);
  const stripe = new Stripe(secrets.stripeKey, { host: url.hostname, port: url.port, protocol: "http", maxNetworkRetries: 0 });

  // A member who subscribed through the emulator's hosted checkout; its own events reach the app first.
  const customer = await stripe.customers.create({ email: "webhook-member@bench.test" });
  const member = await createMember(input.sql, "webhook-member", { comp: false, stripeCustomerId: customer.id });
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customer.id,
    client_reference_id: member.userId,
    line_items: [{ price: "price_dojo_monthly", quantity: 1 }],
    // As lib/billing/checkout.ts creates it: the subscription names its member.
    subscription_data: { metadata: { userId: member.userId } },
    success_url: `${input.appUrl}/billing/success?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${input.appUrl}/pricing`,
  });
  const paid = await payCheckout(session.url ?? "");
  if (paid.status >= 400) throw new Error(`the emulator's checkout refused the test card (${paid.status})`);
  const subscriptionId = (await stripe.checkout.sessions.retrieve(session.id)).subscription as string;
  await waitUntil(async () => (await input.sql`select 1 from subscriptions where id = ${subscriptionId}`).length === 1, "the checkout's webhooks");

  // The emulator alone: the same re-read the handler makes, at the same concurrency.
  input.phase("webhook:emulator");
  const retrieveN = Math.min(input.events, 1000);
  const t0 = performance.now();
  await pool(retrieveN, input.concurrency, async () => {
    await stripe.subscriptions.retrieve(subscriptionId);
  });
  const emulatorRps = retrieveN / ((performance.now() - t0) / 1000);

  // The burst: unique event ids, each signed as Stripe signs it.
  const runTag = Date.now().toString(36);
  const subscription = await stripe.subscriptions.retrieve(subscriptionId);
  const bodies = Array.from({ length: input.events }, (_, i) =>
    JSON.stringify({
      id: `evt_bench_${runTag}_${i}`,
      object: "event",
      api_version: "2026-10-28.endive",
      created: Math.floor(Date.now() / 1000),
      type: "customer.subscription.updated",
      data: { object: subscription, previous_attributes: { cancel_at_period_end: i % 2 === 0 } },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    }),
  );
  const statuses = new Map<string, number>();
  let duplicatesOnFirst = 0;
  const send = async (body: string) => {
    const res = await fetch(`${input.appUrl}/api/stripe/webhook`, {
      method: "POST",
      // Stripe's own delivery headers. No gzip: Stripe does not ask for it (fetch would, and the
      // server would then compress every tiny JSON answer — a cost real deliveries never cause).
      headers: {
        "content-type": "application/json; charset=utf-8",
        accept: "*/*; q=0.5, application/xml",
        "accept-encoding": "identity",
        "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        "stripe-signature": signatureHeader(body, secrets.webhook),
      },
      body,
    });
    const answer = (await res.json().catch(() => ({}))) as { duplicate?: boolean };
    statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1);
    return answer;
  };
  input.phase("webhook:burst");
  const cpu0 = cpuMs(input.serverPid);
  const t1 = performance.now();
  const latencies = await pool(input.events, input.concurrency, async (i) => {
    if ((await send(bodies[i]!)).duplicate) duplicatesOnFirst++;
  });
  const seconds = (performance.now() - t1) / 1000;
  const cpuPerEvent = (cpuMs(input.serverPid) - cpu0) / input.events;
  const eventsPerSecond = input.events / seconds;

  // Exactly once: N ledger rows with our ids; a replay of some of them is answered "duplicate" and adds none.
  const ours = async () => Number((await input.sql`select count(*)::int as n from stripe_events where id like ${`evt_bench_${runTag}_%`}`)[0]!.n);
  const applied = await ours();
  input.phase("webhook:replay");
  const replayN = Math.min(100, input.events);
  let replayDuplicates = 0;
  await pool(replayN, input.concurrency, async (i) => {
    if ((await send(bodies[i]!)).duplicate) replayDuplicates++;
  });
  const afterReplay = await ours();
  // The member's row still says what the emulator says.
  const [row] = await input.sql<{ status: string }[]>`select status from subscriptions where id = ${subscriptionId}`;
  input.phase("idle");

  const ok200 = statuses.get("200") ?? 0;
  const exactlyOnce =
    applied === input.events && afterReplay === input.events && duplicatesOnFirst === 0 && replayDuplicates === replayN && row?.status === subscription.status;
  const checks: Check[] = [
    { what: "emulator alone: subscription reads", raw: round(emulatorRps, 0), unit: "/s", target: "(bound)", holds: null, note: `${retrieveN} reads at concurrency ${input.concurrency}` },
    {
      what: "webhook events applied (PostgreSQL)",
      raw: round(eventsPerSecond, 0),
      unit: "/s",
      control: round(emulatorRps, 0),
      controlName: "emulator",
      ratio: round(eventsPerSecond / emulatorRps, 2),
      target: "≥ 200 events/s",
      holds: eventsPerSecond >= 200,
      note: `${input.events} events at concurrency ${input.concurrency}; p50 ${round(percentile(latencies, 50), 1)} ms, p99 ${round(percentile(latencies, 99), 1)} ms; server CPU ${round(cpuPerEvent, 1)} ms/event (one core: at most ${round(1000 / cpuPerEvent, 0)}/s)`,
    },
    {
      what: "webhook: exactly once",
      raw: `${applied}/${input.events} applied`,
      target: "all, once",
      holds: exactlyOnce && ok200 === input.events + replayN,
      correctness: true,
      note: `replay of ${replayN}: ${replayDuplicates} answered duplicate, ledger ${afterReplay}; subscription ${row?.status}; HTTP ${[...statuses].map(([c, n]) => `${c}×${n}`).join(" ")}`,
    },
  ];
  return {
    name: "Stripe webhook",
    seconds: (performance.now() - started) / 1000,
    checks,
    details: { subscriptionId, eventsPerSecond, cpuPerEvent, emulatorRps, applied, duplicatesOnFirst, replayDuplicates, statuses: Object.fromEntries(statuses), afterReplay, subscriptionStatus: row?.status },
  };
}
