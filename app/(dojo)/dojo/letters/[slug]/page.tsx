import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArchivedLetter } from "@/app/(public)/newsletter/archive/archived-letter";
import { requireDojoAccess } from "@/lib/dojo/gate";
import { getArchiveIssue, idFromSlug } from "@/lib/newsletter/archive";

export const metadata: Metadata = { title: "Letter", robots: { index: false } };

// A letter from the archive, for members: the public archive is one cached page for everyone,
// so members-only letters are read here, where the reader is known.
export default async function MemberLetterPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user } = await requireDojoAccess(`/dojo/letters/${slug}`);
  const id = idFromSlug(slug);
  const issue = id === null ? null : await getArchiveIssue(user, id);
  if (!issue) notFound();
  if (`/dojo/letters/${slug}` !== issue.memberPath) permanentRedirect(issue.memberPath);
  return <ArchivedLetter issue={issue} invitations={false} />;
}
