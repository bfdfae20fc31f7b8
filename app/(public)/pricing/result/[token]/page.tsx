import type { Metadata } from "next";
import { unstable_cache } from "next/cache";
import { listPlans } from "@/lib/billing/plans";
import { log, reason } from "@/lib/log";
import { countDojoClick } from "@/lib/quiz/results";
import { PricingView } from "../../pricing-view";

export const metadata: Metadata = { title: "The Dojo membership", robots: { index: false } };
export const dynamic = "force-dynamic";

// /pricing?result=… (the "see the Dojo" link under a quiz result) lands here, rewritten by
// next.config.ts. Rendered per request, because the join links carry the visitor's own result
// token, and that must never sit in a shared page cache; the plans still come from a cache.
const cachedPlans = unstable_cache(listPlans, ["plans"], { revalidate: 60 });

export default async function PricingWithResultPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // The funnel's "see the Dojo" step; a failed count never costs the visitor the page.
  countDojoClick(token).catch((err) => log.error("funnel event failed", { reason: reason(err) }));
  return <PricingView plans={await cachedPlans()} result={token} />;
}
