import "server-only";
import { and, eq } from "drizzle-orm";
import { lessonForPrescription } from "@/db/curriculum";
import { getDb, tables } from "@/lib/db";

/**
 * The Dojo lesson that matches a quiz prescription: its title and address only,
 * never its content (that stays behind the member gate).
 */
export async function lessonTeaserFor(prescriptionId: string): Promise<{ slug: string; title: string; moduleTitle: string } | null> {
  const slug = lessonForPrescription[prescriptionId];
  if (!slug) return null;
  const db = await getDb();
  const [row] = await db
    .select({ slug: tables.lessons.slug, title: tables.lessons.title, moduleTitle: tables.modules.title })
    .from(tables.lessons)
    .innerJoin(tables.modules, eq(tables.modules.id, tables.lessons.moduleId))
    .where(and(eq(tables.lessons.slug, slug), eq(tables.lessons.status, "published")))
    .limit(1);
  return row ?? null;
}
