import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { lessons, productFiles, productLessons, products } from "@/db/schema";
import { seed } from "@/db/seed";
import { openFreshTestDatabase, testDatabases } from "@/db/testing";
import { publishedProduct, publishedProducts } from "./catalogue";

describe.each(testDatabases())("the public catalogue on $kind", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openFreshTestDatabase(target);
    await seed(handle.db);
  });
  afterAll(() => handle.close());

  it("lists published products only, with what each delivers", async () => {
    const [audio] = await handle.db.insert(products).values({ slug: "evening-audio", title: "Evening audio", priceCents: 900, currency: "eur", status: "published" }).returning({ id: products.id });
    await handle.db.insert(products).values({ slug: "secret-draft", title: "Draft", priceCents: 900 });
    await handle.db.insert(productFiles).values([
      { productId: audio?.id ?? 0, storageKey: "00000000-0000-4000-8000-0000000000a1.mp3", fileName: "one.mp3", contentType: "audio/mpeg", sizeBytes: 10 },
      { productId: audio?.id ?? 0, storageKey: "00000000-0000-4000-8000-0000000000a2.mp3", fileName: "two.mp3", contentType: "audio/mpeg", sizeBytes: 20 },
    ]);
    expect(await publishedProducts()).toEqual([
      expect.objectContaining({ slug: "no-contact-workbook", priceCents: 1900, currency: "usd", formats: ["PDF"] }),
      expect.objectContaining({ slug: "evening-audio", priceCents: 900, currency: "eur", formats: ["2 audio files"] }),
    ]);
    expect(await publishedProduct("secret-draft")).toBeNull();
    expect(await publishedProduct("no-such-thing")).toBeNull();
  });

  it("shows one product's files in order, its published bonus lessons, and its description rendered safely", async () => {
    const [product] = await handle.db.select({ id: products.id }).from(products).where(eq(products.slug, "no-contact-workbook"));
    await handle.db.update(products).set({ descriptionMd: "**Bold** <script>alert(1)</script>" }).where(eq(products.id, product?.id ?? 0));
    const [open, draft] = await handle.db.select({ id: lessons.id, title: lessons.title }).from(lessons).limit(2);
    await handle.db.update(lessons).set({ status: "draft" }).where(eq(lessons.id, draft?.id ?? 0));
    await handle.db.insert(productLessons).values([
      { productId: product?.id ?? 0, lessonId: open?.id ?? 0 },
      { productId: product?.id ?? 0, lessonId: draft?.id ?? 0 },
    ]);
    const found = await publishedProduct("no-contact-workbook");
    expect(found).toMatchObject({ files: [{ fileName: "no-contact-workbook.pdf", contentType: "application/pdf", sizeBytes: expect.any(Number) }], bonusLessons: [open?.title], formats: ["PDF"] });
    expect(found?.descriptionHtml).toContain("<strong>Bold</strong>");
    expect(found?.descriptionHtml).not.toContain("<script>");
  });
});
