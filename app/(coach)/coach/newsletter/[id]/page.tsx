import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCoach } from "@/lib/auth/current-user";
import { routeId } from "@/lib/http/route-id";
import { renderMarkdown } from "@/lib/markdown/render";
import { archivePath, memberLetterPath } from "@/lib/newsletter/archive";
import { AUDIENCE_LABELS } from "@/lib/newsletter/audience";
import { audienceSizes, getIssue } from "@/lib/newsletter/issues";
import { getIssueProgress } from "@/lib/newsletter/progress";
import { formatInZone, instantToLocal } from "@/lib/newsletter/schedule-time";
import { IssueEditor } from "../issue-editor";
import { IssueProgress } from "../issue-progress";

export const metadata: Metadata = { title: "Issue", robots: { index: false } };

const notices: Record<string, string> = {
  saved: "Saved.",
  test: "Saved, and a test copy is on its way to you.",
  scheduled: "Scheduled. It will go out on its own at that time.",
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string; error?: string }> };

export default async function IssuePage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const coach = await requireCoach(`/coach/newsletter/${raw}`);
  const id = routeId(raw);
  const issue = id ? await getIssue(coach, id) : null;
  if (!issue) notFound();
  const { notice, error } = await searchParams;
  const back = (
    <p className="text-sm">
      <Link href="/coach/newsletter" className="link">
        ← Newsletter
      </Link>
    </p>
  );

  if (issue.status === "draft" || issue.status === "scheduled") {
    const sizes = await audienceSizes(coach);
    return (
      <div className="space-y-6">
        {back}
        <h1 className="font-serif text-3xl font-semibold">{issue.status === "draft" ? "Draft" : "Scheduled issue"}</h1>
        <IssueEditor
          issue={{
            id: issue.id,
            subject: issue.subject,
            bodyMd: issue.bodyMd,
            audience: issue.audience,
            visibility: issue.visibility,
            status: issue.status,
            scheduledLocal: issue.scheduledAt ? instantToLocal(issue.scheduledAt, coach.timeZone) : null,
            scheduledLabel: issue.scheduledAt ? formatInZone(issue.scheduledAt, coach.timeZone) : null,
          }}
          sizes={sizes}
          timeZone={coach.timeZone}
          notice={notice ? notices[notice] : undefined}
          error={error?.slice(0, 300)}
        />
      </div>
    );
  }

  const progress = await getIssueProgress(coach, issue.id);
  return (
    <div className="space-y-6">
      {back}
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">{issue.subject}</h1>
        <p className="text-sm text-muted">
          {AUDIENCE_LABELS[issue.audience]} · {issue.visibility === "public" ? "public in the archive" : "members-only in the archive"}
          {issue.startedAt ? ` · started ${formatInZone(issue.startedAt, coach.timeZone)}` : ""}
        </p>
        <p>
          {/* A plain link: the Dojo page has its own (nonce) policy. */}
          <a href={issue.visibility === "public" ? archivePath(issue) : memberLetterPath(issue)} className="link">
            See it in the archive
          </a>
        </p>
      </header>
      {progress ? <IssueProgress issueId={issue.id} initial={progress} /> : null}
      <section aria-label="The letter as sent" className="space-y-3 rounded-2xl border border-line bg-paper p-5">
        <div className="lesson-prose break-words" dangerouslySetInnerHTML={{ __html: renderMarkdown(issue.bodyMd) }} />
      </section>
    </div>
  );
}
