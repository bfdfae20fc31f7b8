import "server-only";
import { validate } from "@/lib/actions/validate";
import { createHash } from "node:crypto";
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { emailSchema } from "@/lib/auth/email-link";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getDb, tables } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { alreadySubscribedEmail, confirmSubscriptionEmail } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { hitRateLimit } from "@/lib/rate-limit";
import { confirmUrl, manageUrl } from "./links";
import { CONFIRM_HOURS, manageToken, newConfirmNonce, readConfirmToken, readManageToken } from "./tokens";

const s = tables.newsletterSubscribers;
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export const SIGNUP_SOURCES = ["home", "quiz", "newsletter", "article"] as const;
export type SignupSource = (typeof SIGNUP_SOURCES)[number];
export type SubscriberStatus = "pending" | "confirmed" | "unsubscribed";

const signupSchema = z.object({
  email: emailSchema,
  // Only a label for the coach's numbers: an unknown value is not worth an error.
  source: z.enum(SIGNUP_SOURCES).catch("newsletter"),
});

export type SignupOutcome =
  | { ok: true }
  | { ok: false; reason: "invalid"; message: string }
  | { ok: false; reason: "rate_limited"; retryAfter: number; message: string };

const RATE_LIMITED =
  "That’s a lot of sign-ups from here in a short time. Please wait a while and try again. If a confirmation email already arrived, its link still works.";

/**
 * Double opt-in: sends a confirmation link, or, for an address already on the
 * list, a note to its owner. The answer is the same either way, so the form
 * never tells anyone whether an address is subscribed. Asking again resends;
 * there is only ever one row per address.
 */
export async function requestSignup(input: { email: unknown; source?: unknown; ip: string }, now = new Date()): Promise<SignupOutcome> {
  const parsed = validate(signupSchema, { email: input.email, source: input.source });
  if (!parsed.ok) return { ok: false, reason: "invalid", message: parsed.fieldErrors?.email ?? parsed.error };
  const { email, source } = parsed.data;
  const { NEWSLETTER_LIMIT_PER_EMAIL_HOUR, NEWSLETTER_LIMIT_PER_IP_HOUR } = env();
  const emailKey = createHash("sha256").update(email).digest("hex");
  const [byEmail, byIp] = await Promise.all([
    hitRateLimit(`newsletter-email:${emailKey}`, NEWSLETTER_LIMIT_PER_EMAIL_HOUR, 3600, now),
    hitRateLimit(`newsletter-ip:${input.ip}`, NEWSLETTER_LIMIT_PER_IP_HOUR, 3600, now),
  ]);
  if (!byEmail.ok || !byIp.ok) {
    const retryAfter = Math.max(byEmail.ok ? 0 : byEmail.retryAfter, byIp.ok ? 0 : byIp.retryAfter);
    return { ok: false, reason: "rate_limited", retryAfter, message: RATE_LIMITED };
  }

  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(s).values({ email, source, status: "pending", confirmNonce: newConfirmNonce() }).onConflictDoNothing({ target: s.email });
    const [row] = await tx.select({ id: s.id, status: s.status, nonce: s.confirmNonce }).from(s).where(eq(s.email, email)).for("update");
    if (!row) throw new Error("newsletter: subscriber row vanished inside its transaction");
    if (row.status === "confirmed") {
      await enqueueEmail({ to: email, ...alreadySubscribedEmail({ manageUrl: manageUrl(row.id) }) }, tx);
      return;
    }
    // Pending: the same nonce, so every link sent so far keeps working until it expires.
    // Unsubscribed: they stay out until they confirm again.
    let nonce = row.nonce;
    if (!nonce) {
      nonce = newConfirmNonce();
      await tx.update(s).set({ confirmNonce: nonce, updatedAt: now }).where(eq(s.id, row.id));
    }
    await enqueueEmail({ to: email, ...confirmSubscriptionEmail({ confirmUrl: confirmUrl(row.id, nonce, now), hours: CONFIRM_HOURS }) }, tx);
  });
  return { ok: true };
}

/** What the confirmation page may say about a link, without using it (mail scanners open links). */
export async function checkConfirmLink(token: unknown, now = new Date()): Promise<{ usable: true; email: string } | { usable: false }> {
  const claim = readConfirmToken(token, now);
  if (!claim) return { usable: false };
  const db = await getDb();
  const row = await db.query.newsletterSubscribers.findFirst({ columns: { email: true, confirmNonce: true }, where: eq(s.id, claim.subscriberId) });
  return row && claim.matches(row.confirmNonce) ? { usable: true, email: row.email } : { usable: false };
}

