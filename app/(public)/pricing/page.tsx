import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "The Dojo membership" };

const inside = [
  "Lessons in short modules, released day by day through the first weeks — the first days, no contact done well, when your ex reaches out, rebuilding yourself.",
  "Check-ins: tell your coach how it’s going, in your own words, and get a personal reply.",
  "A no-contact day counter you can restart without shame.",
  "Everything private: your check-ins are encrypted, and emails never mention what you wrote.",
];

export default function PricingPage() {
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="font-serif text-3xl font-semibold">The Dojo</h1>
        <p className="text-lg leading-relaxed text-muted">
          The free plan tells you what to do next. The Dojo walks the next weeks with you.
        </p>
      </div>
      <section aria-labelledby="inside" className="rounded-2xl border border-line bg-card p-6">
        <h2 id="inside" className="mb-4 text-xl font-semibold">
          What members get
        </h2>
        <ul className="list-disc space-y-2 pl-6 leading-relaxed">
          {inside.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="join" className="space-y-3">
        <h2 id="join" className="text-xl font-semibold">
          Joining
        </h2>
        <p className="leading-relaxed">
          Memberships open soon, monthly or yearly, and you can cancel any time in two clicks. Until then, the free plan
          is yours to use as often as you like.
        </p>
        <Link href="/quiz" className="btn-secondary">
          Take the free quiz
        </Link>
      </section>
    </div>
  );
}
