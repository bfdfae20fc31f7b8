"use client";

import { FLOWCHART_END, flowcharts, type Step } from "@/lib/articles/flowchart";

// A decision tree as plain sections and links: each answer is an anchor to the
// next step, so it works without JavaScript, by keyboard, and with Back. Where
// the browser supports :has(), only the step in the address (or the first one)
// shows; elsewhere every step shows, one after the other.
//
// A client component with no state, on purpose: its steps come from the
// bundled flowchart data, so the server sends them once as HTML and the browser
// keeps the data in a cached script. As a server component every step would
// travel a second time in the page's React payload, and a cached page costs
// the server in proportion to its bytes.
const container =
  "space-y-4 [&:has(.tree-step:target)>.tree-step:not(:target)]:hidden [&:not(:has(.tree-step:target))>.tree-step:not(.tree-start)]:hidden";

function StepView({ step, start }: { step: Step; start: string }) {
  const titleId = `${step.id}-title`;
  return (
    <section id={step.id} aria-labelledby={titleId} className={step.id === start ? "tree-step tree-start" : "tree-step"}>
      <h3 id={titleId} className="font-serif text-xl font-semibold">
        {step.title}
      </h3>
      {step.kind === "question" ? (
        <ul className="mt-4 flex flex-col gap-3">
          {step.answers.map((answer) => (
            <li key={answer.to + answer.label}>
              <a href={`#${answer.to}`} className="btn-secondary tree-answer">
                {answer.label}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-3 space-y-3">
          {step.advice.map((line) => (
            <p key={line} className="leading-relaxed">
              {line}
            </p>
          ))}
          <p className="flex flex-wrap items-center gap-3 pt-1">
            {step.urgent ? (
              <a href={step.urgent.href} className="btn-primary">
                {step.urgent.label}
              </a>
            ) : null}
            <a href={FLOWCHART_END.href} className={step.urgent ? "btn-secondary" : "btn-primary"}>
              {FLOWCHART_END.label}
            </a>
            <a href={`#${start}`} className="link">
              Start again
            </a>
          </p>
        </div>
      )}
    </section>
  );
}

/** The decision tree named `name`, or nothing when there is none by that name. */
export function DecisionTree({ name }: { name: string }) {
  const chart = flowcharts[name];
  if (!chart) return null;
  const titleId = `tree-${chart.name}`;
  return (
    <section aria-labelledby={titleId} className="space-y-4 rounded-3xl bg-brand-soft p-4 sm:p-6">
      <div className="space-y-2">
        <h2 id={titleId} className="font-serif text-2xl font-semibold">
          {chart.title}
        </h2>
        <p className="leading-relaxed">{chart.intro}</p>
      </div>
      <div className={container}>
        {chart.steps.map((step) => (
          <StepView key={step.id} step={step} start={chart.start} />
        ))}
      </div>
    </section>
  );
}
