import Link from "next/link";

/** The one invitation on archive pages, after the reading. */
export function QuizInvite() {
  return (
    <aside aria-labelledby="quiz-invite" className="space-y-3 rounded-2xl bg-brand-soft p-5">
      <h2 id="quiz-invite" className="font-serif text-xl font-semibold">
        Want advice for your own situation?
      </h2>
      <p className="leading-relaxed">
        The free plan asks a few questions — how long it’s been, what still ties you together, who reached out — and
        gives you next steps that fit, with the reasons. About 2 minutes, no email needed.
      </p>
      <Link href="/quiz" className="btn-primary">
        Get my free plan
      </Link>
    </aside>
  );
}
