import Link from "next/link";
import { NewsletterSignup } from "@/app/components/newsletter-signup";

const beliefs = [
  {
    title: "Your situation first",
    text: "“Go no contact for 30 days” is repeated everywhere. It doesn’t fit someone who shares a child, a flat or an office with their ex. We ask first, then advise.",
  },
  {
    title: "Space is for you",
    text: "No contact is a way to heal and stop chasing — not a trick to make anyone miss you. Used as a game, it usually backfires.",
  },
  {
    title: "Brief and kind beats clever",
    text: "If your ex gets in touch, you don’t have to ignore them. A short, warm reply and a step back says more than silence.",
  },
];

export default function HomePage() {
  return (
    <div className="space-y-14">
      <section className="space-y-5">
        <p className="text-sm font-semibold uppercase tracking-wide text-clay">After a breakup</p>
        <h1 className="font-serif text-4xl font-semibold leading-tight sm:text-5xl">
          You don’t need more rules. You need a plan that fits your life.
        </h1>
        <p className="max-w-2xl text-lg leading-relaxed text-muted">
          Breakup Dojo is a coach in your pocket for the hard weeks after a breakup. Answer a few questions about what
          happened and where things stand, and you’ll get a clear, honest plan for what to do next — and why.
        </p>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <Link href="/quiz" className="btn-primary">
            Get my free plan
          </Link>
          <p className="text-sm text-muted">About 2 minutes · no email · nothing to install</p>
        </div>
      </section>

      <section aria-labelledby="beliefs" className="space-y-5">
        <h2 id="beliefs" className="font-serif text-2xl font-semibold">
          What makes this different
        </h2>
        <ul className="grid gap-4 sm:grid-cols-3">
          {beliefs.map((b) => (
            <li key={b.title} className="rounded-2xl border border-line bg-card p-5">
              <h3 className="mb-2 font-semibold">{b.title}</h3>
              <p className="leading-relaxed text-muted">{b.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how" className="space-y-4">
        <h2 id="how" className="font-serif text-2xl font-semibold">
          How the free plan works
        </h2>
        <ol className="list-decimal space-y-2 pl-6 leading-relaxed">
          <li>You answer one question at a time — how long it’s been, what still ties you together, who reached out.</li>
          <li>You get a plan: a few concrete steps, the traps to avoid, and the answers that shaped it.</li>
          <li>You keep a private link to come back to. We don’t ask who you are.</li>
        </ol>
        <p className="leading-relaxed text-muted">
          No one can promise you your ex back, and we won’t. What we can do is help you stop making things
          harder, and start feeling like yourself again.
        </p>
      </section>

      <NewsletterSignup source="home" />

      <section className="rounded-2xl bg-brand-soft p-6">
        <h2 className="mb-2 font-serif text-xl font-semibold">When you want more than a plan</h2>
        <p className="mb-4 leading-relaxed">
          The Dojo is the membership: short lessons released over the weeks that matter most, and check-ins read by a
          real coach.
        </p>
        <Link href="/pricing" className="link">
          See what’s inside the Dojo
        </Link>
      </section>
    </div>
  );
}
