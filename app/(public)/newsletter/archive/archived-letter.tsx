import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { NewsletterSignup } from "@/app/components/newsletter-signup";
import { getCurrentUser } from "@/lib/auth/current-user";
import { getArchiveIssue, idFromSlug } from "@/lib/newsletter/archive";
import { QuizInvite } from "../quiz-invite";

type Props = { params: Promise<{ slug: string }> };

const day = (d: Date | null) => (d ? d.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }) : "");

async function load(slug: string) {
  const id = idFromSlug(slug);
  return id === null ? null : getArchiveIssue(await getCurrentUser(), id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const issue = await load((await params).slug);
  if (!issue) return { title: "Letter not found" };
  return { title: issue.subject, robots: issue.membersOnly ? { index: false } : undefined };
}

export default async function ArchivedIssuePage({ params }: Props) {
  const { slug } = await params;
  const issue = await load(slug);
  if (!issue) notFound();
  // One address per letter: an old or shortened slug leads to the current one.
  if (`/newsletter/archive/${slug}` !== issue.path) permanentRedirect(issue.path);

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
          <p className="leading-relaxed">This letter is for Dojo members. If you’re a member, sign in and it’s right here.</p>
          <a href={`/signin?${new URLSearchParams({ callbackUrl: issue.path })}`} className="btn-secondary">
            Sign in
          </a>
        </section>
      )}
      <QuizInvite />
      <NewsletterSignup source="newsletter" title="Get the next one by email" />
    </article>
  );
}
