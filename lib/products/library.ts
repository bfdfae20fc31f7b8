import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, lt, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getDb, tables } from "@/lib/db";
import { authSecret, env } from "@/lib/env";
import { log } from "@/lib/log";
import { renderMarkdownCached } from "@/lib/markdown/render";
import { fileStore } from "./storage/configured";
import { OWNING, type PurchaseStatus } from "./purchases";

// The member's library and its downloads. A download link is signed (HMAC with a
// key derived from AUTH_SECRET) over the purchase, the file, the member and an
// expiry, and is served only to that member's session, before it expires, while
// the purchase gives access and its download count is under DOWNLOAD_LIMIT.

const { purchases, productFiles, productLessons, lessons } = tables;

/** How long a download link works: long enough for a slow phone to start, short enough that a shared link is useless. */
export const LINK_SECONDS = 5 * 60;

const linkKey = () => createHmac("sha256", authSecret()).update("product-download-links/v1").digest();

export interface DownloadClaim {
  purchaseId: string;
  fileId: number;
  userId: string;
  /** Unix seconds. */
  expires: number;
}

function signature(claim: DownloadClaim): string {
  return createHmac("sha256", linkKey()).update(`${claim.purchaseId}\n${claim.fileId}\n${claim.userId}\n${claim.expires}`).digest("base64url");
}

/** The link's query string; the member's id is signed over but not in it (it comes from their session). */
export function signDownload(claim: DownloadClaim): string {
  return new URLSearchParams({ purchase: claim.purchaseId, file: String(claim.fileId), expires: String(claim.expires), signature: signature(claim) }).toString();
}

export type LinkCheck = { ok: true; claim: DownloadClaim } | { ok: false; reason: "invalid" | "expired" };

