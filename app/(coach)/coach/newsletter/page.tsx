import type { Metadata } from "next";
import Link from "next/link";
import { requireCoach } from "@/lib/auth/current-user";
import { subscriberCounts } from "@/lib/newsletter/import-export";
import { listIssues, type IssueListItem } from "@/lib/newsletter/issues";
import { formatInZone } from "@/lib/newsletter/schedule-time";

export const metadata: Metadata = { title: "Newsletter", robots: { index: false } };

const n = (x: number | null) => (x ?? 0).toLocaleString("en-US");

function statusLine(issue: IssueListItem, timeZone: string): string {
  switch (issue.status) {
    case "draft":
      return "Draft";
    case "scheduled":
      return issue.scheduledAt ? `Scheduled for ${formatInZone(issue.scheduledAt, timeZone)}` : "Scheduled";
    case "sending":
      return `Sending to ${n(issue.recipientCount)}`;
    case "sent":
      return `Sent ${issue.finishedAt ? formatInZone(issue.finishedAt, timeZone) : ""} · ${n(issue.sentCount)} delivered${issue.failedCount ? `, ${n(issue.failedCount)} failed` : ""}`;
  }
}

export default async function CoachNewsletterPage() {
  const coach = await requireCoach("/coach/newsletter");
  const [issues, counts] = await Promise.all([listIssues(coach), subscriberCounts(coach)]);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-semibold">Newsletter</h1>
        <Link href="/coach/newsletter/new" className="btn-primary">
          Write an issue
        </Link>
      </div>

      <section aria-labelledby="list" className="space-y-3 rounded-2xl border border-line bg-card p-5">
        <h2 id="list" className="text-lg font-semibold">
          Subscribers
        </h2>
        <p>
          <span className="font-semibold">{n(counts.confirmed)}</span> confirmed · {n(counts.pending)} waiting to confirm · {n(counts.unsubscribed)} unsubscribed
        </p>
        <p className="flex flex-wrap gap-x-5 gap-y-2">
          <Link href="/coach/newsletter/subscribers" className="link">
            Import or export the list
          </Link>
          <Link href="/newsletter/archive" className="link">
            The public archive
          </Link>
        </p>
      </section>

      <section aria-labelledby="issues" className="space-y-3">
        <h2 id="issues" className="text-lg font-semibold">
          Issues
        </h2>
        {issues.length === 0 ? (
          <p className="text-muted">No issues yet. The first one can be short: one situation, what helps, and why.</p>
        ) : (
          <ul className="divide-y divide-line rounded-2xl border border-line bg-card">
            {issues.map((issue) => (
              <li key={issue.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 p-4">
                <Link href={`/coach/newsletter/${issue.id}`} className="link">
                  {issue.subject}
                </Link>
                <span className="text-sm text-muted">{statusLine(issue, coach.timeZone)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
