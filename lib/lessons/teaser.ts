import "server-only";
import { and, eq, inArray, or } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";

/**
 * The Dojo lesson each quiz prescription invites to, by the slug it had when this was
 * written: a coach may rename it since, and the lesson is then found through its old
 * slug's redirect. safety_first has none: it points to the Get help page, not a sale.
 */
export const lessonForPrescription: Record<string, string> = {
  limited_contact: "when-you-cant-disappear",
  brief_kind_reply: "reply-briefly-and-kindly",
  step_back_reset: "the-urge-to-explain",
  focus_on_you: "back-to-you",
  stay_the_course: "no-contact-done-well",
  start_with_space: "space-is-for-you",
};

/**
 * The Dojo lesson that matches a quiz prescription: its title and address only,
 * never its content (that stays behind the member gate).
 */
export async function lessonTeaserFor(prescriptionId: string): Promise<{ slug: string; title: string; moduleTitle: string } | null> {
  const slug = lessonForPrescription[prescriptionId];
  if (!slug) return null;
  const db = await getDb();
  const renamedFrom = db.select({ id: tables.lessonSlugRedirects.lessonId }).from(tables.lessonSlugRedirects).where(eq(tables.lessonSlugRedirects.oldSlug, slug));
  const [row] = await db
    .select({ slug: tables.lessons.slug, title: tables.lessons.title, moduleTitle: tables.modules.title })
    .from(tables.lessons)
    .innerJoin(tables.modules, eq(tables.modules.id, tables.lessons.moduleId))
    .where(and(or(eq(tables.lessons.slug, slug), inArray(tables.lessons.id, renamedFrom)), eq(tables.lessons.status, "published")))
    .limit(1);
  return row ?? null;
}
