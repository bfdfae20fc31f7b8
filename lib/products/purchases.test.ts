// One-time products end to end below the browser: the emulator's hosted Checkout,
// its signed events into the app's webhook handler, the purchase rows, the library
// and its signed downloads, on PGlite and (with DATABASE_URL) PostgreSQL.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq, inArray, like } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { seed } from "@/db/seed";
import { emailOutbox, lessons, productFiles, productLessons, products, purchases, stripeEvents, users } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { signatureHeader, type StripeEmulator } from "@/dev/stripe-emulator/server";
import { payCheckout, waitFor } from "@/dev/stripe-emulator/testing";
import type { CurrentUser } from "@/lib/auth/current-user";
import { emulatorToApp, type EmulatorToApp } from "@/lib/billing/testing";
import { handleStripeWebhook } from "@/lib/billing/webhook";
import { confirmProductCheckout, ownsProduct, startProductCheckout } from "./checkout";
import { bonusLessonFor, libraryFor, openDownload, signDownload } from "./library";
import { oneTimeRevenue } from "./revenue";
import { localFileStore } from "./storage/local";
import { setFileStoreForTests } from "./storage/configured";

const SECRET = "whsec_product_tests";
process.env.STRIPE_WEBHOOK_SECRET = SECRET;
process.env.DOWNLOAD_LIMIT = "3";

