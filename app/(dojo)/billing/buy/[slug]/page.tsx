import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ownsProduct, productForSale } from "@/lib/products/checkout";
import { formatMoney } from "@/lib/money";
import { BuyForm } from "./buy-form";

export const metadata: Metadata = { title: "Buy", robots: { index: false } };

// The step between a product page and Stripe. A private page (its own CSP nonce and
// Stripe in form-action), because its form's answer is a redirect to Checkout.
export default async function BuyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const product = await productForSale(slug);
  if (!product) notFound();
  const user = await getCurrentUser();
  const price = formatMoney(product.priceCents, product.currency);
  const owned = user ? await ownsProduct(user.id, product.id) : false;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <p className="text-sm">
        <Link href={`/products/${product.slug}`} className="link">
          ← {product.title}
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-semibold break-words">{product.title}</h1>
      <p className="text-lg">
        <strong>{price}</strong>, once. Yours to keep.
      </p>
      {owned ? (
        <p role="status" className="rounded-xl bg-brand-soft px-4 py-3">
          You already own this, so there is nothing to pay.{" "}
          <a href="/account/library" className="link">
            Open your library
          </a>
          .
        </p>
      ) : (
        <div className="space-y-4 rounded-2xl border border-line bg-card p-5">
          <BuyForm slug={product.slug} price={price} signedIn={user !== null} />
          {user ? (
            <p className="text-sm text-muted">It will be in your library, with your receipt, as soon as you’ve paid.</p>
          ) : (
            <p className="text-sm text-muted">
              Already have an account?{" "}
              <a href={`/signin?${new URLSearchParams({ callbackUrl: `/billing/buy/${product.slug}` })}`} className="link">
                Sign in first
              </a>{" "}
              and it goes straight into your library.
            </p>
          )}
        </div>
      )}
      <p className="text-sm text-muted">Payment is by card on Stripe’s secure page. You can enter a promotion code there.</p>
    </div>
  );
}
