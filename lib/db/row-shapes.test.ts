// The hot paths cast hand-written JSON and RETURNING rows to TypeScript types the
// compiler cannot check against the database. These tests read each row as it
// comes back from the driver and compare its exact keys and value types.
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { comps, lessonProgress, lessons, lessonUnlocks, memberDojo, modules, subscriptions, users } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { accessRowsQuery, subscriptionUpsert } from "@/lib/billing/subscriptions";
import { recordEvent } from "@/lib/billing/webhook";
import { dojoQuery } from "@/lib/lessons/member";
import { rowsOf } from ".";

/** Each key with the JSON type of its value ("null" for null), so a test compares the whole shape at once. */
const shape = (row: object) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? "null" : typeof v]));
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function stripeSubscription(fields: { id: string; customer: string; status: Stripe.Subscription.Status }): Stripe.Subscription {
  return {
    ...fields,
    metadata: {},
    cancel_at_period_end: false,
    trial_end: null,
    ended_at: null,
    items: { data: [{ price: { id: "price_dojo_monthly" }, current_period_end: 1_900_000_000 }] },
  } as unknown as Stripe.Subscription;
}

describe.each(testDatabases())("rows of hand-written SQL on $kind", (target) => {
  let handle: DbHandle;
  let memberId: string;
  let newcomerId: string;
  const lessonIds: number[] = [];

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    const db = handle.db;
    const [member] = await db.insert(users).values({ email: "member@example.com", stripeCustomerId: "cus_shape" }).returning({ id: users.id });
    const [newcomer] = await db.insert(users).values({ email: "newcomer@example.com" }).returning({ id: users.id });
    memberId = member?.id ?? "";
    newcomerId = newcomer?.id ?? "";
    const [mod] = await db.insert(modules).values({ slug: "first", title: "First", summary: "The start.", position: 1, releaseAnchor: "no_contact" }).returning({ id: modules.id });
    const rows = await db
      .insert(lessons)
      .values([
        { moduleId: mod!.id, slug: "one", title: "One", bodyMd: "Body one.", exerciseMd: "Do one.", position: 1, releaseOffsetDays: 0, status: "published" },
        { moduleId: mod!.id, slug: "two", title: "Two", bodyMd: "Body two.", exerciseMd: "Do two.", position: 2, releaseOffsetDays: 3, status: "published" },
        { moduleId: mod!.id, slug: "draft", title: "Draft", bodyMd: "Not yet.", position: 3, status: "draft" },
      ])
      .returning({ id: lessons.id });
    lessonIds.push(...rows.map((r) => r.id));
    await db.insert(memberDojo).values({ userId: memberId, startDate: "2026-01-05", noContactStart: "2026-01-02", noContactAnchor: "2026-01-01" });
    await db.insert(lessonProgress).values({ userId: memberId, lessonId: lessonIds[0]! });
    await db.insert(lessonUnlocks).values({ userId: memberId, lessonId: lessonIds[1]! });
  });
  afterAll(() => handle.close());

  it("dojo_outline: the settings and one entry per lesson, typed as OutlineRow says", async () => {
    const [row] = await (await dojoQuery()).execute({ userId: memberId, coach: false, slug: "one" });
    expect(Object.keys(row ?? {}).sort()).toEqual(["lessons", "settings"]);
    expect(shape(row!.settings!)).toEqual({ startDate: "string", allUnlocked: "boolean", noContactStart: "string", noContactAnchor: "string" });
    expect(row!.settings).toEqual({ startDate: "2026-01-05", allUnlocked: false, noContactStart: "2026-01-02", noContactAnchor: "2026-01-01" });

    expect(row!.lessons.map((l) => l.slug)).toEqual(["one", "two"]); // members never get drafts
    const [one, two] = row!.lessons;
    const outlineShape = {
      moduleId: "number",
      moduleSlug: "string",
      moduleTitle: "string",
      moduleSummary: "string",
      id: "number",
      slug: "string",
      title: "string",
      status: "string",
      releaseOffsetDays: "number",
      releaseAnchor: "string",
      kept: "boolean",
      done: "boolean",
    };
    // Only the lesson asked for carries its text.
    expect(shape(one!)).toEqual({ ...outlineShape, bodyMd: "string", exerciseMd: "string" });
    expect(shape(two!)).toEqual({ ...outlineShape, bodyMd: "null", exerciseMd: "null" });
    expect(one).toMatchObject({ moduleId: expect.any(Number), moduleSlug: "first", id: lessonIds[0], status: "published", releaseAnchor: "no_contact", kept: false, done: true, bodyMd: "Body one." });
    expect(two).toMatchObject({ releaseOffsetDays: 3, kept: true, done: false });
    expect(isoDate.test(row!.settings!.startDate)).toBe(true);
  });

  it("dojo_outline: no settings on a first visit, drafts for coaches", async () => {
    const [row] = await (await dojoQuery()).execute({ userId: newcomerId, coach: true, slug: "" });
    expect(row?.settings).toBeNull();
    expect(row?.lessons.map((l) => [l.slug, l.status, l.done])).toEqual([
      ["one", "published", false],
      ["two", "published", false],
      ["draft", "draft", false],
    ]);
  });

  it("access_rows: subscriptions and comps as AccessJson says, timestamps as ISO strings", async () => {
    const empty = await (await accessRowsQuery()).execute({ userId: newcomerId });
    expect(empty).toEqual([{ subs: [], comps: [] }]);

    const periodEnd = new Date("2030-01-01T00:00:00Z");
    const pastDueSince = new Date("2029-12-20T12:00:00Z");
    const endsAt = new Date("2030-06-01T00:00:00Z");
    await handle.db.insert(subscriptions).values({
      id: "sub_access",
      userId: memberId,
      stripeCustomerId: "cus_shape",
      status: "past_due",
      stripePriceId: "price_dojo_monthly",
      currentPeriodEnd: periodEnd,
      pastDueSince,
    });
    await handle.db.insert(comps).values({ userId: memberId, endsAt });
    const [row] = await (await accessRowsQuery()).execute({ userId: memberId });
    expect(Object.keys(row ?? {}).sort()).toEqual(["comps", "subs"]);
    const [sub] = row!.subs;
    const [comp] = row!.comps;
    expect(shape(sub!)).toEqual({ status: "string", currentPeriodEnd: "string", cancelAtPeriodEnd: "boolean", pastDueSince: "string", stripePriceId: "string" });
    expect(shape(comp!)).toEqual({ endsAt: "string", revokedAt: "null" });
    expect(new Date(sub!.currentPeriodEnd!).getTime()).toBe(periodEnd.getTime());
    expect(new Date(sub!.pastDueSince!).getTime()).toBe(pastDueSince.getTime());
    expect(new Date(comp!.endsAt).getTime()).toBe(endsAt.getTime());
    await handle.db.delete(subscriptions).where(eq(subscriptions.id, "sub_access"));
    await handle.db.delete(comps).where(eq(comps.userId, memberId));
  });

  it("subscriptionUpsert: returns the stored id, or no row when nobody owns the customer", async () => {
    const sub = stripeSubscription({ id: "sub_upsert", customer: "cus_shape", status: "active" });
    expect(rowsOf(await handle.db.execute(subscriptionUpsert(sub, null)!))).toEqual([{ id: "sub_upsert" }]);
    const stored = await handle.db.query.subscriptions.findFirst({ where: eq(subscriptions.id, "sub_upsert") });
    expect(stored).toMatchObject({ userId: memberId, status: "active", stripePriceId: "price_dojo_monthly", currentPeriodEnd: new Date(1_900_000_000_000) });

    const stranger = stripeSubscription({ id: "sub_stranger", customer: "cus_nobody", status: "active" });
    expect(rowsOf(await handle.db.execute(subscriptionUpsert(stranger, null)!))).toEqual([]);
  });

  it("the webhook's ledger statement counts the event once, and stores the subscription only with it", async () => {
    const sub = stripeSubscription({ id: "sub_ledger", customer: "cus_shape", status: "trialing" });
    const event = { id: "evt_shape", type: "customer.subscription.created" } as Stripe.Event;
    expect(await recordEvent(handle.db, event, sub, null)).toBe(true);
    expect((await handle.db.query.subscriptions.findFirst({ where: eq(subscriptions.id, "sub_ledger") }))?.status).toBe("trialing");

    const again = stripeSubscription({ id: "sub_ledger", customer: "cus_shape", status: "canceled" });
    expect(await recordEvent(handle.db, event, again, null)).toBe(false);
    expect((await handle.db.query.subscriptions.findFirst({ where: eq(subscriptions.id, "sub_ledger") }))?.status).toBe("trialing");
    expect(await recordEvent(handle.db, { id: "evt_no_sub", type: "invoice.paid" } as Stripe.Event, null, null)).toBe(true);
  });
});
