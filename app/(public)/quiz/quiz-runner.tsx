"use client";

import { useEffect, useRef, useState } from "react";
import { FormError } from "@/app/components/form-error";
import type { QuestionView } from "@/lib/quiz/answer-input";
import { answerToFields } from "@/lib/quiz/answer-input";
import type { Answers } from "@/lib/quiz/schema";
import { resolveStep, stepPosition, visibleViews, type StepState } from "@/lib/quiz/step-state";
import { answersToPairs, quizHref } from "@/lib/quiz/url-state";

interface Props {
  version: number;
  questions: QuestionView[];
  initial: StepState;
  notice?: string;
}

function paramsOf(form: HTMLFormElement): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (typeof value === "string") params.append(key, value);
  return params;
}

function sendFunnelEvent(version: number, questionId: string, first: boolean) {
  const send = (body: object) =>
    navigator.sendBeacon?.("/api/quiz/events", new Blob([JSON.stringify(body)], { type: "application/json" }));
  if (first) send({ type: "started", version });
  send({ type: "answered", version, questionId });
}

function HiddenAnswers({ questions, answers, except }: { questions: QuestionView[]; answers: Answers; except?: string }) {
  return answersToPairs(questions, answers, except).map(([name, value]) => (
    <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
  ));
}

function describeAnswer(q: QuestionView, answers: Answers): string {
  const value = answers[q.id];
  if (q.kind === "number") return `${String(value)} ${q.unit}`;
  const fields = answerToFields(value);
  return q.options
    .filter((o) => fields.includes(o.id))
    .map((o) => o.label)
    .join(", ");
}

/**
 * One question per step. Rendered on the server as plain GET forms (so it works
 * without JavaScript); once hydrated it answers steps in the browser with the
 * same resolveStep the server uses, keeping the address in sync for refresh
 * and the back button.
 */
