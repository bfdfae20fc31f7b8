import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getArchiveIssue, idFromSlug, listArchive } from "@/lib/newsletter/archive";
import { archiveMetadata, ArchiveList } from "../archive-list";
import { ArchivedLetter } from "../archived-letter";

// The archive (/newsletter/archive) and each letter (/newsletter/archive/12-some-subject), one
// route so both can be served from Next's page cache: rendered on the first visit after a start
// (never at build, which has no database), then again at most once a minute, so a letter sent
// from one instance shows on every instance within a minute. The pages are the same for
// everyone: members read members-only letters in the Dojo (/dojo/letters/…).
export const revalidate = 60;
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ slug?: string[] }[]> {
  return [];
}

type Props = { params: Promise<{ slug?: string[] }> };

async function letter(slug: string[]) {
  const id = slug.length === 1 ? idFromSlug(slug[0]!) : null;
  return id === null ? null : getArchiveIssue(null, id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug = [] } = await params;
  if (slug.length === 0) return { ...archiveMetadata, alternates: { canonical: "/newsletter/archive" } };
  const issue = await letter(slug);
  if (!issue) return { title: "Letter not found" };
  return { title: issue.subject, alternates: { canonical: issue.path }, robots: issue.membersOnly ? { index: false } : undefined };
}

export default async function ArchivePage({ params }: Props) {
  const { slug = [] } = await params;
  if (slug.length === 0) return <ArchiveList issues={await listArchive()} />;
  const issue = await letter(slug);
  if (!issue) notFound();
  // One address per letter: an old or shortened slug leads to the current one.
  if (`/newsletter/archive/${slug[0]}` !== issue.path) permanentRedirect(issue.path);
  return <ArchivedLetter issue={issue} />;
}
