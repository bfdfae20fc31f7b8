import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { getDb, tables } from "@/lib/db";
import { renderMarkdownCached } from "@/lib/markdown/render";

// What anyone may see of the products: published ones only, as plain JSON, read
// through Next's data cache like the articles (a view costs no database work until
// a coach's save expires the tag, and at most a minute on an instance that missed it).

const { products, productFiles, productLessons, lessons } = tables;

export const PRODUCTS_TAG = "products";

export interface ProductSummary {
  slug: string;
  title: string;
  summary: string;
  priceCents: number;
  currency: string;
  /** What the buyer gets, in words: "PDF", "2 audio files". */
  formats: string[];
}

export interface PublicProduct extends ProductSummary {
  id: number;
  descriptionHtml: string;
  files: { fileName: string; contentType: string; sizeBytes: number }[];
  bonusLessons: string[];
}

function formatsOf(files: { contentType: string }[]): string[] {
  const pdf = files.filter((f) => f.contentType === "application/pdf").length;
  const audio = files.length - pdf;
  const out: string[] = [];
  if (pdf) out.push(pdf === 1 ? "PDF" : `${pdf} PDFs`);
  if (audio) out.push(audio === 1 ? "audio" : `${audio} audio files`);
  return out;
}

export async function publishedProducts(): Promise<ProductSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: products.id, slug: products.slug, title: products.title, summary: products.summary, priceCents: products.priceCents, currency: products.currency })
    .from(products)
    .where(eq(products.status, "published"))
    .orderBy(asc(products.createdAt), asc(products.id));
  const files = rows.length
    ? await db.select({ productId: productFiles.productId, contentType: productFiles.contentType }).from(productFiles).where(inArray(productFiles.productId, rows.map((r) => r.id)))
    : [];
  return rows.map(({ id, ...p }) => ({ ...p, formats: formatsOf(files.filter((f) => f.productId === id)) }));
}

export async function publishedProduct(slug: string): Promise<PublicProduct | null> {
  const db = await getDb();
  const row = await db.query.products.findFirst({
    columns: { id: true, slug: true, title: true, summary: true, descriptionMd: true, priceCents: true, currency: true },
    where: and(eq(products.slug, slug), eq(products.status, "published")),
  });
  if (!row) return null;
  const files = await db
    .select({ fileName: productFiles.fileName, contentType: productFiles.contentType, sizeBytes: productFiles.sizeBytes })
    .from(productFiles)
    .where(eq(productFiles.productId, row.id))
    .orderBy(asc(productFiles.id));
  const bonus = await db
    .select({ title: lessons.title })
    .from(productLessons)
    .innerJoin(lessons, eq(lessons.id, productLessons.lessonId))
    .where(and(eq(productLessons.productId, row.id), eq(lessons.status, "published")))
    .orderBy(asc(lessons.position), asc(lessons.id));
  const { descriptionMd, ...rest } = row;
  return { ...rest, descriptionHtml: renderMarkdownCached(descriptionMd), files, formats: formatsOf(files), bonusLessons: bonus.map((b) => b.title) };
}

const CEILING_SECONDS = 60;
export const cachedPublishedProducts = unstable_cache(publishedProducts, ["products:list"], { tags: [PRODUCTS_TAG], revalidate: CEILING_SECONDS });
export const cachedPublishedProduct = unstable_cache(publishedProduct, ["products:one"], { tags: [PRODUCTS_TAG], revalidate: CEILING_SECONDS });
