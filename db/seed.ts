// Starter content the app needs to run. Idempotent: safe on every start.
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { loadArticles } from "./articles";
import { loadCurriculum } from "./curriculum";
import { articles, lessons, modules, plans } from "./schema";

/** The two membership plans, priced as in the Stripe emulator (dev/stripe-emulator seeds the same price ids). */
export const starterPlans = [
  { id: "monthly", name: "Monthly", interval: "month", amountCents: 1900, currency: "usd", stripePriceId: "price_dojo_monthly", trialDays: 7, sortOrder: 1 },
  { id: "yearly", name: "Yearly", interval: "year", amountCents: 15900, currency: "usd", stripePriceId: "price_dojo_yearly", trialDays: 7, sortOrder: 2 },
] as const;

/** The starter curriculum (content/curriculum), only into an empty Dojo: once coaches edit, their work is never overwritten. */
async function seedCurriculum(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    // One seeder at a time, even with two app instances starting together.
    await tx.execute(sql`select pg_advisory_xact_lock(7241001)`);
    const existing = await tx.select({ id: modules.id }).from(modules).limit(1);
    if (existing.length > 0) return;
    // Read only now: a running Dojo never needs the files again.
    const curriculum = await loadCurriculum();
    for (const [mi, m] of curriculum.entries()) {
      const [row] = await tx.insert(modules).values({ slug: m.slug, title: m.title, summary: m.summary, position: mi + 1 }).returning({ id: modules.id });
      if (!row) throw new Error(`could not seed module ${m.slug}`);
      await tx.insert(lessons).values(
        m.lessons.map((l, li) => ({
          moduleId: row.id,
          slug: l.slug,
          title: l.title,
          bodyMd: l.bodyMd,
          exerciseMd: l.exerciseMd,
          releaseOffsetDays: l.releaseOffsetDays,
          position: li + 1,
          status: "published" as const,
        })),
      );
    }
  });
}

/** The first articles (content/articles), published, only into an empty articles table: coaches' edits are never overwritten. */
async function seedArticles(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7241002)`);
    const existing = await tx.select({ id: articles.id }).from(articles).limit(1);
    if (existing.length > 0) return;
    const list = await loadArticles();
    const now = Date.now();
    // One second apart, in file order, so "newest first" lists the last file first.
    for (const [i, a] of list.entries()) {
      const at = new Date(now - (list.length - 1 - i) * 1000);
      await tx.insert(articles).values({ ...a, status: "published", publishedAt: at, createdAt: at, updatedAt: at });
    }
  });
}

export async function seed(db: Db): Promise<void> {
  await db.insert(plans).values([...starterPlans]).onConflictDoNothing();
  await seedCurriculum(db);
  await seedArticles(db);
}
