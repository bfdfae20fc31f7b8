import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cachedPublishedProduct } from "@/lib/products/catalogue";
import { fileSize } from "@/lib/products/money";
import { formatMoney } from "@/lib/money";
import { env } from "@/lib/env";

type Props = { params: Promise<{ slug: string }> };

// Served from the page cache like /articles/[slug]: nothing is built ahead (the build has no
// database), each product renders on its first view and again when a coach's save expires it.
export function generateStaticParams(): { slug: string }[] {
  return [];
}
export const revalidate = 60;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await cachedPublishedProduct((await params).slug);
  if (!product) return { title: "Product not found" };
  const url = new URL(`/products/${product.slug}`, env().APP_URL).toString();
  return { title: product.title, description: product.summary, alternates: { canonical: url }, openGraph: { type: "website", title: product.title, description: product.summary, url } };
}

export default async function ProductPage({ params }: Props) {
  const product = await cachedPublishedProduct((await params).slug);
  if (!product) notFound();
  const price = formatMoney(product.priceCents, product.currency);
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm text-muted">
          <Link href="/products" className="link">
            Workbooks and audio
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-semibold leading-tight break-words sm:text-4xl">{product.title}</h1>
        {product.summary ? <p className="text-lg leading-relaxed text-muted">{product.summary}</p> : null}
      </header>
      <section aria-label="Buy" className="flex flex-wrap items-center justify-between gap-4 rounded-2xl border border-line bg-card p-5">
        <p>
          <span className="text-3xl font-semibold">{price}</span> <span className="text-muted">once, yours to keep</span>
        </p>
        {/* A plain link to a private page (its form goes on to Stripe): never prefetched, never a soft navigation. */}
        <a href={`/billing/buy/${product.slug}`} className="btn-primary">
          Buy for {price}
        </a>
      </section>
      {/* Rendered from the coach's Markdown by lib/markdown (raw HTML escaped, unsafe links refused). */}
      <div className="lesson-prose text-lg" dangerouslySetInnerHTML={{ __html: product.descriptionHtml }} />
      <section aria-labelledby="included" className="space-y-3 rounded-2xl border border-line bg-card p-5">
        <h2 id="included" className="text-xl font-semibold">
          What you get
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          {product.files.map((f) => (
            <li key={f.fileName}>
              {f.fileName} <span className="text-sm text-muted">({f.contentType === "application/pdf" ? "PDF" : "audio"}, {fileSize(f.sizeBytes)})</span>
            </li>
          ))}
          {product.bonusLessons.map((title) => (
            <li key={title}>Bonus Dojo lesson: {title}</li>
          ))}
        </ul>
        <p className="text-sm text-muted">
          Downloads are in your library as soon as you’ve paid, with your receipt. Have a promotion code? You can enter it at checkout.
        </p>
      </section>
    </article>
  );
}
