import { asc, count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./client";
import { loadCurriculum } from "./curriculum";
import { lessons, modules, plans } from "./schema";
import { seed } from "./seed";
import { testDatabases } from "./testing";

describe.each(testDatabases())("seeding on $kind", (target) => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await target.open();
  });
  afterAll(() => handle.close());

  it("adds the plans and the whole curriculum once, however often it runs", async () => {
    await seed(handle.db);
    await seed(handle.db);
    const curriculum = await loadCurriculum();
    const n = async (t: typeof plans | typeof modules | typeof lessons) => (await handle.db.select({ n: count() }).from(t))[0]?.n;
    expect(await n(plans)).toBe(2);
    expect(await n(modules)).toBe(curriculum.length);
    expect(await n(lessons)).toBe(curriculum.reduce((sum, m) => sum + m.lessons.length, 0));
  });

  it("stores the Markdown files' modules and lessons in order, published", async () => {
    const curriculum = await loadCurriculum();
    const storedModules = await handle.db.select({ id: modules.id, slug: modules.slug, title: modules.title, summary: modules.summary, position: modules.position }).from(modules).orderBy(asc(modules.position));
    expect(storedModules.map(({ id: _, ...m }) => m)).toEqual(curriculum.map((m, i) => ({ slug: m.slug, title: m.title, summary: m.summary, position: i + 1 })));
    const storedLessons = await handle.db.query.lessons.findMany({
      columns: { moduleId: true, slug: true, title: true, bodyMd: true, exerciseMd: true, releaseOffsetDays: true, position: true, status: true },
      orderBy: [asc(lessons.moduleId), asc(lessons.position)],
    });
    const moduleIds = new Map(storedModules.map((m) => [m.slug, m.id]));
    expect(storedLessons).toEqual(
      curriculum.flatMap((m) => m.lessons.map((l, i) => ({ ...l, moduleId: moduleIds.get(m.slug), position: i + 1, status: "published" }))),
    );
  });
});
