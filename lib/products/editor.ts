import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Refusal } from "@/lib/actions/state";
import { validate } from "@/lib/actions/validate";
import type { CurrentUser } from "@/lib/auth/current-user";
import { assertCoach } from "@/lib/auth/guards";
import { getDb, tables } from "@/lib/db";
import { env } from "@/lib/env";
import { firstFreeSlug, slugify } from "@/lib/slugs";
import { log, reason } from "@/lib/log";
import { CURRENCIES, parsePrice } from "./money";
import { fileStore, newStorageKey } from "./storage/configured";

// The coach's side of the products: drafts, prices, files and bonus lessons. Every
// function takes the acting user and checks the role here, next to the query.

const { products, productFiles, productLessons, lessons } = tables;

export async function listProductsForCoach(actor: CurrentUser) {
  assertCoach(actor);
  const db = await getDb();
  return db
    .select({ id: products.id, slug: products.slug, title: products.title, status: products.status, priceCents: products.priceCents, currency: products.currency, updatedAt: products.updatedAt })
    .from(products)
    .orderBy(desc(products.updatedAt), desc(products.id));
}

export const newProductInput = z.object({ title: z.string().trim().min(2, "Give the product a title.").max(120, "Keep the title under 120 characters.") });

/** A new product starts as a draft only coaches see, at a placeholder price the coach sets before publishing. */
export async function createProduct(actor: CurrentUser, input: unknown): Promise<{ ok: true; id: number } | Refusal> {
  assertCoach(actor);
  const parsed = validate(newProductInput, input);
  if (!parsed.ok) return parsed;
  const db = await getDb();
  return db.transaction(async (tx) => {
    // "index" is the catalogue's own address (/products is rewritten to /products/index).
    const slug = await firstFreeSlug(
      slugify(parsed.data.title, "product"),
      async (candidate) => candidate !== "index" && !(await tx.query.products.findFirst({ columns: { id: true }, where: eq(products.slug, candidate) })),
    );
    const [row] = await tx.insert(products).values({ title: parsed.data.title, slug, priceCents: 1000, currency: "usd" }).returning({ id: products.id });
    if (!row) throw new Error("the new product was not stored");
    return { ok: true as const, id: row.id };
  });
}

export async function productForEditing(actor: CurrentUser, id: number) {
  assertCoach(actor);
  const db = await getDb();
  const product = await db.query.products.findFirst({
    columns: { id: true, slug: true, title: true, summary: true, descriptionMd: true, priceCents: true, currency: true, status: true, updatedAt: true },
    where: eq(products.id, id),
  });
  if (!product) return null;
  const files = await db
    .select({ id: productFiles.id, fileName: productFiles.fileName, contentType: productFiles.contentType, sizeBytes: productFiles.sizeBytes })
    .from(productFiles)
    .where(eq(productFiles.productId, id))
    .orderBy(asc(productFiles.id));
  const bonus = await db.select({ lessonId: productLessons.lessonId }).from(productLessons).where(eq(productLessons.productId, id));
  const allLessons = await db
    .select({ id: lessons.id, title: lessons.title, status: lessons.status })
    .from(lessons)
    .orderBy(asc(lessons.moduleId), asc(lessons.position), asc(lessons.id));
  return { product, files, bonusLessonIds: bonus.map((b) => b.lessonId), lessons: allLessons };
}
export type ProductForEditing = NonNullable<Awaited<ReturnType<typeof productForEditing>>>;

export const productInput = z.object({
  title: z.string().trim().min(2, "Give the product a title.").max(120, "Keep the title under 120 characters."),
  summary: z.string().trim().max(300, "Keep the summary under 300 characters."),
  descriptionMd: z.string().max(50_000, "The description is too long (50,000 characters at most)."),
  /** The price as typed ("24.50"), or already in cents when the action layer parsed it first. */
  price: z.union([z.number(), z.string()]).transform((value, ctx) => {
    const cents = typeof value === "number" ? value : parsePrice(value);
    if (cents === null || !Number.isSafeInteger(cents) || cents < 100 || cents > 99_999_999) {
      ctx.addIssue({ code: "custom", message: "Enter a price of at least 1.00, such as 24 or 24.50." });
      return z.NEVER;
    }
    return cents;
  }),
  currency: z.enum(CURRENCIES, { error: "Pick one of the currencies listed." }),
  status: z.enum(["draft", "published"]),
  /** A form sends a checkbox group as one value, several, or none. */
  bonusLessonIds: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive()).max(100)),
});