describe.each(testDatabases())("one-time products on $kind", (target) => {
  let handle: DbHandle;
  let emulator: StripeEmulator;
  let link: EmulatorToApp;
  let stripe: Stripe;
  let dir: string;
  let productId = 0;
  let fileId = 0;
  let otherFileId = 0;
  const WORKBOOK = "%PDF-1.4\n% the workbook\n";

  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    await seed(handle.db);
    dir = await mkdtemp(path.join(tmpdir(), "dojo-products-"));
    const store = localFileStore(dir);
    setFileStoreForTests(store);
    await store.put("00000000-0000-4000-8000-000000000001.pdf", new TextEncoder().encode(WORKBOOK), "application/pdf");
    await store.put("00000000-0000-4000-8000-000000000002.mp3", new TextEncoder().encode("ID3 audio"), "audio/mpeg");
    const [p] = await handle.db
      .insert(products)
      .values({ slug: "test-workbook", title: "The no-contact workbook", descriptionMd: "Thirty pages of exercises.", priceCents: 2400, currency: "gbp", status: "published" })
      .returning({ id: products.id });
    productId = p?.id ?? 0;
    const [other] = await handle.db
      .insert(products)
      .values({ slug: "calm-audio", title: "Calm audio", priceCents: 1500, currency: "usd", status: "published" })
      .returning({ id: products.id });
    const files = await handle.db
      .insert(productFiles)
      .values([
        { productId, storageKey: "00000000-0000-4000-8000-000000000001.pdf", fileName: "workbook.pdf", contentType: "application/pdf", sizeBytes: WORKBOOK.length },
        { productId: other?.id ?? 0, storageKey: "00000000-0000-4000-8000-000000000002.mp3", fileName: "calm.mp3", contentType: "audio/mpeg", sizeBytes: 9 },
      ])
      .returning({ id: productFiles.id });
    fileId = files[0]?.id ?? 0;
    otherFileId = files[1]?.id ?? 0;

    link = await emulatorToApp(SECRET);
    ({ emulator, stripe } = link);
  });
  afterAll(async () => {
    setFileStoreForTests(undefined);
    await link.close();
    await handle.close();
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    link.deliverToApp = true;
  });

  let n = 0;
  async function newMember(role: CurrentUser["role"] = "member"): Promise<CurrentUser> {
    n++;
    const email = `buyer${n}-${target.kind}@example.com`;
    const [row] = await handle.db.insert(users).values({ email, role }).returning({ id: users.id });
    return { id: row?.id ?? "", email, role, timeZone: "UTC", sessionToken: "t" };
  }
  const settled = () => waitFor(() => emulator.deliveries().every((d) => d.status === "delivered"), 5000, "deliveries");

  /** Starts a Checkout for the workbook and pays it on the hosted page; answers the PaymentIntent id. */
  async function buy(member: CurrentUser | null, opts: { email?: string; card?: string; slug?: string } = {}): Promise<string> {
    const outcome = await startProductCheckout(member, { slug: opts.slug ?? "test-workbook", email: opts.email });
    if (!outcome.ok || outcome.kind !== "checkout") throw new Error(`no checkout: ${JSON.stringify(outcome)}`);
    const paid = await payCheckout(outcome.url, { number: opts.card ?? "4242424242424242" });
    expect(paid.status).toBe(303);
    await settled();
    const sessionId = new URL(paid.headers.get("location") ?? "").searchParams.get("session_id") ?? "";
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    return String(session.payment_intent);
  }
  const purchaseOf = async (pi: string) => handle.db.query.purchases.findFirst({ where: eq(purchases.paymentIntentId, pi) });
  const download = (member: CurrentUser, query: string) => openDownload(member, new URLSearchParams(query));

  it("a card that pays buys the workbook: owned, in the library with its receipt and a working download", async () => {
    const member = await newMember();
    const pi = await buy(member);
    expect(await purchaseOf(pi)).toMatchObject({ userId: member.id, status: "paid", amountCents: 2400, currency: "gbp", productTitle: "The no-contact workbook" });
    expect(await ownsProduct(member.id, productId)).toBe(true);

    const [item] = await libraryFor(member);
    expect(item).toMatchObject({ title: "The no-contact workbook", status: "paid", downloadsLeft: 3, receiptUrl: expect.stringMatching(/\/receipts\/ch_/) });
    expect(item?.files).toHaveLength(1);
    const got = await download(member, item?.files[0]?.href.split("?")[1] ?? "");
    if (!got.ok) throw new Error(got.reason);
    expect(got).toMatchObject({ fileName: "workbook.pdf", contentType: "application/pdf", size: WORKBOOK.length });
    expect(await new Response(got.body).text()).toBe(WORKBOOK);
    expect((await purchaseOf(pi))?.downloadCount).toBe(1);

    // Not charged twice: a second Checkout is refused while they own it.
    expect(await startProductCheckout(member, { slug: "test-workbook" })).toEqual({ ok: true, kind: "owned" });
  });

  it("bonus lessons open to owners only, membership or not, and close with a refund", async () => {
    const [lesson] = await handle.db.select({ id: lessons.id, slug: lessons.slug }).from(lessons).where(eq(lessons.status, "published")).limit(1);
    await handle.db.insert(productLessons).values({ productId, lessonId: lesson?.id ?? 0 });
    const owner = await newMember();
    const stranger = await newMember();
    const pi = await buy(owner);
    expect((await libraryFor(owner))[0]?.bonusLessons).toEqual([{ slug: lesson?.slug, title: expect.any(String) }]);
    expect(await bonusLessonFor(owner, lesson?.slug ?? "")).toMatchObject({ product: "The no-contact workbook", html: expect.stringContaining("<") });
    expect(await bonusLessonFor(stranger, lesson?.slug ?? "")).toBeNull();
    await emulator.refund(pi);
    await settled();
    expect(await bonusLessonFor(owner, lesson?.slug ?? "")).toBeNull();
    await handle.db.delete(productLessons).where(eq(productLessons.productId, productId));
  });

  it("a declined card buys nothing", async () => {
    const member = await newMember();
    const outcome = await startProductCheckout(member, { slug: "test-workbook" });
    if (!outcome.ok || outcome.kind !== "checkout") throw new Error("no checkout");
    const declined = await payCheckout(outcome.url, { number: "4000000000000341" });
    expect(declined.status).toBe(402);
    await settled();
    expect(await handle.db.select().from(purchases).where(eq(purchases.userId, member.id))).toEqual([]);
    expect(await libraryFor(member)).toEqual([]);
  });

  it("a refund removes access and the library says so; the old link stops working", async () => {
    const member = await newMember();
    const pi = await buy(member);
    const [before] = await libraryFor(member);
    await emulator.refund(pi);
    await settled();
    expect(await purchaseOf(pi)).toMatchObject({ status: "refunded", amountRefundedCents: 2400, endedAt: expect.any(Date) });
    expect(await ownsProduct(member.id, productId)).toBe(false);
    const [after] = await libraryFor(member);
    expect(after).toMatchObject({ status: "refunded", files: [], bonusLessons: [] });
    expect(await download(member, before?.files[0]?.href.split("?")[1] ?? "")).toEqual({ ok: false, reason: "ended" });
    // Bought again after a refund: a new purchase, owned.
    const again = await buy(member);
    expect((await purchaseOf(again))?.status).toBe("paid");
  });

  it("a partial refund keeps access", async () => {
    const member = await newMember();
    const pi = await buy(member);
    await emulator.refund(pi, 500);
    await settled();
    expect(await purchaseOf(pi)).toMatchObject({ status: "paid", amountRefundedCents: 500, endedAt: null });
  });

  it("a dispute keeps access while open, removes it when lost, and a won one gives it back", async () => {
    const lost = await newMember();
    const lostPi = await buy(lost);
    const dispute = await emulator.openDispute(lostPi);
    await settled();
    expect((await purchaseOf(lostPi))?.status).toBe("disputed");
    expect(await ownsProduct(lost.id, productId)).toBe(true);
    await emulator.closeDispute(dispute.id, "lost");
    await settled();
    expect((await purchaseOf(lostPi))?.status).toBe("lost");
    expect((await libraryFor(lost))[0]).toMatchObject({ status: "lost", files: [] });

    const won = await newMember();
    const wonPi = await buy(won);
    const second = await emulator.openDispute(wonPi);
    await settled();
    await emulator.closeDispute(second.id, "won");
    await settled();
    expect(await purchaseOf(wonPi)).toMatchObject({ status: "paid", endedAt: null });
  });

  it("converges whatever the order the events come in, each link.delivered twice", async () => {
    const member = await newMember();
    link.deliverToApp = false;
    const from = link.delivered.length;
    const pi = await buy(member);
    const dispute = await emulator.openDispute(pi);
    await settled();
    await emulator.closeDispute(dispute.id, "lost");
    await settled();
    const mine = link.delivered
      .slice(from)
      .filter((d) => ["checkout.session.completed", "charge.dispute.created", "charge.dispute.closed"].includes(d.event.type));
    expect(mine.map((d) => d.event.type)).toEqual(["checkout.session.completed", "charge.dispute.created", "charge.dispute.closed"]);

    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    for (const order of orders) {
      await handle.db.delete(purchases).where(eq(purchases.paymentIntentId, pi));
      await handle.db.delete(stripeEvents).where(inArray(stripeEvents.id, mine.map((d) => d.event.id)));
      for (const i of order) {
        const { body } = mine[i] ?? { body: "" };
        const first = await handleStripeWebhook(body, signatureHeader(body, SECRET));
        const again = await handleStripeWebhook(body, signatureHeader(body, SECRET));
        expect(first).toEqual({ status: 200, body: { received: true } });
        expect(again).toEqual({ status: 200, body: { received: true, duplicate: true } });
      }
      const rows = await handle.db.select().from(purchases).where(eq(purchases.paymentIntentId, pi));
      expect(rows.map((r) => [r.status, r.userId]), `order ${order.join(",")}`).toEqual([["lost", member.id]]);
    }
  });

  it("two tabs: the second payment is recorded, refunded as a duplicate, and said so", async () => {
    const member = await newMember();
    const first = await startProductCheckout(member, { slug: "test-workbook" });
    const second = await startProductCheckout(member, { slug: "test-workbook" });
    if (!first.ok || first.kind !== "checkout" || !second.ok || second.kind !== "checkout") throw new Error("no checkout");
    expect((await payCheckout(first.url)).status).toBe(303);
    await settled();
    expect((await payCheckout(second.url)).status).toBe(303);
    await settled();
    const rows = await handle.db.select().from(purchases).where(eq(purchases.userId, member.id));
    const owned = rows.filter((r) => r.status === "paid");
    const duplicate = rows.filter((r) => r.status === "refunded");
    expect(owned).toHaveLength(1);
    expect(duplicate).toMatchObject([{ duplicateOf: owned[0]?.id, amountRefundedCents: 2400 }]);
    const refunds = await stripe.refunds.list({ payment_intent: duplicate[0]?.paymentIntentId });
    expect(refunds.data.map((r) => r.reason)).toEqual(["duplicate"]);
    expect((await libraryFor(member)).find((i) => i.status === "refunded")?.duplicate).toBe(true);
  });

  it("bought signed out: an email link to the library, and the purchase is theirs once they sign in with that address", async () => {
    const email = `guest-${target.kind}@example.com`;
    const pi = await buy(null, { email: ` ${email.toUpperCase()} ` });
    expect(await purchaseOf(pi)).toMatchObject({ userId: null, email, status: "paid" });
    const [mail] = await handle.db.select().from(emailOutbox).where(like(emailOutbox.dedupeKey, `purchase-ready:${pi}`));
    expect(mail).toMatchObject({ toAddress: email, subject: "Your order is ready" });
    expect(mail?.textBody).toContain("/signin/verify?");
    expect(decodeURIComponent(mail?.textBody ?? "")).toContain("callbackUrl=/account/library");
    // The success page says only "look in your email" to someone not signed in.
    const sessionId = (await stripe.checkout.sessions.list({ payment_intent: pi })).data[0]?.id ?? "";
    expect(await confirmProductCheckout(null, sessionId)).toBe("email");
    expect(await confirmProductCheckout(null, "cs_test_unknownsessionid")).toBe("unknown");

    const [row] = await handle.db.insert(users).values({ email }).returning({ id: users.id });
    const member: CurrentUser = { id: row?.id ?? "", email, role: "member", timeZone: "UTC", sessionToken: "t" };
    expect((await libraryFor(member)).map((i) => i.status)).toEqual(["paid"]);
    expect((await purchaseOf(pi))?.userId).toBe(member.id);
  });

  it("a signed-out buy with a bad email is refused before Stripe is asked", async () => {
    const outcome = await startProductCheckout(null, { slug: "test-workbook", email: "not-an-email" });
    expect(outcome).toMatchObject({ ok: false, fieldErrors: { email: expect.any(String) } });
    expect(await startProductCheckout(null, { slug: "no-such-product", email: "a@example.com" })).toMatchObject({ ok: false });
  });

  describe("download links", () => {
    it("expire, and cannot be used for another file or by another member", async () => {
      const member = await newMember();
      const stranger = await newMember();
      const pi = await buy(member);
      const purchase = await purchaseOf(pi);
      const purchaseId = purchase?.id ?? "";
      const now = Math.floor(Date.now() / 1000);
      const link = (over: Partial<{ fileId: number; userId: string; expires: number }> = {}) =>
        signDownload({ purchaseId, fileId, userId: member.id, expires: now + 60, ...over });

      expect(await download(member, link({ expires: now - 1 }))).toEqual({ ok: false, reason: "expired" });
      expect(await download(stranger, link())).toEqual({ ok: false, reason: "invalid" });
      // Re-pointing a signed link at another file breaks its signature...
      expect(await download(member, link().replace(`file=${fileId}`, `file=${otherFileId}`))).toEqual({ ok: false, reason: "invalid" });
      // ...and a correctly signed link for a file of a product they didn't buy finds nothing.
      expect(await download(member, link({ fileId: otherFileId }))).toEqual({ ok: false, reason: "not_found" });
      expect(await download(member, link().replace(/signature=[^&]+/, "signature=AAAA"))).toEqual({ ok: false, reason: "invalid" });
      expect((await purchaseOf(pi))?.downloadCount).toBe(0);
    });

    it("stop at the download limit with a clear reason, counting only what was sent", async () => {
      const member = await newMember();
      const pi = await buy(member);
      const purchaseId = (await purchaseOf(pi))?.id ?? "";
      const signed = signDownload({ purchaseId, fileId, userId: member.id, expires: Math.floor(Date.now() / 1000) + 60 });
      const results = await Promise.all(Array.from({ length: 5 }, () => download(member, signed)));
      for (const r of results) if (r.ok) await r.body.cancel();
      expect(results.filter((r) => r.ok)).toHaveLength(3);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "limit" }, { ok: false, reason: "limit" }]);
      expect((await purchaseOf(pi))?.downloadCount).toBe(3);
      expect((await libraryFor(member))[0]?.downloadsLeft).toBe(0);
    });
  });

  it("one-time revenue by month and currency, net of refunds and lost disputes, for admins only", async () => {
    const admin = await newMember("admin");
    const member = await newMember();
    const month = (d: string) => new Date(`${d}T12:00:00Z`);
    const base = { productId, productTitle: "x", checkoutSessionId: "", paymentIntentId: "", amountCents: 2400, currency: "gbp", paidAt: month("2030-01-05") };
    await handle.db.insert(purchases).values([
      { ...base, checkoutSessionId: "cs_r1", paymentIntentId: "pi_r1", status: "paid" },
      { ...base, checkoutSessionId: "cs_r2", paymentIntentId: "pi_r2", status: "refunded", amountRefundedCents: 2400 },
      { ...base, checkoutSessionId: "cs_r3", paymentIntentId: "pi_r3", status: "lost" },
      { ...base, checkoutSessionId: "cs_r4", paymentIntentId: "pi_r4", status: "paid", amountRefundedCents: 400 },
      { ...base, checkoutSessionId: "cs_r5", paymentIntentId: "pi_r5", status: "paid", currency: "usd", amountCents: 1500 },
      { ...base, checkoutSessionId: "cs_r6", paymentIntentId: "pi_r6", status: "disputed", paidAt: month("2030-02-28") },
      { ...base, checkoutSessionId: "cs_r7", paymentIntentId: "pi_r7", status: "paid", paidAt: month("2030-03-01") },
    ]);
    const revenue = await oneTimeRevenue(admin, { from: month("2030-01-01"), to: new Date("2030-03-01T00:00:00Z") });
    expect(revenue).toEqual([
      { month: "2030-01", currency: "gbp", purchases: 4, grossCents: 9600, refundedCents: 2800, disputedCents: 2400, netCents: 4400 },
      { month: "2030-01", currency: "usd", purchases: 1, grossCents: 1500, refundedCents: 0, disputedCents: 0, netCents: 1500 },
      { month: "2030-02", currency: "gbp", purchases: 1, grossCents: 2400, refundedCents: 0, disputedCents: 0, netCents: 2400 },
    ]);
    await expect(oneTimeRevenue(member, { from: month("2030-01-01"), to: month("2030-04-01") })).rejects.toThrow();
    await handle.db.delete(purchases).where(like(purchases.paymentIntentId, "pi_r%"));
  });

  it("events that are not about a product (a subscription's charge refunded) go in the ledger and change no purchase", async () => {
    const before = await handle.db.select({ n: count() }).from(purchases);
    const event = { id: "evt_not_a_product", object: "event", type: "charge.refunded", data: { object: { id: "ch_x", object: "charge", payment_intent: "pi_unknown_to_us" } } };
    const body = JSON.stringify(event);
    expect(await handleStripeWebhook(body, signatureHeader(body, SECRET))).toEqual({ status: 200, body: { received: true } });
    expect(await handle.db.select({ n: count() }).from(purchases)).toEqual(before);
    expect(await handle.db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, "evt_not_a_product"))).toHaveLength(1);
  });
});
