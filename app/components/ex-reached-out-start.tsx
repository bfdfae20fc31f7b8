import { ExReplyQuestion } from "@/app/components/ex-reply-questions";
import { currentExDefinition } from "@/lib/ex-reply/definitions";
import { exQuestionViews } from "@/lib/ex-reply/engine";

/**
 * The first question of "my ex reached out", for the end of an article: a
 * plain GET form to /ex-reached-out, which picks up from the second step.
 * No database, no JavaScript.
 */
export function ExReachedOutStart() {
  const [kind] = exQuestionViews(currentExDefinition);
  if (!kind) return null;
  return (
    <section aria-labelledby="ex-start-heading" className="space-y-4 rounded-2xl border border-line bg-card p-5">
      <div className="space-y-1">
        <h2 id="ex-start-heading" className="font-serif text-xl font-semibold">
          Did your ex just message you?
        </h2>
        <p className="leading-relaxed text-muted">Answer three quick questions and get a few calm replies you could send, and what to leave out.</p>
      </div>
      <form method="get" action="/ex-reached-out" className="space-y-4">
        <ExReplyQuestion question={kind} chosen={[]} idPrefix="ex-start" />
        <button type="submit" className="btn-primary">
          Next
        </button>
      </form>
    </section>
  );
}
