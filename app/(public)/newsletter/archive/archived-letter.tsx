import Link from "next/link";
import { NewsletterSignup } from "@/app/components/newsletter-signup";
import type { ArchivedIssue } from "@/lib/newsletter/archive";
import { QuizInvite } from "./quiz-invite";

const day = (d: Date | null) => (d ? d.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }) : "");

/**
 * One letter. `issue.html` is null for a members-only letter read by someone who may not open it
 * (always the case in the cached public archive): it shows where members read it instead.
 */
export function ArchivedLetter({ issue, invitations = true }: { issue: ArchivedIssue; invitations?: boolean }) {
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <p className="text-sm text-muted">
          <Link href="/newsletter/archive" className="link">
            ex-communication
          </Link>{" "}
          · <time dateTime={issue.sentOn?.toISOString()}>{day(issue.sentOn)}</time>
          {issue.membersOnly ? " · for members" : ""}
        </p>
        <h1 className="font-serif text-3xl font-semibold leading-tight sm:text-4xl">{issue.subject}</h1>
      </header>
      {issue.html !== null ? (
        // Rendered from the coach's Markdown by lib/markdown (raw HTML escaped, unsafe links refused).
        <div className="lesson-prose text-lg" dangerouslySetInnerHTML={{ __html: issue.html }} />
      ) : (
        <section className="space-y-3 rounded-2xl border border-line bg-card p-5">
          <p className="leading-relaxed">This letter is for Dojo members. If you’re a member, it’s waiting for you in the Dojo (you may be asked to sign in first).</p>
          <a href={issue.memberPath} className="btn-secondary">
            Read it in the Dojo
          </a>
        </section>
      )}
      {invitations ? (
        <>
          <QuizInvite />
          <NewsletterSignup source="newsletter" title="Get the next one by email" />
        </>
      ) : null}
    </article>
  );
}
