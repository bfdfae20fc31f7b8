import type { Metadata } from "next";
import Link from "next/link";
import { PastDueBanner } from "@/app/components/past-due-banner";
import { requireDojoAccess } from "@/lib/dojo/gate";

export const metadata: Metadata = { title: "Your Dojo", robots: { index: false } };

export default async function DojoHome({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const { access } = await requireDojoAccess("/dojo");
  const { welcome } = await searchParams;
  return (
    <div className="space-y-8">
      {access.via === "subscription" && access.banner === "past_due" ? <PastDueBanner graceEndsAt={access.graceEndsAt} /> : null}
      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-clay">The Dojo</p>
        <h1 className="font-serif text-3xl font-semibold">{welcome ? "Welcome in. We’re glad you’re here." : "Welcome back."}</h1>
        <p className="text-lg leading-relaxed text-muted">
          This is your space for the weeks ahead. Take it one day at a time — nobody expects you to have it figured out.
        </p>
      </header>
      <section aria-labelledby="start" className="space-y-3 rounded-2xl border border-line bg-card p-6">
        <h2 id="start" className="font-serif text-xl font-semibold">
          Where to start
        </h2>
        <p className="leading-relaxed">
          Your lessons open here day by day, starting with the first days after a breakup. While the first module is being
          prepared, reread your plan and pick one step to do today. Small and done beats big and planned.
        </p>
        <Link href="/account" className="link">
          Your account and saved plan
        </Link>
      </section>
    </div>
  );
}
