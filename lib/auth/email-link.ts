import "server-only";
import { validate } from "@/lib/actions/validate";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { getDb, tables, type Db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { signInLinkEmail } from "@/lib/email/templates";
import { authSecret, env } from "@/lib/env";
import { hitRateLimit } from "@/lib/rate-limit";
import { safeCallbackPath } from "./redirects";

export const LINK_MINUTES = 10;

// Auth.js verifies the link when the "Sign in" button posts to its callback.
// We issue the link ourselves so the rate limits, the token row and the
// outbox row happen together, and so we can check a link without using it.
// The stored value is Auth.js's own hash: sha256(token + secret), hex.
const hashToken = (token: string) => createHash("sha256").update(`${token}${authSecret()}`).digest("hex");

export const emailSchema = z
  .string()
  .trim()
  .max(254, "That email address is too long.")
  .transform((e) => e.normalize("NFKC").toLowerCase())
  .pipe(z.email("Please enter an email address like name@example.com."))
  .refine((e) => !e.includes('"') && !e.includes(","), "Please enter an email address like name@example.com.");

export type EmailLinkOutcome =
  | { ok: true }
  | { ok: false; reason: "invalid"; message: string }
  | { ok: false; reason: "rate_limited"; retryAfter: number; message: string };

const RATE_LIMITED_MESSAGE =
  "Too many sign-in links were asked for just now. Please wait a while, then try again. If a link already arrived, it still works.";

/**
 * Sends a one-time sign-in link, unless this address or this IP has asked too
 * often. The answer never says whether the address has an account.
 */
export async function requestEmailLink(input: { email: unknown; ip: string; callbackUrl?: string | null }): Promise<EmailLinkOutcome> {
  const parsed = validate(emailSchema, input.email);
  if (!parsed.ok) return { ok: false, reason: "invalid", message: parsed.error };
  const email = parsed.data;
  const { SIGNIN_LIMIT_PER_EMAIL_HOUR, SIGNIN_LIMIT_PER_IP_HOUR } = env();
  const emailKey = createHash("sha256").update(email).digest("hex");
  const [byEmail, byIp] = await Promise.all([
    hitRateLimit(`signin-email:${emailKey}`, SIGNIN_LIMIT_PER_EMAIL_HOUR, 3600),
    hitRateLimit(`signin-ip:${input.ip}`, SIGNIN_LIMIT_PER_IP_HOUR, 3600),
  ]);
  if (!byEmail.ok || !byIp.ok) {
    const retryAfter = Math.max(byEmail.ok ? 0 : byEmail.retryAfter, byIp.ok ? 0 : byIp.retryAfter);
    return { ok: false, reason: "rate_limited", retryAfter, message: RATE_LIMITED_MESSAGE };
  }

  const db = await getDb();
  await db.transaction(async (tx) => {
    const url = await createSignInLink(tx, email, input.callbackUrl);
    await enqueueEmail({ to: email, ...signInLinkEmail({ url, minutes: LINK_MINUTES }) }, tx);
  });
  return { ok: true };
}

/**
 * Stores a one-time sign-in token for `email` (already checked) and returns the link
 * that uses it, landing on `callbackUrl`. The caller emails it, in the same transaction.
 * Also how a purchase made signed out is delivered (lib/products/purchases.ts).
 */
export async function createSignInLink(tx: Pick<Db, "insert">, email: string, callbackUrl: string | null | undefined): Promise<string> {
  const { APP_URL } = env();
  const token = randomBytes(32).toString("hex");
  const link = new URL("/signin/verify", APP_URL);
  link.search = new URLSearchParams({ email, token, callbackUrl: safeCallbackPath(callbackUrl, APP_URL) }).toString();
  await tx.insert(tables.verificationTokens).values({
    identifier: email,
    token: hashToken(token),
    expires: new Date(Date.now() + LINK_MINUTES * 60_000),
  });
  return link.toString();
}

/** Whether a link can still be used — without using it, so a mail scanner's visit changes nothing. */
export async function isEmailLinkUsable(email: string, token: string): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(token)) return false;
  const db = await getDb();
  const row = await db.query.verificationTokens.findFirst({
    columns: { expires: true },
    where: and(
      eq(tables.verificationTokens.identifier, email),
      eq(tables.verificationTokens.token, hashToken(token)),
      gt(tables.verificationTokens.expires, new Date()),
    ),
  });
  return row !== undefined;
}
