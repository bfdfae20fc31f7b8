import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecrets } from "@/lib/env";

// Newsletter links carry signed tokens, so a reader can confirm, manage or
// leave without an account and without a token table. The key is derived from
// AUTH_SECRET for this purpose only, so a token here is worthless anywhere else.
// Links are signed with AUTH_SECRET and accepted under AUTH_SECRET_PREVIOUS too:
// an unsubscribe link in last year's email must survive a rotation.

export const CONFIRM_HOURS = 48;

const UUID_HEX = /^[0-9a-f]{32}$/;

const keyFrom = (secret: string) => createHmac("sha256", secret).update("newsletter-links-v1").digest();
const signWith = (key: Buffer, payload: string) => createHmac("sha256", key).update(payload).digest("base64url");
const sign = (payload: string) => signWith(keyFrom(authSecrets()[0] ?? ""), payload);
/** Whether `given` is the signature of `payload` under the current secret or an earlier one. */
const signedByUs = (given: string, payload: string) => authSecrets().some((secret) => sameSignature(given, signWith(keyFrom(secret), payload)));

const compact = (uuid: string) => uuid.replace(/-/g, "").toLowerCase();
const expand = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A fresh secret for one double opt-in spell; stored on the subscriber, never sent. */
export const newConfirmNonce = () => randomBytes(16).toString("base64url");

/** The token in manage and unsubscribe links. It does not expire: an unsubscribe link in an old email must keep working. */
export function manageToken(subscriberId: string): string {
  const id = compact(subscriberId);
  return `${id}.${sign(`manage:${id}`)}`;
}

/** The subscriber id a manage token stands for, or null when it was altered or made up. */
export function readManageToken(token: unknown): string | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const [id, signature, extra] = token.split(".");
  if (!id || !signature || extra !== undefined || !UUID_HEX.test(id)) return null;
  return signedByUs(signature, `manage:${id}`) ? expand(id) : null;
}

/** The token in a confirmation link: the subscriber, an expiry, and a signature over both and the open nonce. */
export function confirmToken(subscriberId: string, nonce: string, now = new Date()): string {
  const id = compact(subscriberId);
  const expires = Math.floor(now.getTime() / 1000 + CONFIRM_HOURS * 3600).toString(36);
  return `${id}.${expires}.${sign(`confirm:${id}:${expires}:${nonce}`)}`;
}

export interface ConfirmClaim {
  subscriberId: string;
  /** Checks the signature against the subscriber's current nonce (null once confirmed or unsubscribed). */
  matches(nonce: string | null): boolean;
}

/** Parses a confirmation token; null when malformed or expired. The signature is checked once the nonce is known. */
export function readConfirmToken(token: unknown, now = new Date()): ConfirmClaim | null {
  if (typeof token !== "string" || token.length > 200) return null;
  const [id, expires, signature, extra] = token.split(".");
  if (!id || !expires || !signature || extra !== undefined || !UUID_HEX.test(id) || !/^[0-9a-z]{1,10}$/.test(expires)) return null;
  if (parseInt(expires, 36) * 1000 <= now.getTime()) return null;
  return {
    subscriberId: expand(id),
    matches: (nonce) => nonce !== null && signedByUs(signature, `confirm:${id}:${expires}:${nonce}`),
  };
}
