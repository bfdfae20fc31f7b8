import type { QuestionView } from "@/lib/quiz/answer-input";
import type { Answers } from "@/lib/quiz/schema";

// The "my ex reached out" questions as plain GET forms: the answers live in
// the address, so the flow works without JavaScript, and back and refresh keep
// them. Nothing free-text is ever asked here (pasted words go by POST only).

export function ExReplyQuestion({
  question: q,
  chosen,
  error,
  idPrefix = "ex",
  headingLevel = 2,
}: {
  question: QuestionView;
  /** What to show as chosen: the answer so far, or a prefill. */
  chosen: string[];
  error?: string | undefined;
  idPrefix?: string;
  headingLevel?: 1 | 2;
}) {
  if (q.kind === "number") return null;
  const H = headingLevel === 1 ? "h1" : "h2";
  const helpId = `${idPrefix}-${q.id}-help`;
  const errorId = `${idPrefix}-${q.id}-error`;
  const describedBy = [q.help ? helpId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="space-y-3" aria-describedby={describedBy}>
      <legend className="mb-2">
        <H className={headingLevel === 1 ? "font-serif text-2xl font-semibold leading-snug sm:text-3xl" : "font-serif text-xl font-semibold leading-snug"}>{q.prompt}</H>
      </legend>
      {q.help ? (
        <p id={helpId} className="leading-relaxed text-muted">
          {q.help}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="rounded-lg bg-alert-soft px-4 py-2 font-medium text-alert">
          {error}
        </p>
      ) : null}
      <div className="space-y-2">
        {q.options.map((o) => (
          <label key={o.id} className="option-row">
            <input
              type={q.kind === "single" ? "radio" : "checkbox"}
              name={q.id}
              value={o.id}
              defaultChecked={chosen.includes(o.id)}
              {...(error ? { "aria-invalid": true } : {})}
              className="size-5 shrink-0 accent-brand"
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const given = (answers: Answers, id: string): string[] => {
  const a = answers[id];
  return a === undefined ? [] : Array.isArray(a) ? a : [String(a)];
};

/** Hidden fields carrying answers given on an earlier step. */
export function HiddenAnswers({ pairs }: { pairs: [string, string][] }) {
  return (
    <>
      {pairs.map(([name, value]) => (
        <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/** Step one: what kind of message it was. */
export function KindStep({ action, question, answers, carry, error }: { action: string; question: QuestionView; answers: Answers; carry: [string, string][]; error?: string | undefined }) {
  return (
    <form method="get" action={action} className="space-y-6">
      <HiddenAnswers pairs={carry} />
      <ExReplyQuestion question={question} chosen={given(answers, question.id)} error={error} headingLevel={1} />
      <button type="submit" className="btn-primary">
        Next
      </button>
    </form>
  );
}

/** Step two: the rest, on one page, with "what kind" carried along. */
export function DetailsStep({
  action,
  questions,
  answers,
  prefill,
  prefillNote,
  carry,
  issues,
  backHref,
}: {
  action: string;
  questions: QuestionView[];
  answers: Answers;
  /** Chosen when there is no answer yet (a member's situation from their quiz). */
  prefill?: Answers;
  prefillNote?: string | undefined;
  carry: [string, string][];
  issues: Record<string, string>;
  backHref: string;
}) {
  return (
    <form method="get" action={action} className="space-y-8">
      <HiddenAnswers pairs={carry} />
      <input type="hidden" name="step" value="details" />
      <h1 className="font-serif text-2xl font-semibold leading-snug sm:text-3xl">A little about where things stand</h1>
      {questions.map((q) => (
        <div key={q.id} className="space-y-2">
          <ExReplyQuestion question={q} chosen={given(answers, q.id).length > 0 ? given(answers, q.id) : given(prefill ?? {}, q.id)} error={issues[q.id]} />
          {q.id === "ties" && prefillNote && given(answers, q.id).length === 0 ? <p className="text-sm text-muted">{prefillNote}</p> : null}
          {q.id === "afraid" ? <p className="text-sm text-muted">If you answer yes, you can skip the rest: help comes first.</p> : null}
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <a href={backHref} className="btn-secondary">
          Back
        </a>
        <button type="submit" className="btn-primary ml-auto">
          Show me what to say
        </button>
      </div>
    </form>
  );
}