/** Saves the product; publishing needs a description and at least one file, so nobody pays for nothing. */
export async function saveProduct(actor: CurrentUser, id: number, input: unknown): Promise<{ ok: true; slug: string } | Refusal> {
  assertCoach(actor);
  const parsed = validate(productInput, input);
  if (!parsed.ok) return parsed;
  const p = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await tx.query.products.findFirst({ columns: { slug: true }, where: eq(products.id, id) });
    if (!current) return { ok: false as const, error: "We couldn’t find that product." };
    if (p.status === "published") {
      if (p.descriptionMd.trim().length < 20) return { ok: false as const, error: "Write a description before publishing.", fieldErrors: { descriptionMd: "Write a few lines about what the buyer gets." } };
      const [file] = await tx.select({ id: productFiles.id }).from(productFiles).where(eq(productFiles.productId, id)).limit(1);
      if (!file) return { ok: false as const, error: "Add at least one file before publishing: there is nothing to download yet." };
    }
    const wanted = [...new Set(p.bonusLessonIds)];
    const known = wanted.length ? await tx.select({ id: lessons.id }).from(lessons).where(inArray(lessons.id, wanted)) : [];
    if (known.length !== wanted.length) return { ok: false as const, error: "One of the bonus lessons no longer exists. Reload the page and pick again." };
    await tx
      .update(products)
      .set({ title: p.title, summary: p.summary, descriptionMd: p.descriptionMd, priceCents: p.price, currency: p.currency, status: p.status, updatedAt: new Date() })
      .where(eq(products.id, id));
    await tx.delete(productLessons).where(eq(productLessons.productId, id));
    if (wanted.length) await tx.insert(productLessons).values(wanted.map((lessonId) => ({ productId: id, lessonId })));
    return { ok: true as const, slug: current.slug };
  });
}

// ---- files -------------------------------------------------------------------

const KINDS = [
  { ext: "pdf", type: "application/pdf", test: (b: Uint8Array) => ascii(b, 0, 5) === "%PDF-" },
  { ext: "mp3", type: "audio/mpeg", test: (b: Uint8Array) => ascii(b, 0, 3) === "ID3" || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) },
  { ext: "m4a", type: "audio/mp4", test: (b: Uint8Array) => ascii(b, 4, 8) === "ftyp" },
  { ext: "wav", type: "audio/wav", test: (b: Uint8Array) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WAVE" },
  { ext: "ogg", type: "audio/ogg", test: (b: Uint8Array) => ascii(b, 0, 4) === "OggS" },
] as const;

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** What the file really is, from its first bytes (never from the name or the browser's word): PDF or audio, or null. */
export function detectFileKind(bytes: Uint8Array): { ext: string; type: string } | null {
  const kind = KINDS.find((k) => k.test(bytes));
  return kind ? { ext: kind.ext, type: kind.type } : null;
}

/** A name safe to offer in Content-Disposition and on screen: no path, no control characters. */
export function cleanFileName(name: string, ext: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.normalize("NFC").replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 120);
  const stem = cleaned.replace(/\.[^.]*$/, "") || "download";
  return `${stem}.${ext}`;
}

export type UploadOutcome = { ok: true; fileId: number } | (Refusal & { code: "empty" | "size" | "type" | "not_found" });

/** Stores an uploaded file for a product after checking its size and what it really is. */
export async function addProductFile(actor: CurrentUser, productId: number, file: { name: string; bytes: Uint8Array }): Promise<UploadOutcome> {
  assertCoach(actor);
  const maxBytes = env().PRODUCT_FILE_MAX_MB * 1024 * 1024;
  if (file.bytes.byteLength === 0) return { ok: false, code: "empty", error: "That file is empty. Pick the file again." };
  if (file.bytes.byteLength > maxBytes) return { ok: false, code: "size", error: `That file is larger than ${env().PRODUCT_FILE_MAX_MB} MB. Make it smaller, or split it into parts.` };
  const kind = detectFileKind(file.bytes);
  if (!kind) return { ok: false, code: "type", error: "Only PDF and audio files (MP3, M4A, WAV, OGG) can be added. That file is neither." };
  const db = await getDb();
  const product = await db.query.products.findFirst({ columns: { id: true }, where: eq(products.id, productId) });
  if (!product) return { ok: false, code: "not_found", error: "We couldn’t find that product." };
  const key = newStorageKey(kind.ext);
  await fileStore().put(key, file.bytes, kind.type);
  try {
    const [row] = await db
      .insert(productFiles)
      .values({ productId, storageKey: key, fileName: cleanFileName(file.name, kind.ext), contentType: kind.type, sizeBytes: file.bytes.byteLength })
      .returning({ id: productFiles.id });
    await db.update(products).set({ updatedAt: new Date() }).where(eq(products.id, productId));
    if (!row) throw new Error("the file row was not stored");
    return { ok: true, fileId: row.id };
  } catch (err) {
    // The row is the file's only record: without it the bytes would never be found or removed.
    await fileStore().delete(key).catch((e: unknown) => log.error("could not remove an orphaned product file", { reason: reason(e) }));
    throw err;
  }
}

/** Removes a file from a product (members who bought it can no longer download it), then from the store. */
export async function removeProductFile(actor: CurrentUser, productId: number, fileId: number): Promise<{ ok: true } | Refusal> {
  assertCoach(actor);
  const db = await getDb();
  const [row] = await db
    .delete(productFiles)
    .where(and(eq(productFiles.id, fileId), eq(productFiles.productId, productId)))
    .returning({ key: productFiles.storageKey });
  if (!row) return { ok: false, error: "That file was already removed." };
  await fileStore().delete(row.key).catch((e: unknown) => log.error("could not remove a product file from the store", { reason: reason(e) }));
  return { ok: true };
}