/** The button on the confirmation page. Returns a manage token for the page that follows. */
export async function confirmSignup(token: unknown, now = new Date()): Promise<{ ok: true; manageToken: string } | { ok: false }> {
  const claim = readConfirmToken(token, now);
  if (!claim) return { ok: false };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ id: s.id, nonce: s.confirmNonce }).from(s).where(eq(s.id, claim.subscriberId)).for("update");
    if (!row || !claim.matches(row.nonce)) return { ok: false as const };
    await tx
      .update(s)
      .set({ status: "confirmed", confirmNonce: null, subscribedAt: now, unsubscribedAt: null, updatedAt: now })
      .where(eq(s.id, row.id));
    return { ok: true as const, manageToken: manageToken(row.id) };
  });
}

/** The manage page: the address and where it stands, for whoever holds a link from one of our emails. */
export async function subscriptionForToken(token: unknown): Promise<{ email: string; status: SubscriberStatus } | null> {
  const id = readManageToken(token);
  if (!id) return null;
  const db = await getDb();
  const row = await db.query.newsletterSubscribers.findFirst({ columns: { email: true, status: true }, where: eq(s.id, id) });
  return row ?? null;
}

/** One-click unsubscribe (RFC 8058) and the manage page's button. Idempotent; false for a bad token. */
export async function unsubscribeWithToken(token: unknown, now = new Date()): Promise<boolean> {
  const id = readManageToken(token);
  if (!id) return false;
  const db = await getDb();
  const [row] = await db
    .update(s)
    .set({
      status: "unsubscribed",
      confirmNonce: null,
      // The first date they left is the one that matters; a second click changes nothing.
      unsubscribedAt: sql`case when ${s.status} = 'unsubscribed' then coalesce(${s.unsubscribedAt}, ${ts(now)}) else ${ts(now)} end`,
      updatedAt: now,
    })
    .where(eq(s.id, id))
    .returning({ id: s.id });
  return row !== undefined;
}

/** "Subscribe again" on the manage page: the link came to this inbox, which is the consent double opt-in asks for. */
export async function resubscribeWithToken(token: unknown, now = new Date()): Promise<boolean> {
  const id = readManageToken(token);
  if (!id) return false;
  const db = await getDb();
  const [row] = await db
    .update(s)
    .set({ status: "confirmed", confirmNonce: null, subscribedAt: now, unsubscribedAt: null, updatedAt: now })
    .where(and(eq(s.id, id), ne(s.status, "confirmed")))
    .returning({ id: s.id });
  if (row) return true;
  return (await db.query.newsletterSubscribers.findFirst({ columns: { id: true }, where: eq(s.id, id) })) !== undefined;
}

const normalized = (user: CurrentUser) => {
  const parsed = emailSchema.safeParse(user.email);
  return parsed.success ? parsed.data : user.email.trim().toLowerCase();
};

/** The signed-in member's own address on the list, for /account. */
export async function memberNewsletterStatus(user: CurrentUser): Promise<{ email: string; status: SubscriberStatus | "none" }> {
  const email = normalized(user);
  const db = await getDb();
  const row = await db.query.newsletterSubscribers.findFirst({ columns: { status: true }, where: eq(s.email, email) });
  return { email, status: row?.status ?? "none" };
}

/**
 * A member turns the letters on or off for their own address. Signing in by
 * email link already proved the inbox is theirs, so no confirmation email.
 */
export async function setMemberNewsletter(user: CurrentUser, subscribe: boolean, now = new Date()): Promise<void> {
  const email = normalized(user);
  const db = await getDb();
  if (subscribe) {
    await db
      .insert(s)
      .values({ email, source: "account", status: "confirmed", subscribedAt: now })
      .onConflictDoUpdate({
        target: s.email,
        set: {
          status: "confirmed",
          confirmNonce: null,
          subscribedAt: sql`case when ${s.status} = 'confirmed' then ${s.subscribedAt} else ${ts(now)} end`,
          unsubscribedAt: null,
          updatedAt: now,
        },
      });
  } else {
    await db
      .update(s)
      .set({ status: "unsubscribed", confirmNonce: null, unsubscribedAt: now, updatedAt: now })
      .where(and(eq(s.email, email), ne(s.status, "unsubscribed")));
  }
}

/** Account deletion: the member's address leaves the list entirely, with its delivery history. */
export async function forgetMemberAddress(user: CurrentUser): Promise<void> {
  const db = await getDb();
  await db.delete(s).where(eq(s.email, normalized(user)));
}
