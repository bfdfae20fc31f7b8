import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/current-user";
import { isCoach } from "@/lib/auth/roles";
import { getAccess } from "@/lib/billing/subscriptions";
import { getDb, tables } from "@/lib/db";
import { renderMarkdown } from "@/lib/markdown/render";
import { slugify as slugifyTitle } from "@/lib/slugs";

// The archive: issues that have gone out, as web pages. Each issue is public or
// for members (people with Dojo access; coaches see everything).

const issues = tables.newsletterIssues;
const PUBLISHED = inArray(issues.status, ["sending", "sent"]);

export const slugify = (subject: string): string => slugifyTitle(subject, "issue");

export const archivePath = (issue: { id: number; subject: string }) => `/newsletter/archive/${issue.id}-${slugify(issue.subject)}`;
/** Where members read a members-only letter: a Dojo page, because the public archive is one cached page for everyone. */
export const memberLetterPath = (issue: { id: number; subject: string }) => `/dojo/letters/${issue.id}-${slugify(issue.subject)}`;

/** The id at the front of an archive slug ("12-some-title" → 12). */
export function idFromSlug(slug: string): number | null {
  const m = /^(\d{1,9})(?:-|$)/.exec(slug);
  return m ? Number(m[1]) : null;
}

async function canReadMembersOnly(viewer: CurrentUser | null): Promise<boolean> {
  if (!viewer) return false;
  if (isCoach(viewer.role)) return true;
  return (await getAccess(viewer.id)).allowed;
}

/**
 * Every issue that has gone out, newest first: the same list for everyone (it is served from a
 * shared page cache), members-only ones marked as such.
 */
export async function listArchive() {
  const db = await getDb();
  const rows = await db.query.newsletterIssues.findMany({
    columns: { id: true, subject: true, visibility: true, startedAt: true },
    where: PUBLISHED,
    orderBy: [desc(issues.startedAt), desc(issues.id)],
    limit: 500,
  });
  return rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    path: archivePath(r),
    sentOn: r.startedAt,
    membersOnly: r.visibility === "members",
  }));
}
export type ArchiveItem = Awaited<ReturnType<typeof listArchive>>[number];
export type ArchivedIssue = NonNullable<Awaited<ReturnType<typeof getArchiveIssue>>>;

/**
 * One archived issue. Members-only issues show their subject to everyone and
 * their body only to members; drafts and scheduled issues do not exist here.
 */
export async function getArchiveIssue(viewer: CurrentUser | null, id: number) {
  if (!Number.isSafeInteger(id) || id < 1) return null;
  const db = await getDb();
  const row = await db.query.newsletterIssues.findFirst({
    columns: { id: true, subject: true, bodyMd: true, visibility: true, startedAt: true },
    where: and(eq(issues.id, id), PUBLISHED),
  });
  if (!row) return null;
  const readable = row.visibility === "public" || (await canReadMembersOnly(viewer));
  return {
    id: row.id,
    subject: row.subject,
    path: archivePath(row),
    memberPath: memberLetterPath(row),
    sentOn: row.startedAt,
    membersOnly: row.visibility === "members",
    readable,
    html: readable ? renderMarkdown(row.bodyMd) : null,
  };
}
