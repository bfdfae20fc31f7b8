import type { Metadata } from "next";
import { notFound, permanentRedirect, redirect } from "next/navigation";
import { ArchivedLetter } from "@/app/(public)/newsletter/archive/archived-letter";
import { requireUser } from "@/lib/auth/current-user";
import { getArchiveIssue, idFromSlug } from "@/lib/newsletter/archive";

export const metadata: Metadata = { title: "Letter", robots: { index: false } };

// A letter from the archive, for members: the public archive is one cached page for everyone,
// so members-only letters are read here, where the reader is known.
export default async function MemberLetterPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/dojo/letters/${slug}`);
  const id = idFromSlug(slug);
  // getArchiveIssue decides who may read a members-only letter (members with access, coaches).
  const issue = id === null ? null : await getArchiveIssue(user, id);
  if (!issue) notFound();
  if (`/dojo/letters/${slug}` !== issue.memberPath) permanentRedirect(issue.memberPath);
  if (issue.html === null) redirect("/pricing?from=dojo");
  return <ArchivedLetter issue={issue} invitations={false} />;
}
