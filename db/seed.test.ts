import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./client";
import { curriculum } from "./curriculum";
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
    const n = async (t: typeof plans | typeof modules | typeof lessons) => (await handle.db.select({ n: count() }).from(t))[0]?.n;
    expect(await n(plans)).toBe(2);
    expect(await n(modules)).toBe(curriculum.length);
    expect(await n(lessons)).toBe(curriculum.reduce((sum, m) => sum + m.lessons.length, 0));
  });
});
