import type { ReactNode } from "react";
import { CrisisResources } from "@/app/components/crisis-resources";
import type { ExAdvice } from "@/lib/ex-reply/engine";

/**
 * What to answer (or, when the message is frightening, where to get help).
 * Pure: rendered by the public page on the server and by the member's page,
 * which may swap in the safety view after reading a pasted message.
 * A safety answer shows no draft, and nothing after it may sell.
 */
export function ExReplyAdvice({ advice, intro }: { advice: ExAdvice; intro?: ReactNode }) {
  if (advice.kind === "safety") {
    return (
      <div className="space-y-6">
        <CrisisResources />
        <section aria-labelledby="safety-title" className="space-y-3">
          <h2 id="safety-title" className="font-serif text-2xl font-semibold">
            {advice.title}
          </h2>
          <p className="leading-relaxed">{advice.summary}</p>
          {advice.because ? <p className="text-sm text-muted">{advice.because}</p> : null}
          <ul className="list-disc space-y-2 pl-6 leading-relaxed">
            {advice.steps.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
      </div>
    );
  }
  return (
    <div className="space-y-8">
      <section aria-labelledby="drafts" className="space-y-3">
        <h2 id="drafts" className="font-serif text-2xl font-semibold">
          Replies you could send
        </h2>
        {intro ?? <p className="leading-relaxed text-muted">Pick one, put it in your own words, and change the details to fit. Then step back.</p>}
        <ol className="space-y-3">
          {advice.drafts.map((d) => (
            <li key={d.id} className="space-y-2 rounded-2xl border border-line bg-card p-4" data-draft={d.id}>
              <h3 className="font-semibold">{d.title}</h3>
              <blockquote className="border-l-4 border-brand pl-3 text-lg leading-relaxed">{d.text}</blockquote>
              <p className="text-sm text-muted">{d.because}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="avoid" className="space-y-3">
        <h2 id="avoid" className="font-serif text-2xl font-semibold">
          What not to say, and why
        </h2>
        <ul className="space-y-3">
          {advice.avoid.map((a) => (
            <li key={a.say} className="leading-relaxed">
              <span className="font-semibold">{a.say}.</span> {a.why}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="silence" className="space-y-3 rounded-2xl bg-brand-soft p-5">
        <h2 id="silence" className="font-serif text-xl font-semibold">
          Should you reply at all?
        </h2>
        <ul className="list-disc space-y-2 pl-6 leading-relaxed">
          {advice.silence.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
