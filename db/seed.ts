// Starter content the app needs to run. Idempotent: safe on every start.
import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { loadArticles } from "./articles";
import { loadCurriculum } from "./curriculum";
import { articles, lessons, modules, plans, productFiles, products } from "./schema";
import { textPdf } from "./workbook-pdf";

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

/** The seeded workbook's file: its key in the file store, and its bytes, written from code. */
export const SEED_WORKBOOK = {
  storageKey: "5eed0000-0000-4000-8000-000000000001.pdf",
  fileName: "no-contact-workbook.pdf",
  bytes: () =>
    textPdf("The first 30 days: a no-contact workbook", [
      {
        heading: "Before you start",
        lines: [
          "This workbook is for you, not a tactic to win anyone back.",
          "One short page a day. Skip a day if you need to; come back the next.",
          "Write by hand if you can. Nobody else reads this.",
        ],
      },
      {
        heading: "Day 1: What happened",
        lines: ["In five sentences or fewer, what happened?", "", "What do you most want to do right now?", "", "What would you tell a friend who wanted the same?"],
      },
      {
        heading: "Day 2: The urge to reach out",
        lines: ["When did you most want to message them today?", "", "What were you hoping they would say?", "", "What did you do instead? That counts."],
      },
      {
        heading: "Day 3: If they reach out",
        lines: ["Brief, kind, and then step back.", "Write a two-line reply you could send without regret:", "", "", "What will you not discuss? (the past, blame, getting back together)"],
      },
    ]),
};

/** Writes a file into the app's file store; the seed has no store of its own (db/ knows nothing of lib/). */
export type PutSeedFile = (key: string, bytes: Uint8Array, contentType: string) => Promise<void>;

/** One published workbook, only into an empty products table (coaches' edits are never overwritten). */
async function seedProducts(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7241003)`);
    const existing = await tx.select({ id: products.id }).from(products).limit(1);
    if (existing.length > 0) return;
    const [product] = await tx
      .insert(products)
      .values({
        slug: "no-contact-workbook",
        title: "The first 30 days: a no-contact workbook",
        summary: "A page a day for the first month: short prompts for the urge to reach out, the bad evenings and the day they text.",
        descriptionMd: [
          "The first weeks after a breakup are the loudest. This workbook gives each day one small page: a few questions, some space to write, and a reason behind each one.",
          "",
          "It follows the same approach as the Dojo: space is for **your** recovery, not a game to make anyone miss you. If you share children, a home or a job with your ex, the pages on limited contact are written for you.",
          "",
          "- A page for each of the first 30 days",
          "- What to do when the urge to message hits, and when they message you",
          "- Printable, or fill it in on a tablet",
        ].join("\n"),
        priceCents: 1900,
        currency: "usd",
        status: "published",
      })
      .returning({ id: products.id });
    if (!product) return;
    await tx.insert(productFiles).values({
      productId: product.id,
      storageKey: SEED_WORKBOOK.storageKey,
      fileName: SEED_WORKBOOK.fileName,
      contentType: "application/pdf",
      sizeBytes: SEED_WORKBOOK.bytes().byteLength,
    });
  });
}

/**
 * The starter content. `putFile` (the server passes its file store) writes the seeded
 * product's file when it is missing; without it only the rows are written.
 */
export async function seed(db: Db, putFile?: PutSeedFile): Promise<void> {
  await db.insert(plans).values([...starterPlans]).onConflictDoNothing();
  await seedCurriculum(db);
  await seedArticles(db);
  await seedProducts(db);
  if (putFile) await putFile(SEED_WORKBOOK.storageKey, SEED_WORKBOOK.bytes(), "application/pdf");
}
