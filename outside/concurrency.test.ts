// Races an outsider (or an impatient thumb) can start: the same check-in sent
// many times at once, two coaches answering one check-in together, and Stripe
// signatures that are wrong in each of the ways stripe-node itself checks.
import { sql } from "drizzle-orm";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { changedTables } from "./harness/database";
import { serverActions } from "./harness/routes";
import { enginesToTest, outsideSecrets } from "./harness/stack";
import { stackWithWorld } from "./harness/world";

function actionNamed(name: string) {
  const found = serverActions().find((a) => a.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found;
}

describe.each(enginesToTest())("concurrency from outside on %s", (engine) => {
  const ctx = stackWithWorld(engine);

  const count = (query: ReturnType<typeof sql>) =>
    ctx.stack.withServersStopped(async (db) => Number((await db.rows<{ n: number | string }>(query))[0]?.n ?? 0));

  it("ten sends of one check-in form at once store one check-in", async () => {
    const submit = actionNamed("submitCheckinAction");
    const form = ctx.world.browser("memberB", ctx.stack.url);
    // The form as the page rendered it: the same hidden fields in every copy of the request.
    const page = await form.get("/dojo/check-ins/new");
    const submission = /name="submission" value="([^"]+)"/.exec(page.text)?.[1];
    expect(submission, "the new check-in form carries its submission id").toBeDefined();
    const fields = { submission: submission ?? "", happened: "Sent twice by a double tap", mood: "4", sendTo: "coach", win: "", hard: "", question: "" };
    const answers = await Promise.all(Array.from({ length: 10 }, () => form.action("/dojo/check-ins/new", submit.id, fields)));
    for (const a of answers) expect(a.status, a.text.slice(0, 200)).toBeLessThan(400);
    expect(await count(sql`select count(*) as n from checkins where user_id = ${ctx.world.people.memberB.id} and status <> 'draft'`)).toBe(1);
  });

  it("two coaches answering one check-in at the same moment leave one reply", async () => {
    const reply = actionNamed("replyAction");
    const page = `/coach/check-ins/${ctx.world.a.checkinId}`;
    const answers = await Promise.all(
      (["coach", "admin"] as const).flatMap((role) =>
        Array.from({ length: 3 }, (_, i) => ctx.world.browser(role, ctx.stack.url).action(page, reply.id, { checkinId: ctx.world.a.checkinId, body: `Answer ${i} from the ${role}` })),
      ),
    );
    const accepted = answers.filter((a) => (a.result as { ok?: boolean } | undefined)?.ok === true);
    expect(accepted).toHaveLength(1);
    for (const a of answers.filter((x) => x !== accepted[0])) expect((a.result as { error?: string }).error).toMatch(/already|another coach|answered/i);
    expect(await count(sql`select count(*) as n from checkin_replies where checkin_id = ${ctx.world.a.checkinId}`)).toBe(1);
  });

  it("a webhook whose signature is wrong in any of stripe-node's ways is refused with 400 and writes nothing", async () => {
    const stripe = new Stripe(outsideSecrets.stripeKey);
    const event = {
      id: "evt_outside_forged",
      object: "event",
      type: "customer.subscription.updated",
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: "sub_outside_forged", object: "subscription", status: "active", customer: "cus_forged" } },
    };
    const body = JSON.stringify(event);
    const sign = (payload: string, opts: { secret?: string; timestamp?: number; scheme?: string } = {}) =>
      stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? outsideSecrets.webhook, timestamp: opts.timestamp, scheme: opts.scheme });
    const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
    const forged: [string, string, Record<string, string>][] = [
      ["no Stripe-Signature header", body, {}],
      ["no v1 signature (another scheme only)", body, { "stripe-signature": sign(body, { scheme: "v0" }) }],
      ["signed with another secret", body, { "stripe-signature": sign(body, { secret: "whsec_not_the_one" }) }],
      ["a body changed after signing", body.replace("active", "canceled"), { "stripe-signature": sign(body) }],
      ["a timestamp outside the tolerance", body, { "stripe-signature": sign(body, { timestamp: anHourAgo }) }],
      ["a header that is not a signature at all", body, { "stripe-signature": "garbage" }],
    ];
    const before = await ctx.stack.withServersStopped((db) => db.snapshot());
    const wrong: string[] = [];
    for (const [why, payload, headers] of forged) {
      const res = await fetch(`${ctx.stack.url}/api/stripe/webhook`, { method: "POST", body: payload, headers: { "content-type": "application/json", ...headers } });
      if (res.status !== 400) wrong.push(`${why}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
    // The control: the same header machinery with the right secret is accepted (an unhandled type is acknowledged).
    const ignored = JSON.stringify({ ...event, id: "evt_outside_control", type: "customer.created", data: { object: { id: "cus_x", object: "customer" } } });
    const control = await fetch(`${ctx.stack.url}/api/stripe/webhook`, { method: "POST", body: ignored, headers: { "content-type": "application/json", "stripe-signature": sign(ignored) } });
    expect(control.status).toBe(200);
    const after = await ctx.stack.withServersStopped((db) => db.snapshot());
    expect(changedTables(before, after)).toEqual([]);
  });
});
