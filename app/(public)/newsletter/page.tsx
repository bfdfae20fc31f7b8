import type { Metadata } from "next";
import Link from "next/link";
import { NewsletterSignup } from "@/app/components/newsletter-signup";

export const metadata: Metadata = {
  title: "The ex-communication letter",
  description: "A short, honest letter now and then about the weeks after a breakup. Free, double opt-in, one-click unsubscribe.",
};

export default function NewsletterPage() {
  return (
    <div className="space-y-10">
      <header className="space-y-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-clay">The letter</p>
        <h1 className="font-serif text-4xl font-semibold leading-tight">ex-communication</h1>
        <p className="max-w-2xl text-lg leading-relaxed text-muted">
          A short letter from the coach, now and then. One situation at a time — the text you don’t know how to answer,
          the night you want to check their profile, the week it suddenly gets harder again — and what tends to help.
        </p>
      </header>

      <section aria-labelledby="what" className="space-y-3">
        <h2 id="what" className="font-serif text-2xl font-semibold">
          What you’ll get
        </h2>
        <ul className="list-disc space-y-2 pl-6 leading-relaxed">
          <li>Plain advice with the reasons behind it, so you can decide what fits your situation.</li>
          <li>No “30 days of silence and they’ll come running”. Nobody can promise you that, and we won’t.</li>
          <li>No sales pressure. Most letters don’t mention the membership at all.</li>
        </ul>
      </section>

      <NewsletterSignup source="newsletter" title="Subscribe" intro="Free. We only use your address to send the letter." />

      <section aria-labelledby="privacy" className="space-y-2">
        <h2 id="privacy" className="font-serif text-xl font-semibold">
          If you share an inbox or a phone
        </h2>
        <p className="leading-relaxed text-muted">
          The confirmation email has a plain subject and says nothing about breakups. Each letter’s subject is the
          coach’s title for it, so have a look at{" "}
          <Link href="/newsletter/archive" className="link">
            past letters
          </Link>{" "}
          first if that matters to you. Every letter ends with a link to stop them, no sign-in needed.
        </p>
      </section>
    </div>
  );
}