export function QuizRunner({ version, questions, initial, notice }: Props) {
  // In the browser the address is the truth: the prerendered /quiz only knows the first question,
  // and Next's router may show it again for an address with answers (a back press into an entry
  // made before a reload). resolveStep is pure, so on a page the server rendered for this very
  // address, this is the same state it rendered.
  const [state, setState] = useState(() => (typeof window === "undefined" ? initial : resolveStep(questions, new URLSearchParams(window.location.search))));
  const [submitting, setSubmitting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    const onPop = () => setState(resolveStep(questions, new URLSearchParams(window.location.search)));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [questions]);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [state.current?.id, state.error]);

  function go(next: StepState) {
    setState(next);
    window.history.pushState(null, "", quizHref(questions, next.answers, next.current?.id));
  }

  function onStepSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = resolveStep(questions, paramsOf(event.currentTarget));
    if (next.error) {
      setState(next);
      return;
    }
    if (next.answered) {
      sendFunnelEvent(version, next.answered, next.answered === questions[0]?.id);
      // Rewrite the entry being left so the back button returns to this question with its answer.
      window.history.replaceState(null, "", quizHref(questions, next.answers, next.answered));
    }
    go(next);
  }

  function onBack(event: React.MouseEvent<HTMLAnchorElement>, at: string) {
    event.preventDefault();
    go(resolveStep(questions, new URLSearchParams([...answersToPairs(questions, state.answers), ["at", at]])));
  }

  // Checking an exclusive option ("none of these") clears the others, and the other way round.
  function onCheckboxChange(event: React.ChangeEvent<HTMLInputElement>, exclusive: boolean) {
    if (!event.target.checked) return;
    const boxes = event.target.form?.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${event.target.name}"]`);
    boxes?.forEach((box) => {
      if (box !== event.target && (exclusive || box.dataset.exclusive === "true")) box.checked = false;
    });
  }

  const { step, total } = stepPosition(questions, state);
  const visible = visibleViews(questions, state.answers);
  const q = state.current;
  const previous = q ? visible[visible.findIndex((v) => v.id === q.id) - 1] : visible.at(-1);
  const errorId = q ? `${q.id}-error` : undefined;
  const helpId = q?.help ? `${q.id}-help` : undefined;
  const describedBy = [helpId, state.error ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  const current = q ? answerToFields(state.answers[q.id]) : [];

  return (
    <div className="space-y-6">
      <div>
        <p className="mb-2 text-sm font-medium text-muted" aria-live="polite">
          {q ? `Question ${step} of ${total}` : "All done"}
        </p>
        <progress className="block h-2 w-full appearance-none overflow-hidden rounded-full bg-line [&::-moz-progress-bar]:bg-brand [&::-webkit-progress-bar]:bg-line [&::-webkit-progress-value]:rounded-full [&::-webkit-progress-value]:bg-brand" value={q ? step - 1 : total} max={total} aria-label="Quiz progress" />
      </div>

      {q ? (
        <form key={q.id} method="get" action="/quiz" noValidate onSubmit={onStepSubmit} className="space-y-6">
          <HiddenAnswers questions={questions} answers={state.answers} except={q.id} />
          <input type="hidden" name="from" value={q.id} />
          <fieldset className="space-y-4" aria-describedby={describedBy}>
            <legend className="mb-2">
              <h1 ref={headingRef} tabIndex={-1} className="font-serif text-2xl font-semibold leading-snug outline-none sm:text-3xl">
                {q.prompt}
              </h1>
            </legend>
            {q.help ? (
              <p id={helpId} className="leading-relaxed text-muted">
                {q.help}
              </p>
            ) : null}
            <FormError state={state} id={errorId} />
            {q.kind === "number" ? (
              <div className="flex items-center gap-3">
                <label htmlFor={`${q.id}-input`} className="sr-only">
                  Number of {q.unit}
                </label>
                <input
                  id={`${q.id}-input`}
                  name={q.id}
                  type="number"
                  inputMode="numeric"
                  min={q.min}
                  max={q.max}
                  defaultValue={current[0] ?? ""}
                  aria-invalid={state.error ? true : undefined}
                  className="w-32 rounded-xl border-2 border-line bg-card px-4 py-3 text-lg text-ink focus:border-brand"
                />
                <span aria-hidden="true" className="text-lg">
                  {q.unit}
                </span>
              </div>
            ) : (
              <div className="space-y-3">
                {q.options.map((o) => (
                  <label key={o.id} className="option-row">
                    <input
                      type={q.kind === "single" ? "radio" : "checkbox"}
                      name={q.id}
                      value={o.id}
                      defaultChecked={current.includes(o.id)}
                      data-exclusive={o.exclusive ? "true" : undefined}
                      onChange={q.kind === "multi" ? (e) => onCheckboxChange(e, Boolean(o.exclusive)) : undefined}
                      className="size-5 shrink-0 accent-brand"
                    />
                    <span>{o.label}</span>
                  </label>
                ))}
              </div>
            )}
          </fieldset>
          <div className="flex items-center gap-3">
            {previous ? (
              <a href={quizHref(questions, state.answers, previous.id)} onClick={(e) => onBack(e, previous.id)} className="btn-secondary">
                Back
              </a>
            ) : null}
            <button type="submit" className="btn-primary ml-auto">
              Next
            </button>
          </div>
        </form>
      ) : (
        <div className="space-y-6">
          <h1 ref={headingRef} tabIndex={-1} className="font-serif text-2xl font-semibold outline-none sm:text-3xl">
            Thank you. Your plan is ready.
          </h1>
          <p className="leading-relaxed text-muted">Here is what you told us. You can change anything before you see your plan.</p>
          <FormError state={{ error: notice === "busy" ? "Lots of plans were asked for from your connection just now. Please wait a minute, then try again — your answers are kept." : undefined }} />
          <dl className="divide-y divide-line rounded-2xl border border-line bg-card">
            {visible.map((v) => (
              <div key={v.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
                <dt className="text-sm text-muted">{v.prompt}</dt>
                <dd className="flex items-baseline justify-between gap-4 font-medium sm:justify-end">
                  <span>{describeAnswer(v, state.answers)}</span>
                  <a href={quizHref(questions, state.answers, v.id)} onClick={(e) => onBack(e, v.id)} className="link shrink-0 text-sm">
                    Change<span className="sr-only"> answer to “{v.prompt}”</span>
                  </a>
                </dd>
              </div>
            ))}
          </dl>
          <form method="post" action="/quiz/complete" onSubmit={() => setSubmitting(true)}>
            <HiddenAnswers questions={questions} answers={state.answers} />
            <button type="submit" className="btn-primary w-full sm:w-auto" disabled={submitting}>
              {submitting ? "Preparing your plan…" : "Show my plan"}
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
