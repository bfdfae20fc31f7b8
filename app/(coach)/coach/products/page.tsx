import type { Metadata } from "next";
import Link from "next/link";
import { requireCoach } from "@/lib/auth/current-user";
import { listProductsForCoach } from "@/lib/products/editor";
import { formatMoney } from "@/lib/money";
import { NewDraftForm } from "@/app/components/new-draft-form";
import { createProductAction } from "./actions";

export const metadata: Metadata = { title: "Products", robots: { index: false } };

export default async function CoachProductsPage() {
  const coach = await requireCoach("/coach/products");
  const products = await listProductsForCoach(coach);
  return (
    <div className="space-y-6">
      <h1 className="font-serif text-3xl font-semibold">Products</h1>
      <p className="text-muted">
        Workbooks, audio and short courses, sold once at{" "}
        <Link href="/products" className="link">
          /products
        </Link>
        . Drafts only coaches see.
      </p>
      {products.length === 0 ? (
        <p className="rounded-2xl border border-line bg-card p-4">No products yet. Start one below.</p>
      ) : (
        <ul className="divide-y divide-line rounded-2xl border border-line bg-card">
          {products.map((p) => (
            <li key={p.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
              <Link href={`/coach/products/${p.id}`} className="link min-w-0 break-words">
                {p.title}
              </Link>
              <span className="flex items-center gap-2 text-sm text-muted">
                {p.status === "published" ? (
                  <span className="rounded-full bg-brand-soft px-2 py-0.5 text-xs font-medium text-brand-strong">On sale</span>
                ) : (
                  <span className="rounded-full bg-clay-soft px-2 py-0.5 text-xs font-medium text-clay">Draft</span>
                )}
                <span>{formatMoney(p.priceCents, p.currency)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <NewDraftForm action={createProductAction} id="new-product-title" label="New product title" help="It starts as a draft: nobody can buy it until you add a file and publish." />
    </div>
  );
}
