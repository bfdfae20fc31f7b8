import Link from "next/link";
import { NewsletterSignup } from "@/app/components/newsletter-signup";
import type { ArchiveItem } from "@/lib/newsletter/archive";
import { QuizInvite } from "./quiz-invite";

export const archiveMetadata = {
  title: "Past letters",
  description: "Every ex-communication letter so far: short, practical notes about the weeks after a breakup.",
};

const day = (d: Date | null) => (d ? d.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }) : "");

export function ArchiveList({ issues }: { issues: ArchiveItem[] }) {
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-clay">ex-communication</p>
        <h1 className="font-serif text-4xl font-semibold">Past letters</h1>
        <p className="text-lg leading-relaxed text-muted">
          Everything the coach has sent so far, newest first. Read them here; no email needed.
        </p>
      </header>
      {issues.length === 0 ? (
        <p className="rounded-2xl border border-line bg-card p-5 leading-relaxed">
          The first letter hasn’t gone out yet. Subscribe below and it’ll come to you.
        </p>
      ) : (
        <ul className="divide-y divide-line rounded-2xl border border-line bg-card">
          {issues.map((issue) => (
            <li key={issue.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 p-4">
              <Link href={issue.path} className="link text-lg">
                {issue.subject}
              </Link>
              <span className="flex items-center gap-2 text-sm text-muted">
                {issue.membersOnly ? <span className="rounded-full bg-clay-soft px-2 py-0.5 text-xs font-medium text-clay">For members</span> : null}
                <time dateTime={issue.sentOn?.toISOString()}>{day(issue.sentOn)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      <QuizInvite />
      <NewsletterSignup source="newsletter" />
    </div>
  );
}
