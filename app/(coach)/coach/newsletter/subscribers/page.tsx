import type { Metadata } from "next";
import Link from "next/link";
import { requireCoach } from "@/lib/auth/current-user";
import { subscriberCounts } from "@/lib/newsletter/import-export";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Newsletter subscribers", robots: { index: false } };

export default async function SubscribersPage() {
  const coach = await requireCoach("/coach/newsletter/subscribers");
  const counts = await subscriberCounts(coach);
  const n = (x: number) => x.toLocaleString("en-US");
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/coach/newsletter" className="link">
          ← Newsletter
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-semibold">Subscribers</h1>
      <p>
        {n(counts.confirmed)} confirmed · {n(counts.pending)} waiting to confirm · {n(counts.unsubscribed)} unsubscribed
      </p>

      <section aria-labelledby="export" className="space-y-3 rounded-2xl border border-line bg-card p-5">
        <h2 id="export" className="text-lg font-semibold">
          Export
        </h2>
        <p className="leading-relaxed text-muted">
          Everyone on the list, with columns email, name, status and subscribed date. It holds personal data: keep the file somewhere private.
        </p>
        <a href="/coach/newsletter/subscribers/export" className="btn-secondary" download>
          Download CSV
        </a>
      </section>

      <section aria-labelledby="import" className="space-y-3 rounded-2xl border border-line bg-card p-5">
        <h2 id="import" className="text-lg font-semibold">
          Import
        </h2>
        <p className="leading-relaxed text-muted">
          A CSV with a header row and an <code>email</code> column; <code>name</code>, <code>status</code> (confirmed, pending or unsubscribed) and{" "}
          <code>subscribed</code> (YYYY-MM-DD) are optional. Only import people who asked for the letter. Anyone who unsubscribed here stays
          unsubscribed, whatever the file says, and an unsubscribe in the file is respected.
        </p>
        <ImportForm />
      </section>
    </div>
  );
}
