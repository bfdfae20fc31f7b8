import { randomBytes } from "node:crypto";
import { count, eq, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { checkins, claimedQuizResults, comps, emailOutbox, products, purchases, quizResults, sessions, subscriptions, users } from "@/db/schema";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { emulatorClient } from "@/dev/stripe-emulator/testing";
import type { CurrentUser } from "@/lib/auth/current-user";
import { setStripeForTests } from "@/lib/billing/stripe";
import { submitCheckin } from "@/lib/checkins/member";
import { setDataKeyForTests } from "@/lib/crypto/sealed";
import { enqueueEmail } from "@/lib/email/outbox";
import { createQuizResult, keepQuizResult } from "@/lib/quiz/results";
import { deleteMyAccount, exportMyData } from "./data";

describe.each(testDatabases())("a member's own data on $kind", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    setDataKeyForTests(randomBytes(32));
    handle = await openFreshTestDatabase(target);
  });
  afterAll(async () => {
    setDataKeyForTests(undefined);
    setStripeForTests(undefined);
    await handle.close();
  });

  async function memberWithHistory(email: string): Promise<{ user: CurrentUser; token: string }> {
    const [row] = await handle.db.insert(users).values({ email }).returning({ id: users.id });
    const user: CurrentUser = { id: row?.id ?? "", email, role: "member", timeZone: "UTC", sessionToken: "t" };
    await handle.db.insert(comps).values({ userId: user.id, endsAt: new Date(Date.now() + 86_400_000) });
    await handle.db.insert(sessions).values({ sessionToken: `s-${email}`, userId: user.id, expires: new Date(Date.now() + 86_400_000) });
    await submitCheckin(user, { mood: 5, sendTo: "coach", happened: `words of ${email}` });
    const result = await createQuizResult({ when: "days", safety: ["self_harm"] });
    if (!result.ok) throw new Error("no result");
    await keepQuizResult(user, result.token);
    await enqueueEmail({ to: email, subject: "Your sign-in link", text: "t", html: "<p>t</p>" });
    const [product] = await handle.db.insert(products).values({ slug: `workbook-${user.id}`, title: "A workbook", priceCents: 1900 }).returning({ id: products.id });
    await handle.db.insert(purchases).values({
      userId: user.id,
      email,
      productId: product?.id ?? 0,
      productTitle: "A workbook",
      checkoutSessionId: `cs_${user.id}`,
      paymentIntentId: `pi_${user.id}`,
      amountCents: 1900,
      currency: "usd",
      status: "paid",
      receiptUrl: "https://pay.example/receipt",
      paidAt: new Date(),
    });
    return { user, token: result.token };
  }

  it("exports everything the member wrote, readable", async () => {
    const { user } = await memberWithHistory("export@example.com");
    const data = await exportMyData(user);
    expect(data.account?.email).toBe("export@example.com");
    expect(data.checkins[0]?.content.happened).toBe("words of export@example.com");
    expect(data.quizResults[0]?.prescription.id).toBe("safety_first");
    expect(data.purchases).toMatchObject([{ product: "A workbook", amountCents: 1900, currency: "usd", status: "paid", receiptUrl: "https://pay.example/receipt" }]);
  });

  it("deletes the account and everything that belongs to it, after confirmation", async () => {
    const { user } = await memberWithHistory("leaving@example.com");
    expect(await deleteMyAccount(user, "someone-else@example.com")).toEqual({ ok: false, error: "Type your email address exactly to confirm.", fieldErrors: { confirmEmail: "Type your email address exactly to confirm." } });
    expect(await handle.db.query.users.findFirst({ where: eq(users.id, user.id) })).toBeDefined();

    expect(await deleteMyAccount(user, " Leaving@Example.com ")).toEqual({ ok: true });
    const n = async (table: typeof users | typeof sessions | typeof checkins | typeof claimedQuizResults, where: SQL) =>
      (await handle.db.select({ n: count() }).from(table).where(where))[0]?.n;
    const counts = {
      users: await n(users, eq(users.id, user.id)),
      sessions: await n(sessions, eq(sessions.userId, user.id)),
      checkins: await n(checkins, eq(checkins.userId, user.id)),
      kept: await n(claimedQuizResults, eq(claimedQuizResults.userId, user.id)),
      emails: (await handle.db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.toAddress, "leaving@example.com")))[0]?.n,
    };
    expect(counts).toEqual({ users: 0, sessions: 0, checkins: 0, kept: 0, emails: 0 });
    // The sale stays on the books, pointing at nobody.
    expect(await handle.db.select({ userId: purchases.userId, email: purchases.email, amountCents: purchases.amountCents }).from(purchases).where(eq(purchases.paymentIntentId, `pi_${user.id}`))).toEqual([
      { userId: null, email: null, amountCents: 1900 },
    ]);
    // The other member's kept result is untouched.
    expect((await handle.db.select().from(quizResults)).length).toBe(1);
    expect((await handle.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, "export@example.com"))).length).toBe(1);
  });

  it("deletes nothing when the Stripe subscription cannot be cancelled", async () => {
    const { user } = await memberWithHistory("stuck@example.com");
    await handle.db.insert(subscriptions).values({ id: "sub_stuck", userId: user.id, stripeCustomerId: "cus_stuck", status: "active" });
    setStripeForTests(emulatorClient(1)); // nothing listens there
    const outcome = await deleteMyAccount(user, "stuck@example.com");
    expect(outcome.ok).toBe(false);
    expect(await handle.db.query.users.findFirst({ where: eq(users.id, user.id) })).toBeDefined();
  });
});