/** Checks a link's query for this member; an expired link is told apart only once its signature holds. */
export function verifyDownload(userId: string, query: URLSearchParams, now = Date.now()): LinkCheck {
  const purchaseId = query.get("purchase") ?? "";
  const fileId = Number(query.get("file"));
  const expires = Number(query.get("expires"));
  const given = Buffer.from(query.get("signature") ?? "", "base64url");
  if (!/^[0-9a-f-]{36}$/.test(purchaseId) || !Number.isSafeInteger(fileId) || !Number.isSafeInteger(expires)) return { ok: false, reason: "invalid" };
  const claim = { purchaseId, fileId, userId, expires };
  const expected = Buffer.from(signature(claim), "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  if (expires * 1000 <= now) return { ok: false, reason: "expired" };
  return { ok: true, claim };
}

/**
 * Purchases made signed out, with this member's address, become theirs: signing in
 * with the address is the proof. One they own already stays with the address only.
 */
export async function claimPurchasesByEmail(actor: CurrentUser): Promise<void> {
  const db = await getDb();
  const mine = alias(purchases, "mine");
  await db
    .update(purchases)
    .set({ userId: actor.id, updatedAt: new Date() })
    .where(
      and(
        isNull(purchases.userId),
        eq(purchases.email, actor.email.trim().toLowerCase()),
        notExists(
          db
            .select({ one: sql`1` })
            .from(mine)
            .where(and(eq(mine.userId, actor.id), eq(mine.productId, purchases.productId), inArray(mine.status, OWNING))),
        ),
      ),
    );
}

export interface LibraryItem {
  purchaseId: string;
  title: string;
  status: PurchaseStatus;
  duplicate: boolean;
  paidAt: Date;
  endedAt: Date | null;
  amountCents: number;
  amountRefundedCents: number;
  currency: string;
  receiptUrl: string | null;
  downloadsLeft: number;
  files: { id: number; fileName: string; contentType: string; sizeBytes: number; href: string }[];
  bonusLessons: { slug: string; title: string }[];
}

/** Everything the member bought, newest first, with fresh download links for what they own. */
export async function libraryFor(actor: CurrentUser, now = Date.now()): Promise<LibraryItem[]> {
  await claimPurchasesByEmail(actor);
  const db = await getDb();
  const rows = await db
    .select({
      id: purchases.id,
      productId: purchases.productId,
      title: purchases.productTitle,
      status: purchases.status,
      duplicateOf: purchases.duplicateOf,
      paidAt: purchases.paidAt,
      endedAt: purchases.endedAt,
      amountCents: purchases.amountCents,
      amountRefundedCents: purchases.amountRefundedCents,
      currency: purchases.currency,
      receiptUrl: purchases.receiptUrl,
      downloadCount: purchases.downloadCount,
    })
    .from(purchases)
    .where(eq(purchases.userId, actor.id))
    .orderBy(desc(purchases.paidAt), desc(purchases.id));
  const owned = rows.filter((r) => OWNING.includes(r.status)).map((r) => r.productId);
  const files = owned.length
    ? await db
        .select({ id: productFiles.id, productId: productFiles.productId, fileName: productFiles.fileName, contentType: productFiles.contentType, sizeBytes: productFiles.sizeBytes })
        .from(productFiles)
        .where(inArray(productFiles.productId, owned))
        .orderBy(asc(productFiles.id))
    : [];
  const bonus = owned.length
    ? await db
        .select({ productId: productLessons.productId, slug: lessons.slug, title: lessons.title })
        .from(productLessons)
        .innerJoin(lessons, eq(lessons.id, productLessons.lessonId))
        .where(and(inArray(productLessons.productId, owned), eq(lessons.status, "published")))
        .orderBy(asc(lessons.position), asc(lessons.id))
    : [];
  const { DOWNLOAD_LIMIT } = env();
  const expires = Math.floor(now / 1000) + LINK_SECONDS;
  return rows.map((r) => {
    const owns = OWNING.includes(r.status);
    return {
      purchaseId: r.id,
      title: r.title,
      status: r.status,
      duplicate: r.duplicateOf !== null,
      paidAt: r.paidAt,
      endedAt: r.endedAt,
      amountCents: r.amountCents,
      amountRefundedCents: r.amountRefundedCents,
      currency: r.currency,
      receiptUrl: r.receiptUrl,
      downloadsLeft: Math.max(0, DOWNLOAD_LIMIT - r.downloadCount),
      files: owns
        ? files
            .filter((f) => f.productId === r.productId)
            .map(({ productId: _p, ...f }) => ({ ...f, href: `/account/library/download?${signDownload({ purchaseId: r.id, fileId: f.id, userId: actor.id, expires })}` }))
        : [],
      bonusLessons: owns ? bonus.filter((b) => b.productId === r.productId).map(({ slug, title }) => ({ slug, title })) : [],
    };
  });
}

export type DownloadOutcome =
  | { ok: true; body: ReadableStream<Uint8Array>; size: number; fileName: string; contentType: string }
  | { ok: false; reason: "invalid" | "expired" | "not_found" | "ended" | "limit" };

/**
 * One download: the link must be this member's, unexpired, for a file of the
 * product this purchase is for, while the purchase still gives access and has
 * downloads left. The count goes up only when the file is there to send.
 */
export async function openDownload(actor: CurrentUser, query: URLSearchParams, now = Date.now()): Promise<DownloadOutcome> {
  const check = verifyDownload(actor.id, query, now);
  if (!check.ok) return check;
  const { purchaseId, fileId } = check.claim;
  const db = await getDb();
  const [row] = await db
    .select({ status: purchases.status, downloadCount: purchases.downloadCount, storageKey: productFiles.storageKey, fileName: productFiles.fileName, contentType: productFiles.contentType })
    .from(purchases)
    .innerJoin(productFiles, and(eq(productFiles.productId, purchases.productId), eq(productFiles.id, fileId)))
    .where(and(eq(purchases.id, purchaseId), eq(purchases.userId, actor.id)))
    .limit(1);
  if (!row) return { ok: false, reason: "not_found" };
  if (!OWNING.includes(row.status)) return { ok: false, reason: "ended" };
  const { DOWNLOAD_LIMIT } = env();
  if (row.downloadCount >= DOWNLOAD_LIMIT) return { ok: false, reason: "limit" };
  const stored = await fileStore().get(row.storageKey);
  if (!stored) {
    log.error("product file missing from the store", { fileId });
    return { ok: false, reason: "not_found" };
  }
  const [counted] = await db
    .update(purchases)
    .set({ downloadCount: sql`${purchases.downloadCount} + 1` })
    .where(and(eq(purchases.id, purchaseId), eq(purchases.userId, actor.id), inArray(purchases.status, OWNING), lt(purchases.downloadCount, DOWNLOAD_LIMIT)))
    .returning({ count: purchases.downloadCount });
  if (!counted) {
    await stored.body.cancel();
    return { ok: false, reason: "limit" };
  }
  return { ok: true, body: stored.body, size: stored.size, fileName: row.fileName, contentType: row.contentType };
}

/**
 * A bonus lesson, for a member who owns a product that includes it: read from the library,
 * membership or not, whatever the Dojo's drip says (owning it is the key). Published lessons only.
 */
export async function bonusLessonFor(actor: CurrentUser, slug: string) {
  const db = await getDb();
  const [row] = await db
    .select({ title: lessons.title, bodyMd: lessons.bodyMd, exerciseMd: lessons.exerciseMd, product: purchases.productTitle })
    .from(lessons)
    .innerJoin(productLessons, eq(productLessons.lessonId, lessons.id))
    .innerJoin(purchases, and(eq(purchases.productId, productLessons.productId), eq(purchases.userId, actor.id), inArray(purchases.status, OWNING)))
    .where(and(eq(lessons.slug, slug), eq(lessons.status, "published")))
    .limit(1);
  if (!row) return null;
  return { title: row.title, product: row.product, html: renderMarkdownCached(row.bodyMd), exerciseHtml: renderMarkdownCached(row.exerciseMd) };
}
