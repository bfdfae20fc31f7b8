import type { Metadata } from "next";
import Link from "next/link";
import { DetailsStep, KindStep } from "@/app/components/ex-reply-questions";
import { myContactLog } from "@/lib/checkins/member";
import { requireDojoAccess } from "@/lib/dojo/gate";
import { currentExDefinition } from "@/lib/ex-reply/definitions";
import { advise } from "@/lib/ex-reply/engine";
import { exFlowHref, resolveExFlow } from "@/lib/ex-reply/flow";
import { mySavedExMessages, tiesFromQuiz } from "@/lib/ex-reply/member";
import { formatDay, todayIn } from "@/lib/lessons/calendar";
import { LogContactButton } from "./log-contact-button";
import { ReplyWorkspace } from "./reply-workspace";
import { SavedMessages } from "./saved-messages";
import { toSearchParams, type PageSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "My ex reached out", robots: { index: false } };

const BASE = "/dojo/ex-reached-out";
const contactLabel = { ex_reached_out: "They reached out", i_reached_out: "You reached out" } as const;

export default async function MemberExReachedOut({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const { user } = await requireDojoAccess(BASE);
  const def = currentExDefinition;
  const [state, saved, log, quizTies] = await Promise.all([searchParams.then((sp) => resolveExFlow(def, toSearchParams(sp))), mySavedExMessages(user), myContactLog(user, 5), tiesFromQuiz(user)]);
  const today = todayIn(user.timeZone);

  const footer = (
    <>
      <SavedMessages messages={saved} />
      <section aria-labelledby="log" className="space-y-2">
        <h2 id="log" className="font-serif text-xl font-semibold">
          Your contact log
        </h2>
        {log.length === 0 ? (
          <p className="text-sm text-muted">Nothing logged yet.</p>
        ) : (
          <ul className="space-y-1">
            {log.map((e) => (
              <li key={e.id}>
                {formatDay(e.onDate)}: {contactLabel[e.kind]}
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm">
          <Link href="/dojo/check-ins" className="link">
            Everything in your check-ins
          </Link>
        </p>
      </section>
    </>
  );

  if (state.step === "kind") {
    return (
      <div className="space-y-10">
        <div className="space-y-4">
          <p className="text-sm font-semibold uppercase tracking-wide text-clay">My ex reached out</p>
          <p className="leading-relaxed text-muted">Take a breath: you don’t have to answer this minute. A few quick questions, then some calm replies to choose from. You can paste their message on the next page to think it through.</p>
          <KindStep action={BASE} question={state.question} answers={state.answers} carry={state.carry} error={state.error} />
        </div>
        {footer}
      </div>
    );
  }
  if (state.step === "details") {
    return (
      <div className="space-y-10">
        <DetailsStep
          action={BASE}
          questions={state.questions}
          answers={state.answers}
          {...(quizTies ? { prefill: { ties: quizTies }, prefillNote: "We filled this in from the quiz result you kept. Change it if things are different now." } : {})}
          carry={state.carry}
          issues={state.issues}
          backHref={exFlowHref(BASE, state.carry, "kind")}
        />
        {footer}
      </div>
    );
  }

  const loggedToday = log.some((e) => e.kind === "ex_reached_out" && e.onDate === today);
  return (
    <div className="space-y-10">
      <ReplyWorkspace
        advice={state.advice}
        safety={advise(def, { kind: "threat" })}
        pairs={state.pairs}
        changeHref={exFlowHref(BASE, state.pairs, state.advice.kind === "safety" && state.answers.kind === "threat" ? "kind" : "details")}
      >
        <section aria-labelledby="log-today" className="space-y-2 rounded-2xl border border-line bg-card p-5">
          <h2 id="log-today" className="font-serif text-xl font-semibold">
            Keep track
          </h2>
          <LogContactButton today={today} loggedToday={loggedToday} />
        </section>
      </ReplyWorkspace>
      {footer}
    </div>
  );
}
