import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { columnName, getDb, tables } from "@/lib/db";
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

// One query per read (files and bonus lessons as JSON beside the product): a page's first
// render after a start, or after a coach's save, is the only time these run.
// Drizzle writes a single-table query's columns without their table, which inside a subquery
// would bind to the inner table: every column here is written with its table's short name.
const p = alias(products, "p");
const q = (table: string, column: AnyPgColumn) => sql`${sql.identifier(table)}.${columnName(column)}`;
const filesOf = sql`from ${productFiles} as f where ${q("f", productFiles.productId)} = ${q("p", products.id)}`;
const fileTypes = sql<string[]>`coalesce((select json_agg(${q("f", productFiles.contentType)}) ${filesOf}), '[]'::json)`;
const fileList = sql<PublicProduct["files"]>`coalesce((select json_agg(json_build_object('fileName', ${q("f", productFiles.fileName)}, 'contentType', ${q("f", productFiles.contentType)}, 'sizeBytes', ${q("f", productFiles.sizeBytes)}) order by ${q("f", productFiles.id)}) ${filesOf}), '[]'::json)`;
const bonusTitles = sql<string[]>`coalesce((select json_agg(${q("l", lessons.title)} order by ${q("l", lessons.position)}, ${q("l", lessons.id)})
  from ${productLessons} as pl inner join ${lessons} as l on ${q("l", lessons.id)} = ${q("pl", productLessons.lessonId)}
  where ${q("pl", productLessons.productId)} = ${q("p", products.id)} and ${q("l", lessons.status)} = 'published'), '[]'::json)`;

export async function publishedProducts(): Promise<ProductSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({ slug: p.slug, title: p.title, summary: p.summary, priceCents: p.priceCents, currency: p.currency, fileTypes })
    .from(p)
    .where(eq(p.status, "published"))
    .orderBy(asc(p.createdAt), asc(p.id));
  return rows.map(({ fileTypes: types, ...p }) => ({ ...p, formats: formatsOf(types.map((contentType) => ({ contentType }))) }));
}

export async function publishedProduct(slug: string): Promise<PublicProduct | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: p.id,
      slug: p.slug,
      title: p.title,
      summary: p.summary,
      descriptionMd: p.descriptionMd,
      priceCents: p.priceCents,
      currency: p.currency,
      files: fileList,
      bonusLessons: bonusTitles,
    })
    .from(p)
    .where(and(eq(p.slug, slug), eq(p.status, "published")))
    .limit(1);
  if (!row) return null;
  const { descriptionMd, ...rest } = row;
  return { ...rest, descriptionHtml: renderMarkdownCached(descriptionMd), formats: formatsOf(rest.files) };
}

const CEILING_SECONDS = 60;
export const cachedPublishedProducts = unstable_cache(publishedProducts, ["products:list"], { tags: [PRODUCTS_TAG], revalidate: CEILING_SECONDS });
export const cachedPublishedProduct = unstable_cache(publishedProduct, ["products:one"], { tags: [PRODUCTS_TAG], revalidate: CEILING_SECONDS });
