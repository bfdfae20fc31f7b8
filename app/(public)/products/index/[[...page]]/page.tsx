import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cachedPublishedProducts } from "@/lib/products/catalogue";
import { formatMoney } from "@/lib/money";
import { env } from "@/lib/env";

// /products (next.config.ts rewrites it here): a cacheable route of its own beside
// /products/[slug], served from the page cache like /articles. Rendered on the first
// visit (the build has no database), again when a coach's save expires the "products"
// tag or after a minute. "index" is therefore never a product address.
export const revalidate = 60;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ page?: string[] }[]> {
  return [];
}

const description = "Workbooks and audio from the coach, bought once and kept: for the days when you want to work through it on your own.";

export function generateMetadata(): Metadata {
  const url = new URL("/products", env().APP_URL).toString();
  return { title: "Workbooks and audio", description, alternates: { canonical: url }, openGraph: { type: "website", title: "Workbooks and audio · Breakup Dojo", description, url } };
}

export default async function ProductsPage({ params }: { params: Promise<{ page?: string[] }> }) {
  if ((await params).page?.length) notFound();
  const products = await cachedPublishedProducts();
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="font-serif text-4xl font-semibold">Workbooks and audio</h1>
        <p className="text-lg leading-relaxed text-muted">{description} No membership needed.</p>
      </header>
      {products.length === 0 ? (
        <p className="rounded-2xl border border-line bg-card p-5 leading-relaxed">Nothing here yet. The first workbook is on its way.</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {products.map((p) => (
            <li key={p.slug} className="flex flex-col gap-3 rounded-2xl border border-line bg-card p-5">
              <h2 className="font-serif text-2xl font-semibold leading-snug">
                <Link href={`/products/${p.slug}`} className="link break-words">
                  {p.title}
                </Link>
              </h2>
              {p.summary ? <p className="leading-relaxed">{p.summary}</p> : null}
              <p className="mt-auto text-sm text-muted">
                <span className="text-lg font-semibold text-ink">{formatMoney(p.priceCents, p.currency)}</span>
                {p.formats.length ? ` · ${p.formats.join(", ")}` : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
