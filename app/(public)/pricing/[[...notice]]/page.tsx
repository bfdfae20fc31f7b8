import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listPlans } from "@/lib/billing/plans";
import { notices, PricingView, type PricingNotice } from "../pricing-view";

export const metadata: Metadata = { title: "The Dojo membership" };

// Served from Next's page cache: rendered on the first visit after a start (never at build,
// which has no database) and again at most once a minute, so a price change reaches every
// instance within a minute while a view costs no rendering and no query.
// /pricing?checkout=cancelled and ?from=dojo arrive here rewritten to /pricing/cancelled and
// /pricing/dojo (next.config.ts); a visitor carrying a quiz result goes to ../result/[token].
export const revalidate = 60;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ notice?: string[] }[]> {
  return [];
}

const isNotice = (value: string | undefined): value is PricingNotice => value !== undefined && Object.hasOwn(notices, value);

export default async function PricingPage({ params }: { params: Promise<{ notice?: string[] }> }) {
  const { notice = [] } = await params;
  if (notice.length > 1 || (notice.length === 1 && !isNotice(notice[0]))) notFound();
  const which = notice[0];
  return <PricingView plans={await listPlans()} notice={isNotice(which) ? which : undefined} />;
}
